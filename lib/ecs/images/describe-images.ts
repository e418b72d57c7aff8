import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import type { Image } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import {
  DEFAULT_IMAGES_PAGE_SIZE,
  filterPublicImages,
  paginate,
  toImageWire,
  type ImageQuery,
} from "@/lib/ecs/catalog/image-wire";
import type { PublicImage } from "@/lib/ecs/catalog/images";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";
import { tagsOfResources } from "@/lib/ecs/tags/resource-tags";
import { mappingsOf } from "./image-lookup";
import { toCustomImageWire } from "./image-wire";

export type ImageFilter = ImageQuery & {
  /** Images with a device made of this snapshot. */
  snapshotId?: string;
  /** Every tag must be on the image; a tag without value matches any value of its key. */
  tags?: { key: string; value?: string }[];
};

const splitList = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** The region's custom images the filter selects, newest first (ImageOwnerAlias self, or none given). */
export async function queryCustomImages(regionId: string, filter: ImageFilter): Promise<Image[]> {
  const owner = filter.imageOwnerAlias;
  if (owner !== undefined && owner !== "self") return [];
  const { db } = getRuntime();
  const ids = filter.imageId ? splitList(filter.imageId) : undefined;
  const statuses = splitList(filter.status ?? "Available");
  let rows = await db.image.findMany({
    where: {
      regionId,
      status: { in: statuses },
      ...(ids ? { id: { in: ids } } : {}),
      ...(filter.osType ? { osType: filter.osType } : {}),
      ...(filter.architecture ? { architecture: filter.architecture } : {}),
      ...(filter.imageFamily ? { imageFamily: filter.imageFamily } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const name = filter.imageName?.toLowerCase();
  if (name) rows = rows.filter((image) => image.name.toLowerCase().includes(name));
  if (filter.snapshotId) {
    const mapped = await db.imageDiskMapping.findMany({ where: { snapshotId: filter.snapshotId }, select: { imageId: true } });
    const mappedIds = new Set(mapped.map((m) => m.imageId));
    rows = rows.filter((image) => mappedIds.has(image.id));
  }
  for (const tag of filter.tags ?? []) {
    const tagged = await db.resourceTag.findMany({
      where: { regionId, resourceType: "image", tagKey: tag.key, ...(tag.value !== undefined ? { tagValue: tag.value } : {}) },
      select: { resourceId: true },
    });
    const taggedIds = new Set(tagged.map((t) => t.resourceId));
    rows = rows.filter((image) => taggedIds.has(image.id));
  }
  return rows;
}

/** Wire shapes of custom images (mappings with their snapshots' encryption, tags, usage). */
export async function customImagesWire(images: readonly Image[]) {
  const ids = images.map((image) => image.id);
  const [mappings, tags, used] = await Promise.all([
    mappingsOf(ids),
    tagsOfResources("image", ids),
    getRuntime().db.instance.findMany({ where: { imageId: { in: ids } }, select: { imageId: true } }),
  ]);
  const inUse = new Set(used.map((u) => u.imageId));
  const at = now();
  const { accountId } = getRuntime();
  return images.map((image) =>
    toCustomImageWire(image, { mappings: mappings.get(image.id) ?? [], tags: tags.get(image.id) ?? [], accountId, at, isInUse: inUse.has(image.id) }),
  );
}

/**
 * ECS DescribeImages: the region's custom images (`self`) and the public images (`system`);
 * without ImageOwnerAlias both, custom images first. Status defaults to Available.
 */
export function describeImages(ctx: RequestContext, filter: ImageFilter = {}) {
  return operation(ctx, { service: "ecs", action: "DescribeImages", resourceArn: "*" }, async () => {
    getRegionOrThrow(ctx.regionId);
    if (ctx.dryRun) throw dryRunPassed();
    const pageNumber = filter.pageNumber ?? 1;
    const pageSize = filter.pageSize ?? DEFAULT_IMAGES_PAGE_SIZE;
    const custom = await queryCustomImages(ctx.regionId, filter);
    const publicImages = filter.snapshotId || filter.tags?.length ? [] : filterPublicImages(filter);
    const all: ({ kind: "custom"; image: Image } | { kind: "public"; image: PublicImage })[] = [
      ...custom.map((image) => ({ kind: "custom" as const, image })),
      ...publicImages.map((image) => ({ kind: "public" as const, image })),
    ];
    const page = paginate(all, pageNumber, pageSize);
    const customWire = await customImagesWire(page.flatMap((e) => (e.kind === "custom" ? [e.image] : [])));
    let n = 0;
    return {
      RegionId: ctx.regionId,
      TotalCount: all.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      Images: { Image: page.map((e) => (e.kind === "custom" ? customWire[n++] : toImageWire(e.image))) },
    };
  });
}
