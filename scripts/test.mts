// `npm test`: lint, typecheck, schema/migration agreement, unit tests, the build, integration
// tests (real servers driven by the official SDKs) and the Playwright journeys in Chromium.
// Stops at the first failing step; ends with one "N passed, N failed" line over all tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuild } from "./ensure-build.mts";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`  ${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function countVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  // A file that fails to load has no failed test but a failed suite: count it as one failure.
  totals.failed += (report.numFailedTests ?? 0) + (report.numFailedTests ? 0 : report.numFailedTestSuites ?? 0);
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const stats = JSON.parse(fs.readFileSync(file, "utf8")).stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
}

function finish(ok: boolean): never {
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

const vitest = (project: string) => {
  const output = path.join(reports, `${project}.json`);
  const ok = step(`${project} tests`, "npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`]);
  countVitest(output);
  return ok;
};

if (!step("lint", "npx", ["eslint", ".", "--max-warnings", "0"])) finish(false);
if (!fs.existsSync("lib/generated/prisma/client.ts") && !step("prisma client", "npx", ["tsx", "scripts/db.mts", "generate"])) finish(false);
if (!step("typecheck", "npx", ["tsc", "--noEmit"])) finish(false);
if (!step("schema ↔ migrations", "npx", ["tsx", "scripts/db.mts", "check"])) finish(false);
if (!vitest("unit")) finish(false);
console.log("\n▶ build");
ensureBuild();
if (!vitest("integration")) finish(false);
const e2eReport = path.join(reports, "e2e.json");
const e2eOk = step("end-to-end (Playwright, Chromium)", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
countPlaywright(e2eReport);
finish(e2eOk);
