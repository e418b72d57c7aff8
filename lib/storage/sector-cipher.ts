import { XTS_KEY_BYTES, encryptSectors } from "../crypto/xts";
import { SECTOR_SIZE } from "./block-device";

/*
 * The medium's use of the sector cipher. Invariant: a sector never written reads as zeros
 * both raw and to the guest — it never went through the cipher. In a chunk file, unwritten
 * sectors are holes (zeros), so on an encrypted medium an all-zero stored sector means
 * "never written" and decrypts to zeros. (A written sector whose ciphertext is all zeros has
 * probability 2^-32768.)
 */

const ZERO_SECTOR = Buffer.alloc(SECTOR_SIZE);

/**
 * The medium's own copy of a data key, in a SharedArrayBuffer so the cipher workers use this
 * one copy instead of receiving their own. Zero it with `zeroKey` when done.
 */
export function sharedKeyCopy(key: Uint8Array): Buffer {
  if (key.length !== XTS_KEY_BYTES) {
    throw new RangeError(`A disk data key is ${XTS_KEY_BYTES} bytes, got ${key.length}`);
  }
  const copy = Buffer.from(new SharedArrayBuffer(XTS_KEY_BYTES));
  copy.set(key);
  try {
    encryptSectors(copy, 0, ZERO_SECTOR); // refuses keys XTS refuses (equal halves), now
  } catch (error) {
    copy.fill(0);
    throw error;
  }
  return copy;
}

export function zeroKey(key: Buffer | null | undefined): void {
  key?.fill(0);
}

/** Indexes of the all-zero sectors of `data`. */
export function zeroSectors(data: Buffer): number[] {
  const zeros: number[] = [];
  for (let sector = 0, at = 0; at < data.length; sector++, at += SECTOR_SIZE) {
    if (data.compare(ZERO_SECTOR, 0, SECTOR_SIZE, at, at + SECTOR_SIZE) === 0) zeros.push(sector);
  }
  return zeros;
}

export function clearSectors(data: Buffer, sectors: readonly number[]): void {
  for (const sector of sectors) data.fill(0, sector * SECTOR_SIZE, (sector + 1) * SECTOR_SIZE);
}
