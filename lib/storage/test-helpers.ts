import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/** A temp directory for the test file, removed afterwards; `dir(name)` names a medium in it. */
export function tempMediaDir(): { root: () => string; dir: (name: string) => string } {
  let root = "";
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "diskseal-storage-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  return { root: () => root, dir: (name) => path.join(root, name) };
}

/** Bytes the files under `dir` occupy on disk (st_blocks), each inode counted once. */
export async function diskUsage(dir: string, seen = new Set<number>()): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const info = await stat(file);
    if (seen.has(info.ino)) continue;
    seen.add(info.ino);
    total += info.blocks * 512;
    if (entry.isDirectory()) total += await diskUsage(file, seen);
  }
  return total;
}

/** `sectors` sectors, each filled with its own pattern from `seed`. */
export function pattern(seed: number, sectors: number): Buffer {
  const out = Buffer.alloc(sectors * 4096);
  for (let sector = 0; sector < sectors; sector++) {
    for (let at = 0; at < 4096; at += 4)
      out.writeUInt32LE((seed * 7919 + sector * 104729 + at) >>> 0, sector * 4096 + at);
  }
  return out;
}
