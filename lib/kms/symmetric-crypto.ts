import {
  BLOB_ALGORITHM_BY_KEY_SPEC,
  openBlob,
  parseBlobHeader,
  sealBlob,
  type BlobHeader,
} from "@/lib/crypto/kms-blob";
import type { EncryptionContext } from "@/lib/crypto/encryption-context";
import { InvalidBlobError } from "@/lib/crypto/errors";
import type { KmsKey } from "@/lib/generated/prisma/client";
import { kmsErrors } from "./errors";
import { loadMaterial } from "./key-material";
import { isSymmetricKeySpec } from "./key-specs";

/**
 * Sealing under a key's primary version and opening under the version a blob names — the
 * blob format itself is lib/crypto/kms-blob.ts (lib/kms/README.md). Callers have already run
 * the key's guards (state Enabled, symmetric).
 */
export type Sealed = { keyId: string; keyVersionId: string; ciphertextBlob: string };

export async function sealUnderPrimaryVersion(
  key: KmsKey,
  plaintext: Uint8Array,
  encryptionContext?: EncryptionContext,
): Promise<Sealed> {
  const keyVersionId = key.primaryKeyVersionId;
  if (!isSymmetricKeySpec(key.keySpec) || !keyVersionId)
    throw new Error(`Key ${key.id} has no symmetric primary version.`);
  const entry = await loadMaterial(key.id, keyVersionId);
  if (!entry)
    throw new Error(
      `Key ${key.id} version ${keyVersionId} has no material although the key is usable.`,
    );
  // Used synchronously right after the await: an eviction cannot zero it mid-seal.
  const ciphertextBlob = sealBlob({
    keyId: key.id,
    keyVersionId,
    algorithm: BLOB_ALGORITHM_BY_KEY_SPEC[key.keySpec],
    material: entry.material,
    plaintext,
    encryptionContext,
  });
  return { keyId: key.id, keyVersionId, ciphertextBlob };
}

/** The blob's header (which key and version), or 400 InvalidCiphertext if it is not a blob. */
export function readBlobHeader(ciphertextBlob: string): BlobHeader {
  try {
    return parseBlobHeader(ciphertextBlob);
  } catch (error) {
    if (error instanceof InvalidBlobError) throw kmsErrors.invalidCiphertext();
    throw error;
  }
}

/**
 * The plaintext of a blob of this key, under the version the blob names (not the primary:
 * rotation never breaks old blobs). Altered bytes, another EncryptionContext, a version the key
 * does not have: all the same 400 InvalidCiphertext, so a caller cannot probe which it was.
 */
export async function openWithNamedVersion(
  key: KmsKey,
  ciphertextBlob: string,
  header: BlobHeader,
  encryptionContext?: EncryptionContext,
): Promise<Buffer> {
  const entry = await loadMaterial(key.id, header.keyVersionId);
  if (
    !entry ||
    !isSymmetricKeySpec(key.keySpec) ||
    BLOB_ALGORITHM_BY_KEY_SPEC[key.keySpec] !== header.algorithm
  ) {
    throw kmsErrors.invalidCiphertext();
  }
  try {
    return openBlob(ciphertextBlob, entry.material, encryptionContext);
  } catch (error) {
    if (error instanceof InvalidBlobError) throw kmsErrors.invalidCiphertext();
    throw error;
  }
}
