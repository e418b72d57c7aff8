import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { deleteMedium, isStorageError } from "@/lib/storage";
import { snapshotErrors } from "./errors";
import { getSnapshotOrThrow, snapshotArn, snapshotMediumDir } from "./snapshot-lookup";

/**
 * ECS DeleteSnapshot. A snapshot an image is made of is refused (403 SnapshotCreatedImage:
 * delete the image first); one disks were created from needs Force (403 SnapshotCreatedDisk).
 * Those disks keep their data: their media hold their own links to the chunks.
 */
export function deleteSnapshot(ctx: RequestContext, input: { snapshotId: string; force?: boolean }): Promise<void> {
  const spec = { service: "ecs" as const, action: "DeleteSnapshot", resourceArn: snapshotArn(ctx.regionId, input.snapshotId) };
  return operation(ctx, spec, async (op) => {
    const { db } = getRuntime();
    const snapshot = await getSnapshotOrThrow(ctx.regionId, input.snapshotId);
    op.keyId = snapshot.kmsKeyId ?? undefined;
    if ((await db.imageDiskMapping.count({ where: { snapshotId: snapshot.id } })) > 0) throw snapshotErrors.usedByImage();
    if (!input.force && (await db.disk.count({ where: { sourceSnapshotId: snapshot.id } })) > 0) throw snapshotErrors.usedByDisk();
    await destroySnapshot(snapshot.id);
  });
}

/** Removes a snapshot's row, tags and medium without any check. */
export async function destroySnapshot(snapshotId: string): Promise<void> {
  const { db } = getRuntime();
  await db.$transaction([
    db.resourceTag.deleteMany({ where: { resourceType: "snapshot", resourceId: snapshotId } }),
    db.snapshot.deleteMany({ where: { id: snapshotId } }),
  ]);
  try {
    await deleteMedium(snapshotMediumDir(snapshotId));
  } catch (error) {
    if (!isStorageError(error, "NotFound")) throw error;
  }
}
