import type { RequestContext } from "@/lib/context";
import { findPublicImage } from "@/lib/ecs/catalog/images";
import type { CatalogLanguage } from "@/lib/ecs/catalog/language";
import type { ConsoleKey } from "@/lib/ecs/disks/console-keys";
import { describeImages } from "./describe-images";

/**
 * The console's reads of the Images page and the wizard, through DescribeImages (authorized and
 * audited as the API's), with the key's alias beside each encrypted image. The console
 * engineer's file.
 */

export type ConsoleImage = {
  imageId: string;
  name: string;
  description: string;
  status: string;
  /** 0–100 */
  progress: number;
  isCustom: boolean;
  osName: string;
  osType: string;
  sizeGiB: number;
  /** Encrypted when its system disk's snapshot is; the key is that snapshot's. */
  encrypted: boolean;
  kmsKeyId: string | null;
  key?: ConsoleKey;
  /** The system disk's snapshot (custom images). */
  snapshotId: string | null;
  isCopied: boolean;
  createdAt: Date;
};

/** Every status a custom image may be in (DescribeImages shows Available only by default). */
const ALL_STATUSES = "Creating,Available,UnAvailable,CreateFailed,Waiting,Deprecated";

type WireImage = {
  ImageId: string;
  ImageName: string;
  Description?: string;
  Status: string;
  Progress: string;
  ImageOwnerAlias: string;
  OSNameEn: string;
  OSType: string;
  Size: number;
  IsCopied: boolean;
  CreationTime: string;
  DiskDeviceMappings?: {
    DiskDeviceMapping: { Type: string; SnapshotId: string; Encrypted?: boolean; KMSKeyId?: string }[];
  };
};

function toConsoleImage(
  wire: WireImage,
  keys: ReadonlyMap<string, ConsoleKey>,
  language: CatalogLanguage,
): ConsoleImage {
  const system = wire.DiskDeviceMappings?.DiskDeviceMapping.find((m) => m.Type === "system");
  const kmsKeyId = system?.Encrypted && system.KMSKeyId ? system.KMSKeyId : null;
  const isCustom = wire.ImageOwnerAlias === "self";
  return {
    imageId: wire.ImageId,
    name: wire.ImageName,
    description: wire.Description ?? "",
    status: wire.Status,
    progress: Number.parseInt(wire.Progress, 10) || 0,
    isCustom,
    osName: (!isCustom && findPublicImage(wire.ImageId)?.osName[language]) || wire.OSNameEn,
    osType: wire.OSType,
    sizeGiB: wire.Size,
    encrypted: system?.Encrypted === true,
    kmsKeyId,
    key: kmsKeyId ? keys.get(kmsKeyId) : undefined,
    snapshotId: isCustom ? (system?.SnapshotId ?? null) : null,
    isCopied: wire.IsCopied,
    createdAt: new Date(wire.CreationTime),
  };
}

/** One page of the region's custom (`self`) or public (`system`) images. */
export async function listConsoleImages(
  ctx: RequestContext,
  input: {
    owner: "self" | "system";
    pageNumber: number;
    pageSize: number;
    keys: readonly ConsoleKey[];
    language: CatalogLanguage;
  },
): Promise<{ images: ConsoleImage[]; totalCount: number }> {
  const answer = await describeImages(ctx, {
    imageOwnerAlias: input.owner,
    status: input.owner === "self" ? ALL_STATUSES : undefined,
    pageNumber: input.pageNumber,
    pageSize: input.pageSize,
  });
  const keys = new Map(input.keys.map((key) => [key.keyId, key]));
  return {
    totalCount: answer.TotalCount,
    images: (answer.Images.Image as WireImage[]).map((image) =>
      toConsoleImage(image, keys, input.language),
    ),
  };
}

/** Status and progress of some custom images, for the pages that poll while they are Creating. */
export async function imageProgresses(
  ctx: RequestContext,
  imageIds: string[],
): Promise<Record<string, { status: string; progress: number }>> {
  if (imageIds.length === 0) return {};
  const answer = await describeImages(ctx, {
    imageOwnerAlias: "self",
    imageId: imageIds.join(","),
    status: ALL_STATUSES,
    pageSize: 100,
  });
  return Object.fromEntries(
    (answer.Images.Image as WireImage[]).map((image) => [
      image.ImageId,
      { status: image.Status, progress: Number.parseInt(image.Progress, 10) || 0 },
    ]),
  );
}
