import { now } from "@/lib/clock";
import type { Image, Snapshot } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import type { Tag } from "@/lib/ecs/tags/tag-rules";

export type NewImage = {
  id: string;
  regionId: string;
  name: string;
  description?: string;
  baseImageId: string;
  osType: string;
  architecture: string;
  platform: string;
  imageFamily?: string;
  imageVersion?: string;
  bootMode: string;
  sizeGiB: number;
  sourceInstanceId?: string;
  sourceImageId?: string;
  sourceRegionId?: string;
  clientToken?: string;
  /** Its devices: the system disk's first (`/dev/xvda`). */
  disks: { device: string; type: "system" | "data"; snapshot: Snapshot; sizeGiB: number }[];
  tags?: Tag[];
};

/**
 * The image row with its disk mappings and tags, `Creating` until its last snapshot is
 * accomplished (scheduler "ecs.images.transitions" makes it Available).
 */
export async function insertImage(input: NewImage): Promise<Image> {
  const { db, scheduler } = getRuntime();
  const createdAt = now();
  const completesAt = new Date(Math.max(createdAt.getTime(), ...input.disks.map((d) => d.snapshot.completesAt.getTime())));
  const image = await db.$transaction(async (tx) => {
    const row = await tx.image.create({
      data: {
        id: input.id,
        regionId: input.regionId,
        name: input.name,
        description: input.description ?? "",
        status: "Creating",
        completesAt,
        baseImageId: input.baseImageId,
        osType: input.osType,
        architecture: input.architecture,
        platform: input.platform,
        imageFamily: input.imageFamily ?? "",
        imageVersion: input.imageVersion ?? "",
        bootMode: input.bootMode,
        sizeGiB: input.sizeGiB,
        sourceInstanceId: input.sourceInstanceId ?? null,
        sourceImageId: input.sourceImageId ?? null,
        sourceRegionId: input.sourceRegionId ?? null,
        clientToken: input.clientToken ?? null,
        createdAt,
      },
    });
    await tx.imageDiskMapping.createMany({
      data: input.disks.map((d) => ({ imageId: input.id, device: d.device, type: d.type, snapshotId: d.snapshot.id, sizeGiB: d.sizeGiB })),
    });
    if (input.tags?.length) {
      await tx.resourceTag.createMany({
        data: input.tags.map((t) => ({ regionId: input.regionId, resourceType: "image", resourceId: input.id, tagKey: t.key, tagValue: t.value })),
      });
    }
    return row;
  });
  scheduler.wakeIn(Math.max(0, completesAt.getTime() - createdAt.getTime()));
  return image;
}

/** Image names are unique in a region (403 InvalidImageName.Duplicated). */
export async function isImageNameTaken(regionId: string, name: string, exceptId?: string): Promise<boolean> {
  const found = await getRuntime().db.image.findFirst({ where: { regionId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return found !== null;
}
