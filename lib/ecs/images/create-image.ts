import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import type { Snapshot } from "@/lib/generated/prisma/client";
import { resourceId } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { findPublicImage } from "@/lib/ecs/catalog/images";
import { getDiskOrThrow } from "@/lib/ecs/disks/describe-disks";
import { assertMediumKeyUsable } from "@/lib/ecs/encryption/keyed-media";
import { getInstanceOrThrow } from "@/lib/ecs/instances/instance-lookup";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import { snapshotErrors } from "@/lib/ecs/snapshots/errors";
import { getSnapshotOrThrow } from "@/lib/ecs/snapshots/snapshot-lookup";
import { assertDiskSnapshottable, takeSnapshot } from "@/lib/ecs/snapshots/take-snapshot";
import type { Tag } from "@/lib/ecs/tags/tag-rules";
import { basePublicImageId } from "./base-image";
import { imageErrors } from "./errors";
import { imageArn } from "./image-lookup";
import { insertImage, isImageNameTaken } from "./insert-image";

export type CreateImageInput = {
  /** Wins over snapshotId (as ECS: InstanceId > SnapshotId). */
  instanceId?: string;
  snapshotId?: string;
  imageName?: string;
  description?: string;
  imageFamily?: string;
  imageVersion?: string;
  architecture?: "x86_64" | "arm64" | "i386";
  platform?: string;
  bootMode?: string;
  tags?: Tag[];
  clientToken?: string;
};

/**
 * ECS CreateImage: a custom image of an instance's system disk (a snapshot of it is taken now)
 * or of a system disk's snapshot. No encryption parameters: the image is encrypted as its
 * snapshot is (CopyImage is how to encrypt). `Creating → Available` once the snapshot is
 * accomplished. Order: parameters → authorization → source lookups and state (instance Running
 * or Stopped, snapshot accomplished, the key Enabled) → name → ClientToken → DryRun → create.
 */
export function createImage(ctx: RequestContext, input: CreateImageInput): Promise<{ imageId: string }> {
  if (!input.instanceId && !input.snapshotId) throw imageErrors.sourceMissing();
  const regionId = ctx.regionId;
  const spec = { service: "ecs" as const, action: "CreateImage", resourceArn: imageArn(regionId, "*") };
  return operation(ctx, spec, async (op) => {
    const { db } = getRuntime();
    let source: { snapshot?: Snapshot; take?: () => Promise<Snapshot>; instanceId?: string; baseImageId: string | null; sizeGiB: number };
    if (input.instanceId) {
      const instance = await getInstanceOrThrow(regionId, input.instanceId);
      if (instance.status !== "Running" && instance.status !== "Stopped") throw instanceErrors.incorrectStatus();
      if (!instance.systemDiskId) throw instanceErrors.noSystemDisk();
      const disk = await getDiskOrThrow(ctx, regionId, instance.systemDiskId);
      op.keyId = disk.kmsKeyId ?? undefined;
      await assertDiskSnapshottable(ctx, op.eventId, disk);
      source = {
        take: () => takeSnapshot(disk, { description: `Created for image of instance ${instance.id}` }),
        instanceId: instance.id,
        baseImageId: (await basePublicImageId(disk.imageId)) ?? null,
        sizeGiB: disk.sizeGiB,
      };
    } else {
      const snapshot = await getSnapshotOrThrow(regionId, input.snapshotId!);
      op.keyId = snapshot.kmsKeyId ?? undefined;
      if (snapshot.status !== "accomplished") throw snapshotErrors.notReady();
      if (snapshot.sourceDiskType !== "system" || !snapshot.sourceImageId) throw imageErrors.notSystemDiskSnapshot();
      await assertMediumKeyUsable(ctx, op.eventId, snapshot, {
        notEnabled: snapshotErrors.keyNotEnabled,
        notFound: () => snapshotErrors.keyNotFound(404),
      });
      source = { snapshot, baseImageId: snapshot.sourceImageId, sizeGiB: snapshot.sourceDiskSize };
    }
    const base = findPublicImage(source.baseImageId ?? "");
    if (!base) throw imageErrors.notSystemDiskSnapshot();
    if (input.imageName && (await isImageNameTaken(regionId, input.imageName))) throw imageErrors.nameDuplicated();
    if (input.clientToken) {
      const earlier = await db.image.findUnique({ where: { regionId_clientToken: { regionId, clientToken: input.clientToken } } });
      if (earlier) {
        op.resourceArn = imageArn(regionId, earlier.id);
        return { imageId: earlier.id };
      }
    }
    if (ctx.dryRun) throw dryRunPassed();

    const id = resourceId("m", regionId);
    const snapshot = source.snapshot ?? (await source.take!());
    await insertImage({
      id,
      regionId,
      name: input.imageName ?? id,
      description: input.description,
      baseImageId: base.imageId,
      osType: base.osType,
      architecture: input.architecture ?? base.architecture,
      platform: input.platform ?? base.platform,
      imageFamily: input.imageFamily,
      imageVersion: input.imageVersion,
      bootMode: input.bootMode ?? base.bootMode,
      sizeGiB: source.sizeGiB,
      sourceInstanceId: source.instanceId,
      clientToken: input.clientToken,
      disks: [{ device: "/dev/xvda", type: "system", snapshot, sizeGiB: source.sizeGiB }],
      tags: input.tags,
    });
    op.resourceArn = imageArn(regionId, id);
    return { imageId: id };
  });
}
