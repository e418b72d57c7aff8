import { findPublicImage } from "@/lib/ecs/catalog/images";
import { getRuntime } from "@/lib/runtime";

/**
 * The public image an image descends from (its OS names, type and the guest's profile): a
 * public image is its own base; a custom image records its base. Unknown → undefined.
 */
export async function basePublicImageId(imageId: string | null): Promise<string | undefined> {
  if (!imageId) return undefined;
  if (findPublicImage(imageId)) return imageId;
  const image = await getRuntime().db.image.findUnique({ where: { id: imageId }, select: { baseImageId: true } });
  return image?.baseImageId;
}
