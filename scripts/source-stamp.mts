import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Where `npm start` notes which sources the current `.next` build was made from. */
export const STAMP_FILE = ".next/diskseal-source-stamp";

const INPUTS = ["app", "components", "lib", "messages", "public", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

/** A hash of every build input's path, size and mtime: cheap, and changes when a source does. */
export function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (entry.endsWith(".test.ts")) return;
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) visit(path.join(entry, child));
    } else {
      hash.update(`${entry}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}
