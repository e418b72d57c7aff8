import { randomFillSync } from "node:crypto";

/**
 * Random bytes for small, frequent draws (data keys, nonces). One call into OpenSSL per draw
 * costs more than the draw; this takes them from a 16 KiB block refilled from the CSPRNG, and
 * zeroes each slice of the block as it hands it out, so no byte is ever handed out twice.
 */
const POOL_BYTES = 16 * 1024;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

export function randomBytesFromPool(length: number): Buffer {
  if (length > POOL_BYTES / 4) return randomFillSync(Buffer.alloc(length));
  if (used + length > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const out = Buffer.from(pool.subarray(used, used + length));
  pool.fill(0, used, used + length);
  used += length;
  return out;
}
