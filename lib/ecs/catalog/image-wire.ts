import { PUBLIC_IMAGES, type PublicImage } from "@/lib/ecs/catalog/images";

/**
 * DescribeImages over the public images: filters, paging and the body, with the wire names
 * and types of the official SDK model (DiskDeviceMapping.Size is a string there, RemainTime a
 * number, IsSelfShared a string). Custom images are the images service's; it merges its own
 * rows with `filterPublicImages` before paging.
 */
export const DEFAULT_IMAGES_PAGE_SIZE = 10;
export const MAX_IMAGES_PAGE_SIZE = 100;

export const IMAGE_OWNER_ALIASES = ["system", "self", "others", "marketplace"] as const;
export const IMAGE_STATUSES = [
  "Creating",
  "Waiting",
  "Available",
  "UnAvailable",
  "CreateFailed",
  "Deprecated",
] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

export type ImageQuery = {
  /** One id or several, comma-separated. */
  imageId?: string;
  /** Fuzzy: a case-insensitive part of the name. */
  imageName?: string;
  osType?: "linux" | "windows";
  /** Empty means system, self and others (ECS's documented default). */
  imageOwnerAlias?: (typeof IMAGE_OWNER_ALIASES)[number];
  /** One status or several, comma-separated; default Available. */
  status?: string;
  architecture?: "i386" | "x86_64" | "arm64";
  imageFamily?: string;
  pageNumber?: number;
  pageSize?: number;
};

const splitList = (value: string) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** Public images the query selects, before paging. Every public image is Available. */
export function filterPublicImages(query: ImageQuery): PublicImage[] {
  const ids = query.imageId ? splitList(query.imageId) : undefined;
  const statuses = splitList(query.status ?? "Available");
  const owner = query.imageOwnerAlias;
  if (owner !== undefined && owner !== "system") return [];
  if (!statuses.includes("Available")) return [];
  const name = query.imageName?.toLowerCase();
  return PUBLIC_IMAGES.filter(
    (image) =>
      (!ids || ids.includes(image.imageId)) &&
      (name === undefined || image.imageId.toLowerCase().includes(name)) &&
      (query.osType === undefined || image.osType === query.osType) &&
      (query.architecture === undefined || image.architecture === query.architecture) &&
      (query.imageFamily === undefined || image.imageFamily === query.imageFamily),
  );
}

export function paginate<T>(
  items: readonly T[],
  pageNumber = 1,
  pageSize = DEFAULT_IMAGES_PAGE_SIZE,
): T[] {
  const start = (pageNumber - 1) * pageSize;
  return items.slice(start, start + pageSize);
}

export function toImageWire(image: PublicImage) {
  return {
    ImageId: image.imageId,
    // A public image's name is its id, as on Alibaba Cloud.
    ImageName: image.imageId,
    ImageFamily: image.imageFamily,
    ImageVersion: image.imageVersion,
    ImageOwnerAlias: "system",
    OSName: image.osName["zh-CN"],
    OSNameEn: image.osName.en,
    OSType: image.osType,
    Platform: image.platform,
    Architecture: image.architecture,
    BootMode: image.bootMode,
    Size: image.sizeGiB,
    Status: "Available",
    Progress: "100%",
    CreationTime: image.creationTime,
    Description: image.description,
    Usage: "instance",
    IsPublic: true,
    IsCopied: false,
    IsSelfShared: "",
    IsSubscribed: false,
    IsSupportIoOptimized: true,
    IsSupportCloudinit: image.isSupportCloudinit,
    LoginAsNonRootSupported: image.loginAsNonRootSupported,
    ProductCode: "",
    ResourceGroupId: "",
    SupplierName: "",
    Usable: true,
    DiskDeviceMappings: {
      DiskDeviceMapping: [
        {
          Device: "/dev/xvda",
          Size: String(image.sizeGiB),
          SnapshotId: "",
          Type: "system",
          Format: "",
          Encrypted: false,
          Progress: "100%",
          RemainTime: 0,
          ImportOSSBucket: "",
          ImportOSSObject: "",
        },
      ],
    },
    Features: { NvmeSupport: image.nvmeSupport, ImdsSupport: "v2" },
    Tags: { Tag: [] as { TagKey: string; TagValue: string }[] },
  };
}

export function buildDescribeImagesBody(regionId: string, query: ImageQuery) {
  const pageNumber = query.pageNumber ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_IMAGES_PAGE_SIZE;
  const selected = filterPublicImages(query);
  return {
    RegionId: regionId,
    TotalCount: selected.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
    Images: { Image: paginate(selected, pageNumber, pageSize).map(toImageWire) },
  };
}
