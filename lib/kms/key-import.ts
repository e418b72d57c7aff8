import { randomBytes } from "node:crypto";
import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import {
  generateWrappingKeyPair,
  isSupportedWrappingAlgorithm,
  SUPPORTED_WRAPPING_ALGORITHMS,
  unwrapKeyMaterial,
} from "@/lib/crypto/byok";
import { KeyMaterialUnwrapError } from "@/lib/crypto/errors";
import { unwrapSecret, wrapSecret } from "@/lib/crypto/root-key";
import type { KmsKey } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { kmsErrors } from "./errors";
import { invalidateKey } from "./key-cache";
import { materialFingerprint, wrapMaterial } from "./key-material";
import { keyOperation } from "./key-operation";
import { isSymmetricKeySpec, SYMMETRIC_MATERIAL_BYTES } from "./key-specs";
import { effectiveKeyState } from "./key-states";
import { evictMaterial } from "./material-cache";

/**
 * BYOK (api-extras §6.4): GetParametersForImport hands out a fresh RSA-2048 public key and an
 * import token; the user wraps their material with it; ImportKeyMaterial unwraps it with the
 * token's private key (kept wrapped under the root key) and the key goes PendingImport →
 * Enabled. DeleteKeyMaterial and expiry take the material away again (→ PendingImport).
 */
export const IMPORT_TOKEN_LIFETIME_MS = 24 * 3600 * 1000;
/** Expired tokens are kept a day longer, so a late import hears ExpiredImportToken, not InvalidImportToken. */
const EXPIRED_TOKEN_RETENTION_MS = 24 * 3600 * 1000;
export const WRAPPING_KEY_SPECS = ["RSA_2048"] as const;
const tokenPurpose = (keyId: string, token: string) => `kms-import-private-key:${keyId}:${token}`;

export type ImportParameters = {
  keyId: string;
  importToken: string;
  publicKey: string;
  tokenExpireTime: Date;
};

export function assertWrappingParameters(wrappingAlgorithm: string, wrappingKeySpec: string): void {
  if (!isSupportedWrappingAlgorithm(wrappingAlgorithm)) {
    // RSAES_PKCS1_V1_5 is a real KMS option, but Node 20 refuses PKCS#1 v1.5 private decryption (CVE-2023-46809).
    throw kmsErrors.invalidParameter(
      "WrappingAlgorithm",
      `Supported here: ${SUPPORTED_WRAPPING_ALGORITHMS.join(" and ")}.`,
    );
  }
  if (!(WRAPPING_KEY_SPECS as readonly string[]).includes(wrappingKeySpec)) {
    throw kmsErrors.invalidParameter(
      "WrappingKeySpec",
      `Supported here: ${WRAPPING_KEY_SPECS.join(", ")}.`,
    );
  }
}

function assertExternal(key: KmsKey): void {
  if (key.origin !== "EXTERNAL") throw kmsErrors.unsupportedOrigin();
}

export async function getParametersForImport(
  ctx: RequestContext,
  input: { keyId: string; wrappingAlgorithm: string; wrappingKeySpec: string },
): Promise<ImportParameters> {
  assertWrappingParameters(input.wrappingAlgorithm, input.wrappingKeySpec);
  return keyOperation(ctx, "GetParametersForImport", input.keyId, async (key) => {
    assertExternal(key);
    const pair = await generateWrappingKeyPair();
    const importToken = randomBytes(48).toString("base64");
    const privateKeyWrapped = wrapSecret(
      getRuntime().rootKey,
      tokenPurpose(key.id, importToken),
      pair.privateKey,
    );
    pair.privateKey.fill(0);
    const createdAt = now();
    const tokenExpireTime = new Date(createdAt.getTime() + IMPORT_TOKEN_LIFETIME_MS);
    await getRuntime().db.kmsImportToken.create({
      data: {
        id: importToken,
        keyId: key.id,
        wrappingAlgorithm: input.wrappingAlgorithm,
        wrappingKeySpec: input.wrappingKeySpec,
        privateKeyWrapped,
        createdAt,
        expiresAt: tokenExpireTime,
      },
    });
    return { keyId: key.id, importToken, publicKey: pair.publicKey, tokenExpireTime };
  });
}

export type ImportKeyMaterialInput = {
  keyId: string;
  encryptedKeyMaterial: Uint8Array;
  importToken: string;
  /** Unix seconds; 0 = never expires. */
  keyMaterialExpireUnix: number;
};

export function importKeyMaterial(
  ctx: RequestContext,
  input: ImportKeyMaterialInput,
): Promise<void> {
  return keyOperation(ctx, "ImportKeyMaterial", input.keyId, async (key) => {
    assertExternal(key);
    const at = now();
    const expireTime =
      input.keyMaterialExpireUnix === 0 ? null : new Date(input.keyMaterialExpireUnix * 1000);
    if (expireTime && expireTime <= at)
      throw kmsErrors.invalidParameter("KeyMaterialExpireUnix", "It is in the past.");
    const material = await unwrapWithToken(key, input, at);
    try {
      if (
        !isSymmetricKeySpec(key.keySpec) ||
        material.length !== SYMMETRIC_MATERIAL_BYTES[key.keySpec]
      )
        throw kmsErrors.invalidKeyMaterial();
      const fingerprint = materialFingerprint(key.id, material);
      // A re-import must bring the same material: other blobs already depend on it.
      if (key.materialFingerprint && key.materialFingerprint !== fingerprint)
        throw kmsErrors.invalidKeyMaterial();
      const versionId = key.primaryKeyVersionId!;
      const { db } = getRuntime();
      const keyState = effectiveKeyState(key, at) === "PendingImport" ? "Enabled" : key.keyState;
      await db.$transaction([
        db.kmsKeyVersion.update({
          where: { id: versionId },
          data: { materialWrapped: wrapMaterial(key.id, versionId, material) },
        }),
        db.kmsKey.update({
          where: { id: key.id },
          data: { keyState, materialFingerprint: fingerprint, materialExpireTime: expireTime },
        }),
      ]);
      invalidateKey(key.id);
      evictMaterial(key.id);
    } finally {
      material.fill(0);
    }
  });
}

async function unwrapWithToken(
  key: KmsKey,
  input: ImportKeyMaterialInput,
  at: Date,
): Promise<Buffer> {
  const { db, rootKey } = getRuntime();
  const token = await db.kmsImportToken.findUnique({ where: { id: input.importToken } });
  if (!token || token.keyId !== key.id) throw kmsErrors.invalidImportToken();
  if (token.expiresAt <= at) throw kmsErrors.expiredImportToken();
  const privateKey = unwrapSecret(rootKey, tokenPurpose(key.id, token.id), token.privateKeyWrapped);
  try {
    return unwrapKeyMaterial(privateKey, token.wrappingAlgorithm, input.encryptedKeyMaterial);
  } catch (error) {
    if (error instanceof KeyMaterialUnwrapError) throw kmsErrors.invalidKeyMaterial();
    throw error;
  } finally {
    privateKey.fill(0);
  }
}

/** KMS DeleteKeyMaterial: → PendingImport, except that PendingDeletion keeps its state and DeleteDate. */
export function deleteKeyMaterial(ctx: RequestContext, input: { keyId: string }): Promise<void> {
  return keyOperation(ctx, "DeleteKeyMaterial", input.keyId, async (key) => {
    assertExternal(key);
    await dropImportedMaterial(key.id);
  });
}

/** Scheduler: material whose expiry time has come is deleted, as DeleteKeyMaterial would; old tokens go. */
export async function expireDueMaterial(at: Date): Promise<void> {
  const { db } = getRuntime();
  const due = await db.kmsKey.findMany({
    where: { origin: "EXTERNAL", materialExpireTime: { lte: at } },
    select: { id: true },
  });
  for (const { id } of due) await dropImportedMaterial(id);
  await db.kmsImportToken.deleteMany({
    where: { expiresAt: { lte: new Date(at.getTime() - EXPIRED_TOKEN_RETENTION_MS) } },
  });
}

async function dropImportedMaterial(keyId: string): Promise<void> {
  const { db } = getRuntime();
  await db.$transaction([
    db.kmsKeyVersion.updateMany({ where: { keyId }, data: { materialWrapped: null } }),
    db.kmsKey.updateMany({
      where: { id: keyId, keyState: { not: "PendingDeletion" } },
      data: { keyState: "PendingImport" },
    }),
    db.kmsKey.update({ where: { id: keyId }, data: { materialExpireTime: null } }),
  ]);
  invalidateKey(keyId);
  evictMaterial(keyId);
}
