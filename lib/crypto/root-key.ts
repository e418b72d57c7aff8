import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The root key wraps every secret DiskSeal stores: KMS key material, AccessKey secrets.
 * Wrapped form (base64): version byte 0x01 | 12-byte nonce | AES-256-GCM ciphertext | 16-byte tag.
 * The purpose string is bound as associated data, so a secret wrapped for one use (an
 * AccessKey) cannot be replayed as another (a KMS key version).
 */
const VERSION = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const ROOT_KEY_BYTES = 32;

export function generateRootKey(): Buffer {
  return randomBytes(ROOT_KEY_BYTES);
}

export function parseRootKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length !== ROOT_KEY_BYTES || key.toString("base64") !== base64.trim()) {
    throw new Error("DISKSEAL_ROOT_KEY must be the base64 encoding of exactly 32 bytes.");
  }
  return key;
}

export function wrapSecret(rootKey: Buffer, purpose: string, plaintext: Buffer): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", rootKey, nonce);
  cipher.setAAD(Buffer.from(purpose, "utf8"));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), nonce, sealed, cipher.getAuthTag()]).toString("base64");
}

export function unwrapSecret(rootKey: Buffer, purpose: string, wrapped: string): Buffer {
  const bytes = Buffer.from(wrapped, "base64");
  if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES || bytes[0] !== VERSION) {
    throw new Error(`Wrapped secret for ${purpose} has an unknown format.`);
  }
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", rootKey, nonce);
  decipher.setAAD(Buffer.from(purpose, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
}

/**
 * A value derived from the root key and stored in the database at first start. It reveals
 * nothing about the key, and lets the server refuse to start with a different one.
 */
export function rootKeyCheckValue(rootKey: Buffer): string {
  return createHmac("sha256", rootKey).update("diskseal root key check v1").digest("base64");
}

export function matchesCheckValue(rootKey: Buffer, stored: string): boolean {
  const expected = Buffer.from(rootKeyCheckValue(rootKey), "base64");
  const actual = Buffer.from(stored, "base64");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
