import { SECTOR_SIZE } from "./block-device";
import type { ChunkStore } from "./chunk-store";
import { planSharing, sharingPays, transformHere, transformShared } from "./cipher-pool";
import { giveScratch, takeScratch } from "./scratch";
import type { Release } from "./lock";
import { clearSectors, zeroSectors } from "./sector-cipher";

/*
 * Guest I/O on an encrypted medium. The cipher runs on the calling thread straight from the
 * caller's buffer into a reused scratch buffer, or — for large requests when there are cipher
 * workers — in place in shared scratch (one copy in, the price of sharing).
 */

/**
 * With free cores, large writes go in pieces: piece k+1 is encrypted while piece k is written
 * to its file. Without (one busy core does both), pieces only add event-loop turns.
 */
const PIECE_BYTES = 512 * 1024;

/**
 * Encrypts `data` (untouched) and stores it at `offset`. The first piece is encrypted while
 * waiting for `turn` (the caller's place in the medium's lock, taken when the write was
 * issued); the lock is held from the first file write to the last.
 */
export async function writeEncrypted(
  store: ChunkStore,
  key: Buffer,
  offset: number,
  data: Uint8Array,
  turn: Promise<Release>,
): Promise<void> {
  let release: Release | undefined;
  let writing: Promise<void> = Promise.resolve();
  const pieces: Buffer[] = [];
  const pieceBytes = sharingPays() ? PIECE_BYTES : data.length;
  try {
    for (let start = 0; start < data.length; start += pieceBytes) {
      const plain = data.subarray(start, start + pieceBytes);
      const stored = takeScratch(plain.length);
      pieces.push(stored);
      const firstSector = (offset + start) / SECTOR_SIZE;
      if (planSharing(plain.length)) {
        stored.set(plain);
        await transformShared("encrypt", key, firstSector, stored);
      } else {
        transformHere("encrypt", key, firstSector, plain, stored);
      }
      release ??= await turn;
      await writing; // one file write at a time: chunk allocation is not re-entrant
      writing = store.writeFrom(offset + start, stored);
      // Let that write reach libuv's threads before the next piece's encryption takes this one.
      if (start + pieceBytes < data.length) await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
  } finally {
    await writing.catch(() => undefined);
    (release ?? (await turn))();
    for (const piece of pieces) giveScratch(piece);
  }
}

/**
 * Reads and decrypts; never-written (all-zero) stored sectors come back as zeros. The caller
 * holds the medium's shared lock (so the key cannot be zeroed meanwhile).
 */
export async function readDecrypted(
  store: ChunkStore,
  key: Buffer,
  offset: number,
  length: number,
): Promise<Buffer> {
  const stored = takeScratch(length);
  try {
    await store.readInto(offset, stored);
    const unwritten = zeroSectors(stored);
    const plain = Buffer.allocUnsafe(length);
    if (unwritten.length === length / SECTOR_SIZE) return plain.fill(0);
    const firstSector = offset / SECTOR_SIZE;
    if (planSharing(length)) {
      await transformShared("decrypt", key, firstSector, stored);
      stored.copy(plain);
    } else {
      transformHere("decrypt", key, firstSector, stored, plain);
    }
    clearSectors(plain, unwritten);
    return plain;
  } finally {
    giveScratch(stored);
  }
}
