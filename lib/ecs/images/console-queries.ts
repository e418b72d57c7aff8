import type { RequestContext } from "@/lib/context";
import { findPublicImage } from "@/lib/ecs/catalog/images";
import { describeImages, type ImageFilter } from "./describe-images";

/**
 * The console's reads of the Images pages, through DescribeImages (authorized and audited), as
 * plain serializable views.
 */
export type ImageDiskView = {
  device: string;
  type: "system" | "data";
  sizeGiB: number;
  snapshotId: string;
  encrypted: boolean;
  kmsKeyId: string | null;
};

export type ImageView = {
  imageId: string;
  name: string;
  description: string;
  /** self = custom, system = public */
  ownerAlias: "self" | "system";
  status: string;
  /** 0–100 */
  progress: number;
  osType: "linux" | "windows";
  osName: string;
  platform: string;
  architecture: string;
  sizeGiB: number;
  /** Through its snapshots: encrypted when any is; the key of the system disk's. */
  encrypted: boolean;
  kmsKeyId: string | null;
  isCopied: boolean;
  /** ISO 8601 UTC */
  createdAt: string;
  disks: ImageDiskView[];
  tags: { key: string; value: string }[];
};

type WireImage = {
  ImageId: string;
  ImageName: string;
  Description: string;
  ImageOwnerAlias: string;
  Status: string;
  Progress: string;
  OSType: string;
  OSNameEn: string;
  Platform: string;
  Architecture: string;
  Size: number;
  IsCopied: boolean;
  CreationTime: string;
  DiskDeviceMappings: { DiskDeviceMapping: { Device: string; Type: string; Size: string; SnapshotId: string; Encrypted: boolean; KMSKeyId?: string }[] };
  Tags: { Tag: { TagKey: string; TagValue: string }[] };
};

function toImageView(image: WireImage): ImageView {
  const disks = image.DiskDeviceMappings.DiskDeviceMapping.map((m) => ({
    device: m.Device,
    type: m.Type === "data" ? ("data" as const) : ("system" as const),
    sizeGiB: Number(m.Size),
    snapshotId: m.SnapshotId,
    encrypted: m.Encrypted,
    kmsKeyId: m.KMSKeyId || null,
  }));
  const system = disks.find((d) => d.type === "system");
  return {
    imageId: image.ImageId,
    name: image.ImageName,
    description: image.Description,
    ownerAlias: image.ImageOwnerAlias === "self" ? "self" : "system",
    status: image.Status,
    progress: parseInt(image.Progress, 10) || 0,
    osType: image.OSType === "windows" ? "windows" : "linux",
    osName: image.OSNameEn || (findPublicImage(image.ImageId)?.osName.en ?? ""),
    platform: image.Platform,
    architecture: image.Architecture,
    sizeGiB: image.Size,
    encrypted: disks.some((d) => d.encrypted),
    kmsKeyId: system?.kmsKeyId ?? disks.find((d) => d.kmsKeyId)?.kmsKeyId ?? null,
    isCopied: image.IsCopied,
    createdAt: image.CreationTime,
    disks,
    tags: image.Tags.Tag.map((t) => ({ key: t.TagKey, value: t.TagValue })),
  };
}

/**
 * One page of images (DescribeImages): `ownerAlias` "self" for the custom images only,
 * "system" for the public ones, omitted for both. Status defaults to every state here (the
 * API's default is Available), so the console shows images being created.
 */
export async function listConsoleImages(
  ctx: RequestContext,
  input: { filter?: ImageFilter; pageNumber?: number; pageSize?: number } = {},
): Promise<{ images: ImageView[]; totalCount: number; pageNumber: number; pageSize: number }> {
  const pageNumber = input.pageNumber ?? 1;
  const pageSize = input.pageSize ?? 10;
  const body = await describeImages(ctx, {
    status: "Creating,Available,Deprecated,CreateFailed",
    ...input.filter,
    pageNumber,
    pageSize,
  });
  return { images: (body.Images.Image as WireImage[]).map(toImageView), totalCount: body.TotalCount, pageNumber, pageSize };
}

/** One image (custom or public) of the region, any status, or null. */
export async function getConsoleImage(ctx: RequestContext, input: { imageId: string }): Promise<ImageView | null> {
  const page = await listConsoleImages(ctx, { filter: { imageId: input.imageId }, pageSize: 1 });
  return page.images[0] ?? null;
}

