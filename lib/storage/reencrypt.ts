import { SECTOR_SIZE } from "./block-device";
import type { ChunkStore } from "./chunk-store";
import { transformInPlace } from "./cipher-pool";
import { giveScratch, takeScratch } from "./scratch";
import { StorageError } from "./errors";
import { removeDir } from "./layout";
import { createMedium } from "./medium";
import type { MediumInfo } from "./medium";
import { acquireStore, releaseStore, withStore } from "./registry";
import { clearSectors, sharedKeyCopy, zeroKey, zeroSectors } from "./sector-cipher";
import type { ProgressCallback } from "./snapshot";

export type ReencryptOptions = {
  /** The source's data key; required exactly when the source is encrypted. */
  fromKey?: Uint8Array;
  /** The new medium's data key; without it the new medium is unencrypted. */
  toKey?: Uint8Array;
  /** Size of the new medium (default: the source's; never smaller). */
  sizeBytes?: number;
  onProgress?: ProgressCallback;
};

/**
 * A new medium in `dstDir` with the data of `srcDir` (a snapshot, or a medium nobody writes
 * meanwhile) under another key: unencrypted → encrypted, key A → key B (or → unencrypted,
 * which the API refuses but the primitive allows). Only allocated chunks are read, and only
 * sectors ever written are written: unwritten sectors stay zeros, raw and to the guest. The
 * keys are copied for the duration and zeroed; the caller's buffers are untouched.
 */
export async function reencryptMedium(
  srcDir: string,
  dstDir: string,
  options: ReencryptOptions,
): Promise<MediumInfo> {
  return withStore(srcDir, async (src) => {
    if (src.encrypted !== Boolean(options.fromKey)) {
      throw new StorageError(
        "KeyMismatch",
        src.encrypted
          ? `Medium ${srcDir} is encrypted: fromKey is required`
          : `Medium ${srcDir} is not encrypted`,
      );
    }
    const sizeBytes = options.sizeBytes ?? src.sizeBytes;
    if (sizeBytes < src.sizeBytes)
      throw new RangeError(`A copy cannot shrink the medium: ${sizeBytes} < ${src.sizeBytes}`);
    const fromKey = options.fromKey ? sharedKeyCopy(options.fromKey) : null;
    let toKey: Buffer | null = null;
    let created = false;
    try {
      toKey = options.toKey ? sharedKeyCopy(options.toKey) : null;
      await createMedium(dstDir, sizeBytes, { encrypted: toKey !== null });
      created = true;
      const dst = await acquireStore(dstDir);
      try {
        const chunks = await allocatedUnder(src);
        for (const [done, index] of chunks.entries()) {
          await copyChunk(src, dst, index, fromKey, toKey);
          options.onProgress?.(done + 1, chunks.length);
        }
        const release = await dst.lock.exclusive();
        try {
          await dst.flushLocked();
        } finally {
          release();
        }
        return {
          sizeBytes,
          encrypted: dst.encrypted,
          readOnly: false,
          chunkSize: dst.chunkSize,
          allocatedBytes: dst.allocatedChunkCount * dst.chunkSize,
        };
      } finally {
        await releaseStore(dst);
      }
    } catch (error) {
      if (created) await removeDir(dstDir).catch(() => undefined);
      throw error;
    } finally {
      zeroKey(fromKey);
      zeroKey(toKey);
    }
  });
}

async function allocatedUnder(store: ChunkStore): Promise<number[]> {
  const release = await store.lock.shared();
  try {
    return store.allocatedChunks();
  } finally {
    release();
  }
}

async function copyChunk(
  src: ChunkStore,
  dst: ChunkStore,
  index: number,
  fromKey: Buffer | null,
  toKey: Buffer | null,
) {
  const offset = index * src.chunkSize;
  const length = Math.min(src.chunkSize, src.sizeBytes - offset);
  const buffer = takeScratch(length);
  try {
    const release = await src.lock.shared();
    try {
      await src.readInto(offset, buffer);
    } finally {
      release();
    }
    const unwritten = zeroSectors(buffer);
    if (unwritten.length === length / SECTOR_SIZE) return;
    const firstSector = offset / SECTOR_SIZE;
    if (fromKey) await transformInPlace("decrypt", fromKey, firstSector, buffer);
    if (toKey) await transformInPlace("encrypt", toKey, firstSector, buffer);
    clearSectors(buffer, unwritten);
    const release2 = await dst.lock.exclusive();
    try {
      for (const [start, end] of writtenRuns(length / SECTOR_SIZE, unwritten)) {
        await dst.writeFrom(
          offset + start * SECTOR_SIZE,
          buffer.subarray(start * SECTOR_SIZE, end * SECTOR_SIZE),
        );
      }
    } finally {
      release2();
    }
  } finally {
    giveScratch(buffer);
  }
}

/** [start, end) runs of sectors not in the sorted `unwritten` list. */
function writtenRuns(sectors: number, unwritten: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = 0;
  for (const skip of [...unwritten, sectors]) {
    if (skip > start) runs.push([start, skip]);
    start = skip + 1;
  }
  return runs;
}
