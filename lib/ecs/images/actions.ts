import { acceptingDryRun, defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { normalizeTags } from "@/lib/ecs/tags/tag-rules";
import { copyImage } from "./copy-image";
import { createImage } from "./create-image";
import { deleteImage, modifyImageAttribute } from "./delete-modify-image";
import { describeImages } from "./describe-images";
import {
  copyImageParams,
  createImageParams,
  deleteImageParams,
  describeImagesParams,
  modifyImageAttributeParams,
} from "./schemas";

const tagsOf = (tags?: { Key?: string; Value?: string }[]) =>
  tags ? normalizeTags(tags.map((t) => ({ key: t.Key, value: t.Value }))) : undefined;

/** The image actions of ECS 2014-05-26; every one takes DryRun (SDK models). */
export const imageApiActions: Record<string, ActionDefinition> = acceptingDryRun({
  DescribeImages: defineAction(describeImagesParams, (ctx, p) =>
    describeImages(ctx, {
      imageId: p.ImageId,
      imageName: p.ImageName,
      imageFamily: p.ImageFamily,
      imageOwnerAlias: p.ImageOwnerAlias,
      osType: p.OSType,
      architecture: p.Architecture,
      status: p.Status,
      snapshotId: p.SnapshotId || undefined,
      tags: p.Tag?.filter((t) => t.Key).map((t) => ({ key: t.Key!, value: t.Value })),
      pageNumber: p.PageNumber,
      pageSize: p.PageSize,
    }),
  ),

  CreateImage: defineAction(createImageParams, async (ctx, p) => {
    const { imageId } = await createImage(ctx, {
      instanceId: p.InstanceId || undefined,
      snapshotId: p.SnapshotId || p.DiskDeviceMapping?.find((m) => m.SnapshotId)?.SnapshotId || undefined,
      imageName: p.ImageName,
      description: p.Description,
      imageFamily: p.ImageFamily,
      imageVersion: p.ImageVersion,
      architecture: p.Architecture,
      platform: p.Platform,
      bootMode: p.BootMode,
      tags: tagsOf(p.Tag),
      clientToken: p.ClientToken,
    });
    return { ImageId: imageId };
  }),

  CopyImage: defineAction(copyImageParams, async (ctx, p) => {
    const { imageId } = await copyImage(ctx, {
      imageId: p.ImageId,
      destinationRegionId: p.DestinationRegionId,
      destinationImageName: p.DestinationImageName,
      destinationDescription: p.DestinationDescription,
      encrypted: p.Encrypted,
      kmsKeyId: p.KMSKeyId || undefined,
      tags: tagsOf(p.Tag),
    });
    return { ImageId: imageId };
  }),

  DeleteImage: defineAction(deleteImageParams, async (ctx, p) => {
    await deleteImage(ctx, { imageId: p.ImageId, force: p.Force });
    return {};
  }),

  ModifyImageAttribute: defineAction(modifyImageAttributeParams, async (ctx, p) => {
    await modifyImageAttribute(ctx, {
      imageId: p.ImageId,
      imageName: p.ImageName,
      description: p.Description,
      imageFamily: p.ImageFamily,
      status: p.Status,
    });
    return {};
  }),
});
