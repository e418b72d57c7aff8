import { createCipheriv, createDecipheriv, timingSafeEqual } from "node:crypto";

/*
 * The disk sector cipher: AES-256-XTS (IEEE 1619), 512-bit data key, one XTS data unit per
 * 4096-byte sector, tweak = plain64(sector number). That is what
 *   cryptsetup --type plain --cipher aes-xts-plain64 --key-size 512 --sector-size 4096 --iv-large-sectors
 * reads, so standard tools can decrypt the media with the data key. Never change any of it:
 * every encrypted disk on disk depends on it.
 */

export const SECTOR_BYTES = 4096;
export const XTS_KEY_BYTES = 64;
const TWEAK_BYTES = 16;
const MAX_SECTOR = 2n ** 64n - 1n;

/** plain64: the sector number as a 64-bit little-endian integer, zero-padded to 16 bytes. */
export function plain64Tweak(
  sector: number | bigint,
  out: Buffer = Buffer.alloc(TWEAK_BYTES),
): Buffer {
  out.fill(0, 0, TWEAK_BYTES);
  out.writeBigUInt64LE(toSectorNumber(sector), 0);
  return out;
}

/**
 * Encrypts whole sectors; `plaintext` holds consecutive sectors starting at `firstSector`.
 * Pass `output` (same length; may be `plaintext` itself for in-place) to avoid allocating.
 */
export function encryptSectors(
  key: Uint8Array,
  firstSector: number | bigint,
  plaintext: Uint8Array,
  output?: Uint8Array,
): Buffer {
  return transformSectors("encrypt", key, firstSector, plaintext, output);
}

export function decryptSectors(
  key: Uint8Array,
  firstSector: number | bigint,
  ciphertext: Uint8Array,
  output?: Uint8Array,
): Buffer {
  return transformSectors("decrypt", key, firstSector, ciphertext, output);
}

function transformSectors(
  direction: "encrypt" | "decrypt",
  key: Uint8Array,
  firstSector: number | bigint,
  input: Uint8Array,
  output: Uint8Array | undefined,
): Buffer {
  checkXtsKey(key);
  if (input.length % SECTOR_BYTES !== 0) {
    throw new RangeError(
      `XTS input must be whole ${SECTOR_BYTES}-byte sectors, got ${input.length} bytes.`,
    );
  }
  if (output && output.length !== input.length) {
    throw new RangeError("XTS output buffer must have the same length as the input.");
  }
  const sectorCount = input.length / SECTOR_BYTES;
  const first = toSectorNumber(firstSector);
  if (sectorCount > 0 && first + BigInt(sectorCount - 1) > MAX_SECTOR) {
    throw new RangeError("Sector number exceeds 64 bits.");
  }

  const out = output
    ? Buffer.from(output.buffer, output.byteOffset, output.byteLength)
    : Buffer.alloc(input.length);
  const tweak = Buffer.alloc(TWEAK_BYTES);
  const create = direction === "encrypt" ? createCipheriv : createDecipheriv;
  for (let index = 0; index < sectorCount; index++) {
    const start = index * SECTOR_BYTES;
    plain64Tweak(first + BigInt(index), tweak);
    // One cipher object per sector: the XTS data unit is the sector, and the tweak's
    // multiplication by α restarts at each unit. One update() across sectors would chain them.
    const cipher = create("aes-256-xts", key, tweak);
    // update() returns a new buffer after reading the whole sector, so in-place output is safe.
    cipher.update(input.subarray(start, start + SECTOR_BYTES)).copy(out, start);
    cipher.final();
  }
  return out;
}

function checkXtsKey(key: Uint8Array): void {
  if (key.length !== XTS_KEY_BYTES) {
    throw new RangeError(`AES-256-XTS needs a ${XTS_KEY_BYTES}-byte key, got ${key.length}.`);
  }
  // OpenSSL refuses to encrypt when the two halves are equal (it would weaken XTS) but still
  // decrypts; refuse both ways so the failure shows up at once, not at the first write.
  if (timingSafeEqual(key.subarray(0, 32), key.subarray(32))) {
    throw new RangeError("AES-256-XTS key halves must differ.");
  }
}

function toSectorNumber(sector: number | bigint): bigint {
  if (typeof sector === "number" && !Number.isSafeInteger(sector)) {
    throw new RangeError(`Sector number must be an integer, got ${sector}.`);
  }
  const value = BigInt(sector);
  if (value < 0n || value > MAX_SECTOR)
    throw new RangeError("Sector number must fit in 64 unsigned bits.");
  return value;
}
