import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { getDiskSizeLimit, type PerformanceLevel } from "@/lib/ecs/catalog/disk-categories";
import { openMedium } from "@/lib/storage";
import { diskMediumDir, diskSizeBytes } from "./data-key";
import { diskArn, getDiskOrThrow } from "./describe-disks";
import { authorize } from "@/lib/ram/authorize";
import { diskErrors } from "./errors";

export type ModifyDiskAttributeInput = {
  diskIds: string[];
  name?: string;
  description?: string;
  deleteWithInstance?: boolean;
};

/**
 * ECS ModifyDiskAttribute: name, description, DeleteWithInstance of one disk (DiskId) or several
 * (DiskIds.N). Every disk must exist in the region; nothing changes unless all do.
 */
export function modifyDiskAttribute(
  ctx: RequestContext,
  input: ModifyDiskAttributeInput,
): Promise<void> {
  const spec = {
    service: "ecs" as const,
    action: "ModifyDiskAttribute",
    resourceArn: diskArn(ctx.regionId, input.diskIds[0]),
  };
  return operation(ctx, spec, async () => {
    // Every disk named is authorized (the frame did the first), before any is looked up.
    for (const diskId of input.diskIds.slice(1)) await authorize(ctx, "ecs:ModifyDiskAttribute", diskArn(ctx.regionId, diskId));
    await getRuntime().db.$transaction(async (tx) => {
      for (const diskId of input.diskIds) await getDiskOrThrow(ctx, ctx.regionId, diskId, tx);
      await tx.disk.updateMany({
        where: { id: { in: input.diskIds } },
        data: {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.deleteWithInstance !== undefined
            ? { deleteWithInstance: input.deleteWithInstance }
            : {}),
        },
      });
    });
  });
}

/**
 * ECS ResizeDisk: grows a disk (never shrinks: 403 InvalidDiskSize.TooSmall) within its
 * category's limits (400 InvalidParameter NewSize). The disk must be Available or In_use. The
 * medium grows at once, for `online` and `offline` alike; the guest's filesystem keeps its size.
 */
export function resizeDisk(
  ctx: RequestContext,
  input: { diskId: string; newSizeGiB: number; type?: "offline" | "online" },
): Promise<void> {
  const spec = {
    service: "ecs" as const,
    action: "ResizeDisk",
    resourceArn: diskArn(ctx.regionId, input.diskId),
  };
  return operation(ctx, spec, async (op) => {
    const disk = await getDiskOrThrow(ctx, ctx.regionId, input.diskId);
    op.keyId = disk.kmsKeyId ?? undefined;
    if (disk.status !== "Available" && disk.status !== "In_use") throw diskErrors.incorrectStatus();
    if (input.newSizeGiB <= disk.sizeGiB) throw diskErrors.newSizeTooSmall();
    const usage = disk.type === "system" ? "system" : "data";
    const limits = getDiskSizeLimit(
      usage,
      disk.category,
      (disk.performanceLevel ?? undefined) as PerformanceLevel | undefined,
    );
    if (!limits || input.newSizeGiB > limits.max) throw diskErrors.newSizeInvalid();
    const medium = await openMedium({ dir: diskMediumDir(disk.id) });
    try {
      await medium.resize(diskSizeBytes(input.newSizeGiB));
    } finally {
      await medium.close();
    }
    await getRuntime().db.disk.update({
      where: { id: disk.id },
      data: { sizeGiB: input.newSizeGiB },
    });
  });
}
