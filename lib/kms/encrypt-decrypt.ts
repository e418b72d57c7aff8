import type { RequestContext } from "@/lib/context";
import type { EncryptionContext } from "@/lib/crypto/encryption-context";
import { authorize } from "@/lib/ram/authorize";
import { assertSymmetric, guardKey } from "./key-guards";
import { getKeyOrThrow, keyIdTarget, keyTarget } from "./key-lookup";
import { keyOperation, onTarget } from "./key-operation";
import { now } from "@/lib/clock";
import {
  openWithNamedVersion,
  readBlobHeader,
  sealUnderPrimaryVersion,
  type Sealed,
} from "./symmetric-crypto";

/** Encrypt takes at most 6 KiB of plaintext (lib/crypto/kms-blob.ts MAX_BLOB_PLAINTEXT_BYTES). */
export { MAX_BLOB_PLAINTEXT_BYTES as MAX_ENCRYPT_PLAINTEXT_BYTES } from "@/lib/crypto/kms-blob";

/** KMS Encrypt: seals up to 6 KiB under the key's primary version (symmetric keys only). */
export function encrypt(
  ctx: RequestContext,
  input: { keyId: string; plaintext: Uint8Array; encryptionContext?: EncryptionContext },
): Promise<Sealed> {
  return keyOperation(ctx, "Encrypt", input.keyId, async (key) => {
    assertSymmetric(key);
    return sealUnderPrimaryVersion(key, input.plaintext, input.encryptionContext);
  });
}

export type Decrypted = { keyId: string; keyVersionId: string; plaintext: Buffer };

/**
 * KMS Decrypt: no KeyId — the key and version come from the blob's header; the key is looked
 * up in the request's region. The plaintext Buffer is the caller's to zero.
 */
export async function decrypt(
  ctx: RequestContext,
  input: { ciphertextBlob: string; encryptionContext?: EncryptionContext },
): Promise<Decrypted> {
  const header = readBlobHeader(input.ciphertextBlob);
  return onTarget(keyIdTarget(ctx, header.keyId), "Decrypt", async (key) => {
    assertSymmetric(key);
    const plaintext = await openWithNamedVersion(
      key,
      input.ciphertextBlob,
      header,
      input.encryptionContext,
    );
    return { keyId: key.id, keyVersionId: header.keyVersionId, plaintext };
  });
}

export type ReEncryptInput = {
  ciphertextBlob: string;
  destinationKeyId: string;
  sourceEncryptionContext?: EncryptionContext;
  destinationEncryptionContext?: EncryptionContext;
};

/**
 * KMS ReEncrypt: opens a blob under its own key and version and seals the plaintext under the
 * destination key, without the plaintext leaving KMS. Both keys must be Enabled and symmetric;
 * the caller needs ReEncrypt on both. Audited once, with the destination key.
 */
export async function reEncrypt(
  ctx: RequestContext,
  input: ReEncryptInput,
): Promise<Sealed & { sourceKeyId: string; sourceKeyVersionId: string }> {
  const header = readBlobHeader(input.ciphertextBlob);
  const source = keyIdTarget(ctx, header.keyId);
  return onTarget(
    await keyTarget(ctx, input.destinationKeyId),
    "ReEncrypt",
    async (destination) => {
      assertSymmetric(destination);
      await authorize(ctx, "kms:ReEncrypt", source.resourceArn);
      const sourceKey = await getKeyOrThrow(source);
      guardKey(ctx.principal, sourceKey, "ReEncrypt", now());
      assertSymmetric(sourceKey);
      const plaintext = await openWithNamedVersion(
        sourceKey,
        input.ciphertextBlob,
        header,
        input.sourceEncryptionContext,
      );
      try {
        const sealed = await sealUnderPrimaryVersion(
          destination,
          plaintext,
          input.destinationEncryptionContext,
        );
        return { ...sealed, sourceKeyId: sourceKey.id, sourceKeyVersionId: header.keyVersionId };
      } finally {
        plaintext.fill(0);
      }
    },
  );
}
