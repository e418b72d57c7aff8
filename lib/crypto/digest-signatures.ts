import {
  constants,
  createHash,
  privateEncrypt,
  publicDecrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from "node:crypto";
import { signP256Digest, verifyP256Digest } from "./ecdsa-p256";

/*
 * Signatures over a SHA-256 digest the caller computed (KMS AsymmetricSign / AsymmetricVerify
 * take `Digest`, not the message). node:crypto.sign always hashes its input, so:
 *   RSA_PKCS1_SHA_256  RSASSA-PKCS1-v1_5 (RFC 8017 §8.2): DigestInfo(SHA-256) ‖ digest, padded
 *                      by OpenSSL's private-key "encrypt" with PKCS#1 type-1 padding.
 *   RSA_PSS_SHA_256    RSASSA-PSS (RFC 8017 §8.1): EMSA-PSS encoded here (MGF1-SHA-256, salt
 *                      32 bytes, as `openssl … -pkeyopt rsa_pss_saltlen:32` and AWS do), then the
 *                      raw RSA private operation.
 *   ECDSA_SHA_256      ecdsa-p256.ts (RFC 6979 nonces, DER signature).
 * Each verifies with node:crypto.verify("sha256", message, publicKey, …) on the original message.
 */
export const SIGNING_ALGORITHMS = [
  "RSA_PSS_SHA_256",
  "RSA_PKCS1_SHA_256",
  "ECDSA_SHA_256",
] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

const HASH_BYTES = 32;
const PSS_SALT_BYTES = 32;
/** DER of DigestInfo { AlgorithmIdentifier sha256, NULL } up to the 32-byte OCTET STRING. */
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");

export function signDigest(
  algorithm: SigningAlgorithm,
  privateKey: KeyObject,
  digest: Uint8Array,
): Buffer {
  checkDigest(digest);
  switch (algorithm) {
    case "RSA_PKCS1_SHA_256":
      return privateEncrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      );
    case "RSA_PSS_SHA_256": {
      const modulusBits = rsaModulusBits(privateKey);
      const em = encodePss(digest, modulusBits - 1);
      const block = Buffer.concat([Buffer.alloc(Math.ceil(modulusBits / 8) - em.length), em]);
      return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, block);
    }
    case "ECDSA_SHA_256":
      return signP256Digest(privateKey, digest);
  }
}

export function verifyDigest(
  algorithm: SigningAlgorithm,
  publicKey: KeyObject,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  checkDigest(digest);
  switch (algorithm) {
    case "RSA_PKCS1_SHA_256": {
      const recovered = rsaPublicOperation(publicKey, signature, constants.RSA_PKCS1_PADDING);
      const expected = Buffer.concat([SHA256_DIGEST_INFO, digest]);
      return (
        recovered !== undefined &&
        recovered.length === expected.length &&
        timingSafeEqual(recovered, expected)
      );
    }
    case "RSA_PSS_SHA_256": {
      const modulusBits = rsaModulusBits(publicKey);
      const block = rsaPublicOperation(publicKey, signature, constants.RSA_NO_PADDING);
      if (!block) return false;
      const emLength = Math.ceil((modulusBits - 1) / 8);
      const padding = block.subarray(0, block.length - emLength);
      return (
        padding.every((byte) => byte === 0) &&
        verifyPss(digest, block.subarray(block.length - emLength), modulusBits - 1)
      );
    }
    case "ECDSA_SHA_256":
      return verifyP256Digest(publicKey, digest, signature);
  }
}

function checkDigest(digest: Uint8Array): void {
  if (digest.length !== HASH_BYTES)
    throw new RangeError(`A SHA-256 digest is ${HASH_BYTES} bytes.`);
}

function rsaModulusBits(key: KeyObject): number {
  const bits =
    key.asymmetricKeyType === "rsa" ? key.asymmetricKeyDetails?.modulusLength : undefined;
  if (!bits) throw new RangeError("Not an RSA key.");
  return bits;
}

/** s^e mod n (with the padding check OpenSSL does), or undefined if the signature is not one. */
function rsaPublicOperation(
  key: KeyObject,
  signature: Uint8Array,
  padding: number,
): Buffer | undefined {
  if (signature.length !== Math.ceil(rsaModulusBits(key) / 8)) return undefined;
  try {
    return publicDecrypt({ key, padding }, signature);
  } catch {
    return undefined;
  }
}

const sha256 = (...parts: Uint8Array[]) =>
  parts.reduce((hash, part) => hash.update(part), createHash("sha256")).digest();

function mgf1(seed: Uint8Array, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * HASH_BYTES < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    blocks.push(sha256(seed, c));
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1). */
function encodePss(mHash: Uint8Array, emBits: number): Buffer {
  const emLength = Math.ceil(emBits / 8);
  const salt = randomBytes(PSS_SALT_BYTES);
  const h = sha256(Buffer.alloc(8), mHash, salt);
  const db = Buffer.concat([
    Buffer.alloc(emLength - PSS_SALT_BYTES - HASH_BYTES - 2),
    Buffer.of(0x01),
    salt,
  ]);
  const maskedDb = xor(db, mgf1(h, db.length));
  maskedDb[0] &= 0xff >> (8 * emLength - emBits);
  return Buffer.concat([maskedDb, h, Buffer.of(0xbc)]);
}

/** EMSA-PSS-VERIFY (RFC 8017 §9.1.2) with the fixed 32-byte salt. */
function verifyPss(mHash: Uint8Array, em: Buffer, emBits: number): boolean {
  const emLength = em.length;
  if (emLength < HASH_BYTES + PSS_SALT_BYTES + 2 || em[emLength - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLength - HASH_BYTES - 1);
  const h = em.subarray(emLength - HASH_BYTES - 1, emLength - 1);
  const topBits = 0xff >> (8 * emLength - emBits);
  if (maskedDb[0] & ~topBits & 0xff) return false;
  const db = xor(maskedDb, mgf1(h, maskedDb.length));
  db[0] &= topBits;
  const separator = emLength - HASH_BYTES - PSS_SALT_BYTES - 2;
  if (!db.subarray(0, separator).every((byte) => byte === 0) || db[separator] !== 0x01)
    return false;
  const salt = db.subarray(db.length - PSS_SALT_BYTES);
  return timingSafeEqual(h, sha256(Buffer.alloc(8), mHash, salt));
}

function xor(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] ^ b[i];
  return out;
}
