import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { sourceStamp, STAMP_FILE } from "./source-stamp.mts";

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });

/** Generates the Prisma client (git-ignored) when it is missing. */
export function ensurePrismaClient(): void {
  if (!fs.existsSync("lib/generated/prisma/client.ts")) run("npx", ["tsx", "scripts/db.mts", "generate"]);
}

/** Generates the Prisma client if missing and runs `next build` when the sources changed. */
export function ensureBuild({ quiet = false } = {}): void {
  ensurePrismaClient();
  const stamp = sourceStamp();
  const built = fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, "utf8") === stamp;
  if (built) return;
  if (!quiet) console.log("Building the console (first start, or the sources changed)…");
  run("npx", ["next", "build"]);
  fs.writeFileSync(STAMP_FILE, stamp);
}
