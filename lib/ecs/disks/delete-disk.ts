import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { deleteMedium, isStorageError } from "@/lib/storage";
import { diskMediumDir } from "./data-key";
import { diskArn, getDiskOrThrow } from "./describe-disks";
import { diskErrors } from "./errors";

/**
 * ECS DeleteDisk: a disk that is `Available` (403 IncorrectDiskStatus otherwise — an attached
 * disk is detached first), with its tags and its backing medium. Its data key blob goes with
 * the row: the data is unrecoverable.
 */
export function deleteDisk(ctx: RequestContext, input: { diskId: string }): Promise<void> {
  const spec = {
    service: "ecs" as const,
    action: "DeleteDisk",
    resourceArn: diskArn(ctx.regionId, input.diskId),
  };
  return operation(ctx, spec, async (op) => {
    const disk = await getDiskOrThrow(ctx, ctx.regionId, input.diskId);
    op.keyId = disk.kmsKeyId ?? undefined;
    if (disk.instanceId && disk.status === "In_use") throw diskErrors.stillAttached();
    if (disk.status !== "Available") throw diskErrors.incorrectStatus();
    await destroyDisk(disk.id);
  });
}

/**
 * Removes a disk's row, tags and medium without any check: what DeleteDisk does once its
 * guards passed, and what instances do for disks released with them (DeleteWithInstance).
 * The medium must be closed (the hypervisor closes it at stop).
 */
export async function destroyDisk(diskId: string): Promise<void> {
  const { db } = getRuntime();
  await db.$transaction([
    db.resourceTag.deleteMany({ where: { resourceType: "disk", resourceId: diskId } }),
    db.disk.deleteMany({ where: { id: diskId } }),
  ]);
  try {
    await deleteMedium(diskMediumDir(diskId));
  } catch (error) {
    if (!isStorageError(error, "NotFound")) throw error;
  }
}
