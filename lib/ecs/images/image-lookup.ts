import type { Image, ImageDiskMapping, Snapshot } from "@/lib/generated/prisma/client";
import { findPublicImage, type PublicImage } from "@/lib/ecs/catalog/images";
import { getRuntime } from "@/lib/runtime";
import { arn } from "@/lib/service/operation";
import { imageErrors } from "./errors";

export function imageArn(regionId: string, imageId: string): string {
  return arn("ecs", regionId, getRuntime().accountId, `image/${imageId}`);
}

/** A custom image of that region (another region's, or a public image, is not found). No authorization. */
export async function getImageOrThrow(regionId: string, imageId: string): Promise<Image> {
  const image = await getRuntime().db.image.findUnique({ where: { id: imageId } });
  if (!image || image.regionId !== regionId) throw imageErrors.notFound();
  return image;
}

export type MappingWithSnapshot = ImageDiskMapping & { snapshot: Snapshot | null };

/** The image's devices (system first), each with its snapshot (null once that is gone). */
export async function mappingsOf(imageIds: readonly string[]): Promise<Map<string, MappingWithSnapshot[]>> {
  const { db } = getRuntime();
  const byImage = new Map<string, MappingWithSnapshot[]>();
  if (imageIds.length === 0) return byImage;
  const mappings = await db.imageDiskMapping.findMany({ where: { imageId: { in: [...imageIds] } }, orderBy: { device: "asc" } });
  const snapshots = await db.snapshot.findMany({ where: { id: { in: mappings.map((m) => m.snapshotId) } } });
  const snapshotById = new Map(snapshots.map((s) => [s.id, s]));
  for (const mapping of mappings) {
    const list = byImage.get(mapping.imageId) ?? [];
    list.push({ ...mapping, snapshot: snapshotById.get(mapping.snapshotId) ?? null });
    byImage.set(mapping.imageId, list);
  }
  return byImage;
}

/** An image is encrypted when any of its snapshots is (its key: the system disk's snapshot's). */
export function imageEncryption(mappings: readonly MappingWithSnapshot[]): { encrypted: boolean; kmsKeyId: string | null } {
  const encrypted = mappings.find((m) => m.snapshot?.encrypted);
  const system = mappings.find((m) => m.type === "system")?.snapshot;
  return { encrypted: encrypted !== undefined, kmsKeyId: system?.kmsKeyId ?? encrypted?.snapshot?.kmsKeyId ?? null };
}

/** What an instance boots from: a public image (installed on a blank disk) or a custom image's system snapshot. */
export type BootImage =
  | { kind: "public"; imageId: string; osType: "linux" | "windows"; sizeGiB: number; publicImage: PublicImage }
  | { kind: "custom"; imageId: string; osType: "linux" | "windows"; sizeGiB: number; image: Image; systemSnapshot: Snapshot };

/**
 * RunInstances' and ReplaceSystemDisk's ImageId: a public image, or an Available custom image of
 * the region with its system disk's snapshot (404 InvalidImageId.NotFound; not Available or
 * without its snapshot → 400 IncorrectImageStatus).
 */
export async function getBootImageOrThrow(regionId: string, imageId: string): Promise<BootImage> {
  const publicImage = findPublicImage(imageId);
  if (publicImage) return { kind: "public", imageId, osType: publicImage.osType, sizeGiB: publicImage.sizeGiB, publicImage };
  const image = await getImageOrThrow(regionId, imageId);
  if (image.status !== "Available") throw imageErrors.notAvailable();
  const mappings = (await mappingsOf([image.id])).get(image.id) ?? [];
  const systemSnapshot = mappings.find((m) => m.type === "system")?.snapshot;
  if (!systemSnapshot) throw imageErrors.notAvailable();
  return { kind: "custom", imageId, osType: image.osType === "windows" ? "windows" : "linux", sizeGiB: image.sizeGiB, image, systemSnapshot };
}

/**
 * Without failing: the encryption of the custom image an id names (unencrypted for public or
 * unknown ids). For RAM conditions, before authorization: it refuses nothing.
 */
export async function previewImageEncryption(regionId: string, imageId: string): Promise<{ encrypted: boolean; kmsKeyId: string | null }> {
  const none = { encrypted: false, kmsKeyId: null };
  if (findPublicImage(imageId)) return none;
  const image = await getRuntime().db.image.findUnique({ where: { id: imageId } });
  if (!image || image.regionId !== regionId) return none;
  return imageEncryption((await mappingsOf([image.id])).get(image.id) ?? []);
}
