import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import type { KmsKey } from "@/lib/generated/prisma/client";
import { uuid } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { kmsErrors } from "./errors";
import { invalidateKey } from "./key-cache";
import { generateMaterial, wrapMaterial } from "./key-material";
import { keyOperation } from "./key-operation";
import { canRotate, isAsymmetricKeySpec, type KeySpec } from "./key-specs";
import { effectiveKeyState } from "./key-states";
import { paginate, type Page, type PageInput } from "./paging";
import { nextRotationDate } from "./rotation-interval";

export type KeyVersionView = {
  keyId: string;
  keyVersionId: string;
  createdAt: Date;
  isPrimary: boolean;
};

/** Only symmetric keys whose material KMS generated rotate (manually or automatically). */
export function assertRotatable(key: Pick<KmsKey, "keySpec" | "origin">): void {
  if (canRotate(key)) return;
  if (isAsymmetricKeySpec(key.keySpec))
    throw kmsErrors.notSupportedForKey(`A ${key.keySpec} key does not rotate.`);
  throw kmsErrors.unsupportedOrigin();
}

/** KMS CreateKeyVersion: a manual rotation — new material becomes the primary version. */
export function createKeyVersion(
  ctx: RequestContext,
  input: { keyId: string },
): Promise<KeyVersionView> {
  return keyOperation(ctx, "CreateKeyVersion", input.keyId, async (key) => {
    assertRotatable(key);
    return rotateKey(key, now());
  });
}

/**
 * Adds a version with fresh material and makes it primary. Older versions stay: Decrypt opens
 * each blob with the version its header names.
 */
export async function rotateKey(key: KmsKey, at: Date): Promise<KeyVersionView> {
  const keyVersionId = uuid();
  const fresh = await generateMaterial(key.keySpec as KeySpec);
  const materialWrapped = wrapMaterial(key.id, keyVersionId, fresh.material);
  fresh.material.fill(0);
  const { db } = getRuntime();
  await db.$transaction([
    db.kmsKeyVersion.create({
      data: {
        id: keyVersionId,
        keyId: key.id,
        createdAt: at,
        materialWrapped,
        publicKeySpki: fresh.publicKeySpki ?? null,
      },
    }),
    db.kmsKey.update({
      where: { id: key.id },
      data: {
        primaryKeyVersionId: keyVersionId,
        lastRotationDate: at,
        nextRotationDate:
          key.rotationEnabled && key.rotationIntervalSeconds
            ? nextRotationDate(at, key.rotationIntervalSeconds)
            : null,
      },
    }),
  ]);
  invalidateKey(key.id);
  return { keyId: key.id, keyVersionId, createdAt: at, isPrimary: true };
}

/**
 * Scheduler: rotates every key whose automatic rotation is due. One new version per due key,
 * however long the clock jumped; a key that is not Enabled waits (AutomaticRotation reads
 * Suspended) and rotates once it is enabled again.
 */
export async function rotateDueKeys(at: Date): Promise<void> {
  const due = await getRuntime().db.kmsKey.findMany({
    where: { rotationEnabled: true, nextRotationDate: { lte: at }, keyState: "Enabled" },
  });
  for (const key of due) {
    if (effectiveKeyState(key, at) === "Enabled" && canRotate(key)) await rotateKey(key, at);
  }
}

/** KMS ListKeyVersions: oldest first, paged. */
export function listKeyVersions(
  ctx: RequestContext,
  input: PageInput & { keyId: string },
): Promise<Page<KeyVersionView>> {
  return keyOperation(ctx, "ListKeyVersions", input.keyId, async (key) => {
    const rows = await getRuntime().db.kmsKeyVersion.findMany({
      where: { keyId: key.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, createdAt: true },
    });
    return paginate(
      rows.map((row) => ({
        keyId: key.id,
        keyVersionId: row.id,
        createdAt: row.createdAt,
        isPrimary: row.id === key.primaryKeyVersionId,
      })),
      input,
    );
  });
}

/** KMS DescribeKeyVersion; a version of another key is not found. */
export function describeKeyVersion(
  ctx: RequestContext,
  input: { keyId: string; keyVersionId: string },
): Promise<KeyVersionView> {
  return keyOperation(ctx, "DescribeKeyVersion", input.keyId, async (key) => {
    const row = await getRuntime().db.kmsKeyVersion.findUnique({
      where: { id: input.keyVersionId },
      select: { keyId: true, createdAt: true },
    });
    if (!row || row.keyId !== key.id) throw kmsErrors.keyVersionNotFound();
    return {
      keyId: key.id,
      keyVersionId: input.keyVersionId,
      createdAt: row.createdAt,
      isPrimary: input.keyVersionId === key.primaryKeyVersionId,
    };
  });
}
