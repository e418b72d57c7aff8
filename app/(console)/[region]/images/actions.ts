"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { diskDescriptionField, diskNameField } from "@/lib/ecs/disks/schemas";
import { imageProgresses } from "@/lib/ecs/images/console-images";
import { copyImage as copyImageService } from "@/lib/ecs/images/copy-image";
import { createImage as createImageService } from "@/lib/ecs/images/create-image";
import { deleteImage as deleteImageService } from "@/lib/ecs/images/delete-modify-image";
import { copyEncryption, copyRequestFields } from "../copy-request-input";
import { inRegion, regionInputSchema } from "../kms/keys/action-inputs";

const imageRefSchema = regionInputSchema.extend({ imageId: z.string().min(1).max(64) });

/** Create image (CreateImage) of an instance's system disk or of a system-disk snapshot. */
export const createImage = consoleAction(
  regionInputSchema.extend({
    instanceId: z.string().min(1).max(64).optional(),
    snapshotId: z.string().min(1).max(64).optional(),
    name: diskNameField().optional(),
    description: diskDescriptionField().optional(),
  }),
  (ctx, input) =>
    createImageService(ctx, {
      instanceId: input.instanceId,
      snapshotId: input.instanceId ? undefined : input.snapshotId,
      imageName: input.name,
      description: input.description,
    }),
  inRegion,
);

/** Copy image / Copy and Encrypt (CopyImage), to this or another region. */
export const copyImage = consoleAction(
  imageRefSchema.extend(copyRequestFields),
  (ctx, input) =>
    copyImageService(ctx, {
      imageId: input.imageId,
      destinationRegionId: input.destinationRegionId,
      destinationImageName: input.name,
      destinationDescription: input.description,
      ...copyEncryption(input),
    }),
  inRegion,
);

/** Delete (DeleteImage), with Force for an image instances still use. */
export const deleteImage = consoleAction(
  imageRefSchema.extend({ force: z.boolean() }),
  async (ctx, input) => {
    await deleteImageService(ctx, { imageId: input.imageId, force: input.force });
    return null;
  },
  inRegion,
);

/** Status and progress of the images a page shows Creating. */
export const pollImages = consoleAction(
  regionInputSchema.extend({ imageIds: z.array(z.string().min(1).max(64)).max(100) }),
  (ctx, input) => imageProgresses(ctx, input.imageIds),
  inRegion,
);
