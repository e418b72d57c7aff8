import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  privateDecrypt,
  publicEncrypt,
} from "node:crypto";
import { promisify } from "node:util";
import { KeyMaterialUnwrapError, UnsupportedWrappingAlgorithmError } from "./errors";

/*
 * BYOK (KMS GetParametersForImport / ImportKeyMaterial): KMS hands out a fresh RSA-2048 public
 * key; the user encrypts their key material with it (RSAES-OAEP); KMS unwraps it with the
 * private key. OAEP's MGF1 uses the same hash as OAEP (OpenSSL's default when only the OAEP
 * digest is set), as `openssl pkeyutl -pkeyopt rsa_oaep_md:sha256` produces.
 */

export const SUPPORTED_WRAPPING_ALGORITHMS = ["RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1"] as const;
export type WrappingAlgorithm = (typeof SUPPORTED_WRAPPING_ALGORITHMS)[number];

const OAEP_HASH: Record<WrappingAlgorithm, string> = {
  RSAES_OAEP_SHA_256: "sha256",
  RSAES_OAEP_SHA_1: "sha1",
};
const RSA_BITS = 2048;

export interface WrappingKeyPair {
  /** Base64 DER SubjectPublicKeyInfo: GetParametersForImport's PublicKey. */
  publicKey: string;
  /** PKCS#8 DER, in clear: wrap it with the root key before storing, then zero this buffer. */
  privateKey: Buffer;
}

const generateRsaKeyPair = promisify(generateKeyPair);

/** A fresh RSA-2048 pair (asynchronous: key generation takes tens of milliseconds). */
export async function generateWrappingKeyPair(): Promise<WrappingKeyPair> {
  const { publicKey, privateKey } = await generateRsaKeyPair("rsa", {
    modulusLength: RSA_BITS,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "der" },
  });
  return { publicKey: publicKey.toString("base64"), privateKey };
}

export function isSupportedWrappingAlgorithm(value: string): value is WrappingAlgorithm {
  return (SUPPORTED_WRAPPING_ALGORITHMS as readonly string[]).includes(value);
}

/**
 * The imported key material in clear (the caller checks its length against the KeySpec and
 * zeroes it when done). Throws KeyMaterialUnwrapError if it does not decrypt under this key.
 */
export function unwrapKeyMaterial(
  privateKeyPkcs8: Uint8Array,
  wrappingAlgorithm: string,
  encryptedKeyMaterial: Uint8Array,
): Buffer {
  const oaepHash = oaepHashOf(wrappingAlgorithm);
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8), format: "der", type: "pkcs8" });
  try {
    return privateDecrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
      encryptedKeyMaterial,
    );
  } catch {
    throw new KeyMaterialUnwrapError();
  }
}

/** The user's side of the import (what they would do with openssl); used by tests and tools. */
export function wrapKeyMaterial(
  publicKeyBase64: string,
  wrappingAlgorithm: string,
  material: Uint8Array,
): Buffer {
  const oaepHash = oaepHashOf(wrappingAlgorithm);
  const key = createPublicKey({
    key: Buffer.from(publicKeyBase64, "base64"),
    format: "der",
    type: "spki",
  });
  return publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, material);
}

function oaepHashOf(wrappingAlgorithm: string): string {
  // RSAES_PKCS1_V1_5 is a real KMS option, but Node 20 refuses PKCS#1 v1.5 private
  // decryption since CVE-2023-46809 (Marvin); see lib/kms/README.md.
  if (!isSupportedWrappingAlgorithm(wrappingAlgorithm)) {
    throw new UnsupportedWrappingAlgorithmError(wrappingAlgorithm);
  }
  return OAEP_HASH[wrappingAlgorithm];
}
