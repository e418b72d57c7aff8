import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { kmsErrors } from "./errors";
import { invalidateKey, updateKey } from "./key-cache";
import { keyOperation } from "./key-operation";
import { evictMaterial } from "./material-cache";

export { PENDING_WINDOW_DAYS } from "./limits";
const DAY_MS = 86_400_000;

/**
 * KMS ScheduleKeyDeletion: the key goes PendingDeletion until `deleteDate`; when the window
 * ends on the emulator clock the key, its versions' wrapped material, aliases, tags and import
 * tokens are deleted (deleteDueKeys) and every later reference is 404 Forbidden.KeyNotFound.
 * A key with deletion protection is refused.
 */
export function scheduleKeyDeletion(
  ctx: RequestContext,
  input: { keyId: string; pendingWindowInDays: number },
): Promise<{ deleteDate: Date }> {
  return keyOperation(ctx, "ScheduleKeyDeletion", input.keyId, async (key) => {
    if (key.deletionProtection) throw kmsErrors.deletionProtected();
    const deleteDate = new Date(now().getTime() + input.pendingWindowInDays * DAY_MS);
    await updateKey(key.id, { keyState: "PendingDeletion", deleteDate });
    return { deleteDate };
  });
}

/**
 * KMS CancelKeyDeletion: back to Enabled (api-extras §0). An EXTERNAL key without material
 * goes back to PendingImport instead — Enabled would claim material it does not have.
 */
export function cancelKeyDeletion(ctx: RequestContext, input: { keyId: string }): Promise<void> {
  return keyOperation(ctx, "CancelKeyDeletion", input.keyId, async (key) => {
    const { db } = getRuntime();
    const primary = key.primaryKeyVersionId
      ? await db.kmsKeyVersion.findUnique({
          where: { id: key.primaryKeyVersionId },
          select: { materialWrapped: true },
        })
      : null;
    const keyState =
      key.origin === "EXTERNAL" && !primary?.materialWrapped ? "PendingImport" : "Enabled";
    await updateKey(key.id, { keyState, deleteDate: null });
  });
}

/**
 * KMS SetDeletionProtection (ProtectedResourceArn = the key's ARN; KeyId also accepted, as the
 * newer API does). While on, ScheduleKeyDeletion is refused.
 */
export function setDeletionProtection(
  ctx: RequestContext,
  input: {
    keyId: string;
    enableDeletionProtection: boolean;
    deletionProtectionDescription?: string;
  },
): Promise<void> {
  return keyOperation(ctx, "SetDeletionProtection", input.keyId, async (key) => {
    await updateKey(key.id, {
      deletionProtection: input.enableDeletionProtection,
      deletionProtectionDescription: input.enableDeletionProtection
        ? (input.deletionProtectionDescription ?? null)
        : null,
    });
  });
}

/** Scheduler: deletes every key whose window has ended (cascade: versions, aliases, tags, tokens). */
export async function deleteDueKeys(at: Date): Promise<void> {
  const { db } = getRuntime();
  const due = await db.kmsKey.findMany({
    where: { keyState: "PendingDeletion", deleteDate: { lte: at } },
    select: { id: true },
  });
  for (const { id } of due) {
    await db.kmsKey.deleteMany({
      where: { id, keyState: "PendingDeletion", deleteDate: { lte: at } },
    });
    invalidateKey(id);
    evictMaterial(id);
  }
}
