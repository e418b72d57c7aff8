import { createHmac, createPrivateKey, generateKeyPair, randomBytes } from "node:crypto";
import { unwrapSecret, wrapSecret } from "@/lib/crypto/root-key";
import type { Tx } from "@/lib/db/client";
import { getRuntime } from "@/lib/runtime";
import { isSymmetricKeySpec, SYMMETRIC_MATERIAL_BYTES, type KeySpec } from "./key-specs";
import {
  cacheMaterial,
  getCachedMaterial,
  materialGeneration,
  type CachedMaterial,
} from "./material-cache";

/**
 * Key-version material: made here, stored only wrapped under the root key, and unwrapped into
 * the in-memory cache when used. The purpose string names key and version, so a wrapped value
 * copied onto another version's row (or an AccessKey's) fails to unwrap.
 */
export const materialPurpose = (keyId: string, versionId: string) =>
  `kms-key-material:${keyId}:${versionId}`;

export type NewMaterial = {
  /** In clear: the caller wraps it with wrapMaterial and zeroes it. */
  material: Buffer;
  /** Asymmetric keys: base64 DER SubjectPublicKeyInfo. */
  publicKeySpki?: string;
};

/** DER pairs: PKCS#8 private key (the version's material) and SPKI public key. */
function generateDerPair(
  keySpec: "RSA_2048" | "EC_P256",
): Promise<{ publicKey: Buffer; privateKey: Buffer }> {
  const encodings = {
    publicKeyEncoding: { type: "spki", format: "der" },
    privateKeyEncoding: { type: "pkcs8", format: "der" },
  } as const;
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, publicKey: Buffer, privateKey: Buffer) =>
      error ? reject(error) : resolve({ publicKey, privateKey });
    if (keySpec === "RSA_2048")
      generateKeyPair("rsa", { modulusLength: 2048, publicExponent: 0x10001, ...encodings }, done);
    else generateKeyPair("ec", { namedCurve: "P-256", ...encodings }, done);
  });
}

/** Fresh material for a version of a key of this spec (KMS-generated keys). */
export async function generateMaterial(keySpec: KeySpec): Promise<NewMaterial> {
  if (isSymmetricKeySpec(keySpec))
    return { material: randomBytes(SYMMETRIC_MATERIAL_BYTES[keySpec]) };
  const pair = await generateDerPair(keySpec);
  return { material: pair.privateKey, publicKeySpki: pair.publicKey.toString("base64") };
}

export function wrapMaterial(keyId: string, versionId: string, material: Buffer): string {
  return wrapSecret(getRuntime().rootKey, materialPurpose(keyId, versionId), material);
}

/**
 * A keyed fingerprint of imported material (HMAC-SHA-256 under the root key): lets a
 * re-import be checked to be the same material after the material itself was deleted,
 * without keeping anything that reveals it.
 */
export function materialFingerprint(keyId: string, material: Uint8Array): string {
  return createHmac("sha256", getRuntime().rootKey)
    .update(`kms-material-fingerprint:${keyId}\0`)
    .update(material)
    .digest("base64");
}

/**
 * The version's material, from the cache or unwrapped from the database (then cached).
 * Undefined if the version does not exist or holds no material (an EXTERNAL key before import).
 * Callers use the buffer synchronously and never keep it: eviction zeroes it.
 */
export async function loadMaterial(
  keyId: string,
  versionId: string,
  tx: Tx = getRuntime().db,
): Promise<CachedMaterial | undefined> {
  const cached = getCachedMaterial(keyId, versionId);
  if (cached) return cached;
  const generation = materialGeneration(keyId);
  const version = await tx.kmsKeyVersion.findUnique({
    where: { id: versionId },
    select: { keyId: true, materialWrapped: true, publicKeySpki: true },
  });
  if (!version || version.keyId !== keyId || !version.materialWrapped) return undefined;
  const material = unwrapSecret(
    getRuntime().rootKey,
    materialPurpose(keyId, versionId),
    version.materialWrapped,
  );
  const entry: CachedMaterial = version.publicKeySpki
    ? { material, privateKey: createPrivateKey({ key: material, format: "der", type: "pkcs8" }) }
    : { material };
  cacheMaterial(keyId, versionId, entry, generation);
  return entry;
}
