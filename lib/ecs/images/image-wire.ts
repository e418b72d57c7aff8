import { isoSeconds } from "@/lib/clock";
import type { Image } from "@/lib/generated/prisma/client";
import { findPublicImage } from "@/lib/ecs/catalog/images";
import type { MappingWithSnapshot } from "./image-lookup";

/**
 * A custom image as DescribeImages answers it (@alicloud/ecs20140526
 * DescribeImagesResponseBodyImagesImage: DiskDeviceMapping.Size is a string, RemainTime a
 * number), beside the catalog's public images (lib/ecs/catalog/image-wire.ts). Pure.
 */
export function imageProgress(image: Pick<Image, "status" | "createdAt" | "completesAt">, at: Date): number {
  if (image.status !== "Creating") return image.status === "CreateFailed" ? 0 : 100;
  const total = image.completesAt.getTime() - image.createdAt.getTime();
  if (total <= 0) return 99;
  return Math.max(0, Math.min(99, Math.floor(((at.getTime() - image.createdAt.getTime()) / total) * 100)));
}

export function toCustomImageWire(
  image: Image,
  extra: { mappings: readonly MappingWithSnapshot[]; tags: readonly { TagKey: string; TagValue: string }[]; accountId: string; at: Date; isInUse: boolean },
) {
  const base = findPublicImage(image.baseImageId);
  const progress = `${imageProgress(image, extra.at)}%`;
  return {
    ImageId: image.id,
    ImageName: image.name,
    ImageFamily: image.imageFamily,
    ImageVersion: image.imageVersion,
    ImageOwnerAlias: "self",
    ImageOwnerId: Number(extra.accountId),
    OSName: base?.osName["zh-CN"] ?? "",
    OSNameEn: base?.osName.en ?? "",
    OSType: image.osType,
    Platform: image.platform,
    Architecture: image.architecture,
    BootMode: image.bootMode,
    Size: image.sizeGiB,
    Status: image.status,
    Progress: progress,
    CreationTime: isoSeconds(image.createdAt),
    Description: image.description,
    Usage: extra.isInUse ? "instance" : "none",
    IsPublic: false,
    IsCopied: image.sourceImageId !== null,
    IsSelfShared: "",
    IsSubscribed: false,
    IsSupportIoOptimized: true,
    IsSupportCloudinit: base?.isSupportCloudinit ?? true,
    LoginAsNonRootSupported: base?.loginAsNonRootSupported ?? false,
    ProductCode: "",
    ResourceGroupId: "",
    SupplierName: "",
    Usable: image.status === "Available",
    DiskDeviceMappings: {
      DiskDeviceMapping: extra.mappings.map((m) => ({
        Device: m.device,
        Size: String(m.sizeGiB),
        SnapshotId: m.snapshotId,
        Type: m.type,
        Format: "",
        Encrypted: m.snapshot?.encrypted ?? false,
        // Not in the SDK model (it ignores it): which key, for scripts that read the JSON.
        KMSKeyId: m.snapshot?.kmsKeyId ?? "",
        Progress: progress,
        RemainTime: image.status === "Creating" ? Math.max(0, Math.ceil((image.completesAt.getTime() - extra.at.getTime()) / 1000)) : 0,
        ImportOSSBucket: "",
        ImportOSSObject: "",
      })),
    },
    Features: { NvmeSupport: base?.nvmeSupport ?? "supported", ImdsSupport: "v2" },
    Tags: { Tag: [...extra.tags] },
  };
}
