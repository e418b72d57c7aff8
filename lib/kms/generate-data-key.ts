import { randomBytesFromPool } from "@/lib/crypto/random-pool";
import type { RequestContext } from "@/lib/context";
import type { EncryptionContext } from "@/lib/crypto/encryption-context";
import { assertSymmetric } from "./key-guards";
import { keyOperation } from "./key-operation";
import { sealUnderPrimaryVersion, type Sealed } from "./symmetric-crypto";

/** NumberOfBytes 1–1024; without it, KeySpec AES_128 → 16 bytes, AES_256 (default) → 32. */
export const DATA_KEY_BYTES = { min: 1, max: 1024 } as const;
export const DATA_KEY_SPECS = ["AES_256", "AES_128"] as const;
export type DataKeySpec = (typeof DATA_KEY_SPECS)[number];

export type GenerateDataKeyInput = {
  keyId: string;
  keySpec?: DataKeySpec;
  numberOfBytes?: number;
  encryptionContext?: EncryptionContext;
};

export function dataKeyLength(input: { keySpec?: DataKeySpec; numberOfBytes?: number }): number {
  return input.numberOfBytes ?? (input.keySpec === "AES_128" ? 16 : 32);
}

/**
 * KMS GenerateDataKey: a random data key, returned in clear and sealed under the key's primary
 * version. The plaintext Buffer is the caller's to zero once sent (the hypervisor's to keep
 * while a disk is in use).
 */
export function generateDataKey(
  ctx: RequestContext,
  input: GenerateDataKeyInput,
): Promise<Sealed & { plaintext: Buffer }> {
  return keyOperation(ctx, "GenerateDataKey", input.keyId, async (key) => {
    assertSymmetric(key);
    const plaintext = randomBytesFromPool(dataKeyLength(input));
    try {
      return {
        ...(await sealUnderPrimaryVersion(key, plaintext, input.encryptionContext)),
        plaintext,
      };
    } catch (error) {
      plaintext.fill(0);
      throw error;
    }
  });
}

/** KMS GenerateDataKeyWithoutPlaintext: only the sealed data key (what ECS stores with a disk). */
export function generateDataKeyWithoutPlaintext(
  ctx: RequestContext,
  input: GenerateDataKeyInput,
): Promise<Sealed> {
  return keyOperation(ctx, "GenerateDataKeyWithoutPlaintext", input.keyId, async (key) => {
    assertSymmetric(key);
    const plaintext = randomBytesFromPool(dataKeyLength(input));
    try {
      return await sealUnderPrimaryVersion(key, plaintext, input.encryptionContext);
    } finally {
      plaintext.fill(0);
    }
  });
}
