import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { imageErrors } from "./errors";
import { getImageOrThrow, imageArn } from "./image-lookup";
import { isImageNameTaken } from "./insert-image";

/**
 * ECS DeleteImage: the image and its mappings; its snapshots stay (and can then be deleted).
 * An image instances were created from needs Force (403 ImageUsedByInstance): the instances
 * keep running on their own disks.
 */
export function deleteImage(ctx: RequestContext, input: { imageId: string; force?: boolean }): Promise<void> {
  const spec = { service: "ecs" as const, action: "DeleteImage", resourceArn: imageArn(ctx.regionId, input.imageId) };
  return operation(ctx, spec, async () => {
    const { db } = getRuntime();
    const image = await getImageOrThrow(ctx.regionId, input.imageId);
    if (!input.force && (await db.instance.count({ where: { imageId: image.id } })) > 0) throw imageErrors.usedByInstance();
    if (ctx.dryRun) throw dryRunPassed();
    await db.$transaction([
      db.resourceTag.deleteMany({ where: { resourceType: "image", resourceId: image.id } }),
      db.imageDiskMapping.deleteMany({ where: { imageId: image.id } }),
      db.image.deleteMany({ where: { id: image.id } }),
    ]);
  });
}

/** The states a user may set with ModifyImageAttribute. */
export const SETTABLE_IMAGE_STATUSES = ["Available", "Deprecated"] as const;

export type ModifyImageAttributeInput = {
  imageId: string;
  imageName?: string;
  description?: string;
  imageFamily?: string;
  status?: (typeof SETTABLE_IMAGE_STATUSES)[number];
};

/** ECS ModifyImageAttribute: name (unique in the region), description, family, Deprecated ⇄ Available. */
export function modifyImageAttribute(ctx: RequestContext, input: ModifyImageAttributeInput): Promise<void> {
  const spec = { service: "ecs" as const, action: "ModifyImageAttribute", resourceArn: imageArn(ctx.regionId, input.imageId) };
  return operation(ctx, spec, async () => {
    const image = await getImageOrThrow(ctx.regionId, input.imageId);
    if (input.imageName && (await isImageNameTaken(ctx.regionId, input.imageName, image.id))) throw imageErrors.nameDuplicated();
    if (input.status && image.status !== "Available" && image.status !== "Deprecated") throw imageErrors.notAvailable();
    if (ctx.dryRun) throw dryRunPassed();
    await getRuntime().db.image.update({
      where: { id: image.id },
      data: {
        ...(input.imageName !== undefined ? { name: input.imageName } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.imageFamily !== undefined ? { imageFamily: input.imageFamily } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      },
    });
  });
}
