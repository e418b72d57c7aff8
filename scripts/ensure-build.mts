import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { sourceStamp, STAMP_FILE } from "./source-stamp.mts";

/** Generates the Prisma client if missing and runs `next build` when the sources changed. */
export function ensureBuild({ quiet = false } = {}): void {
  const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (!fs.existsSync("lib/generated/prisma/client.ts")) run("npx", ["tsx", "scripts/db.mts", "generate"]);
  const stamp = sourceStamp();
  const built = fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, "utf8") === stamp;
  if (built) return;
  if (!quiet) console.log("Building the console (first start, or the sources changed)…");
  run("npx", ["next", "build"]);
  fs.writeFileSync(STAMP_FILE, stamp);
}
