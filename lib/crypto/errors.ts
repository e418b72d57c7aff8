/**
 * Typed failures of the pure crypto layer. lib/crypto knows nothing of HTTP or Alibaba's
 * error codes; the KMS service maps these to AppError (see lib/kms/README.md):
 *   InvalidEncryptionContextError → 400 InvalidParameter
 *   InvalidBlobError              → 400 (Decrypt's code for a ciphertext that is not ours / altered)
 *   KeyMaterialUnwrapError        → 400 InvalidKeyMaterial
 *   UnsupportedWrappingAlgorithmError → 400 InvalidParameter
 * AeadAuthenticationError stays inside lib/crypto callers (kms-blob turns it into InvalidBlobError).
 */

export class InvalidEncryptionContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidEncryptionContextError";
  }
}

/**
 * Why a blob was refused. "malformed": not a DiskSeal blob (bad base64, magic, version,
 * algorithm, lengths). "unauthenticated": well formed but the AEAD check failed — altered bytes,
 * another EncryptionContext, or other key material. The two are kept apart for logs and tests;
 * the API should answer both the same way so a caller learns nothing from the difference.
 */
export type InvalidBlobReason = "malformed" | "unauthenticated";

export class InvalidBlobError extends Error {
  readonly reason: InvalidBlobReason;

  constructor(reason: InvalidBlobReason, message: string) {
    super(message);
    this.name = "InvalidBlobError";
    this.reason = reason;
  }
}

/** An AEAD open() failed: the ciphertext, tag, nonce, associated data or key is not the sealed one. */
export class AeadAuthenticationError extends Error {
  constructor() {
    super("Authentication failed: the ciphertext or its associated data was altered.");
    this.name = "AeadAuthenticationError";
  }
}

/** RSA-OAEP unwrap of imported (BYOK) key material failed: wrong key, wrong hash, or garbage. */
export class KeyMaterialUnwrapError extends Error {
  constructor(message = "The encrypted key material could not be unwrapped.") {
    super(message);
    this.name = "KeyMaterialUnwrapError";
  }
}

export class UnsupportedWrappingAlgorithmError extends Error {
  constructor(algorithm: string) {
    super(`Wrapping algorithm ${algorithm} is not supported.`);
    this.name = "UnsupportedWrappingAlgorithmError";
  }
}
