import { copyFile, link, mkdir, open } from "node:fs/promises";
import path from "node:path";
import { writeAllocationMap } from "./allocation-map";
import type { ChunkStore } from "./chunk-store";
import { StorageError } from "./errors";
import {
  CHUNKS_DIR,
  chunkPath,
  fsyncDir,
  isErrno,
  makeEmptyDir,
  removeDir,
  writeMeta,
} from "./layout";
import type { MediumMeta } from "./layout";
import type { MediumInfo } from "./medium";
import { storeKey, withStore } from "./registry";

/*
 * Snapshots and restores are hard links: the new directory links every allocated chunk file
 * of the source and gets its own map and medium.json. Cost: one link per allocated 4 MiB
 * chunk — what was written, never the disk's size — and no data copied. A writable medium
 * never writes into a chunk file with other links: its first write after a snapshot copies
 * the chunk (chunk-store.ts, unshare), so the snapshot keeps the point-in-time bytes while the
 * source changes, and keeps them when the source is deleted (the inode lives on). Snapshots
 * are read-only. Across filesystems (EXDEV) or past the link limit the chunk is copied.
 */

/** (chunks done, chunks in all): for a real Progress %. */
export type ProgressCallback = (done: number, total: number) => void;

/** A point-in-time, read-only copy of the medium in `srcDir` (open or not) into `snapDir`. */
export async function snapshotMedium(
  srcDir: string,
  snapDir: string,
  options: { onProgress?: ProgressCallback } = {},
): Promise<MediumInfo> {
  return cloneMedium(srcDir, snapDir, { readOnly: true, onProgress: options.onProgress });
}

/** A new writable medium in `dstDir` with the snapshot's bytes; `sizeBytes` may grow it. */
export async function restoreMedium(
  snapDir: string,
  dstDir: string,
  options: { sizeBytes?: number; onProgress?: ProgressCallback } = {},
): Promise<MediumInfo> {
  return cloneMedium(snapDir, dstDir, { readOnly: false, ...options });
}

async function cloneMedium(
  srcDir: string,
  dstDir: string,
  options: { readOnly: boolean; sizeBytes?: number; onProgress?: ProgressCallback },
): Promise<MediumInfo> {
  if (storeKey(srcDir) === storeKey(dstDir))
    throw new StorageError("Exists", "Source and target are the same");
  return withStore(srcDir, async (store) => {
    const sizeBytes = options.sizeBytes ?? store.sizeBytes;
    if (sizeBytes < store.sizeBytes) {
      throw new RangeError(`A copy cannot shrink the medium: ${sizeBytes} < ${store.sizeBytes}`);
    }
    // Exclusive: no write lands between the flush and the last link (point in time).
    const release = await store.lock.exclusive();
    try {
      await store.flushLocked();
      const chunks = store.allocatedChunks();
      const meta: MediumMeta = { ...store.metadata, readOnly: options.readOnly, sizeBytes };
      await writeClone(store, dstDir, meta, chunks, options.onProgress);
      return {
        sizeBytes,
        encrypted: meta.encrypted,
        readOnly: meta.readOnly,
        chunkSize: meta.chunkSize,
        allocatedBytes: chunks.length * meta.chunkSize,
      };
    } finally {
      store.markShared();
      release();
    }
  });
}

async function writeClone(
  source: ChunkStore,
  dstDir: string,
  meta: MediumMeta,
  chunks: number[],
  onProgress?: ProgressCallback,
): Promise<void> {
  await makeEmptyDir(dstDir);
  try {
    await mkdir(path.join(dstDir, CHUNKS_DIR));
    const dirs = new Map<string, Promise<unknown>>();
    let done = 0;
    onProgress?.(0, chunks.length);
    await forEachLimit(chunks, 16, async (index) => {
      const target = chunkPath(dstDir, index);
      const dir = path.dirname(target);
      if (!dirs.has(dir)) dirs.set(dir, mkdir(dir, { recursive: true }));
      await dirs.get(dir);
      await linkOrCopy(chunkPath(source.dir, index), target);
      onProgress?.(++done, chunks.length);
    });
    await Promise.all([...dirs.keys(), path.join(dstDir, CHUNKS_DIR)].map(fsyncDir));
    await writeAllocationMap(dstDir, chunks, { fresh: true });
    await writeMeta(dstDir, meta); // last: a crash before it leaves no medium, only debris
    await fsyncDir(path.dirname(path.resolve(dstDir)));
  } catch (error) {
    await removeDir(dstDir).catch(() => undefined);
    throw error;
  }
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!isErrno(error, "EXDEV", "EPERM", "EMLINK", "ENOTSUP", "EOPNOTSUPP")) throw error;
    await copyFile(from, to);
    const handle = await open(to, "r");
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}

export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
