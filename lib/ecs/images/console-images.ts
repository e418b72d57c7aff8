import type { RequestContext } from "@/lib/context";
import { findPublicImage } from "@/lib/ecs/catalog/images";
import type { CatalogLanguage } from "@/lib/ecs/catalog/language";
import type { ConsoleKey } from "@/lib/ecs/disks/console-keys";
import { listConsoleImages, type ImageView } from "./console-queries";

/**
 * The Images page's rows: the image views of console-queries.ts (DescribeImages) with the key's
 * alias, the OS name in the page's language (public images), and the creation time as a Date.
 */
export type ImageRow = Omit<ImageView, "createdAt"> & {
  createdAt: Date;
  isCustom: boolean;
  key?: ConsoleKey;
  /** The system disk's snapshot (custom images). */
  snapshotId: string | null;
};

export async function listImageRows(
  ctx: RequestContext,
  input: {
    owner: "self" | "system";
    pageNumber: number;
    pageSize: number;
    keys: readonly ConsoleKey[];
    language: CatalogLanguage;
  },
): Promise<{ images: ImageRow[]; totalCount: number }> {
  const page = await listConsoleImages(ctx, {
    filter: { imageOwnerAlias: input.owner },
    pageNumber: input.pageNumber,
    pageSize: input.pageSize,
  });
  const keys = new Map(input.keys.map((key) => [key.keyId, key]));
  return {
    totalCount: page.totalCount,
    images: page.images.map((image) => {
      const isCustom = image.ownerAlias === "self";
      return {
        ...image,
        osName:
          (!isCustom && findPublicImage(image.imageId)?.osName[input.language]) || image.osName,
        createdAt: new Date(image.createdAt),
        isCustom,
        key: image.kmsKeyId ? keys.get(image.kmsKeyId) : undefined,
        snapshotId: isCustom
          ? (image.disks.find((disk) => disk.type === "system")?.snapshotId ?? null)
          : null,
      };
    }),
  };
}

/** Status and progress of some custom images, for the pages and the wizard that poll them. */
export async function imageProgresses(
  ctx: RequestContext,
  imageIds: string[],
): Promise<Record<string, { status: string; progress: number }>> {
  if (imageIds.length === 0) return {};
  const page = await listConsoleImages(ctx, {
    filter: { imageOwnerAlias: "self", imageId: imageIds.join(",") },
    pageSize: Math.max(imageIds.length, 1),
  });
  return Object.fromEntries(
    page.images.map((image) => [image.imageId, { status: image.status, progress: image.progress }]),
  );
}
