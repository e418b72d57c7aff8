import { registerKeyAssociationSource, type KeyAssociation } from "@/lib/kms/key-associations";
import { getRuntime } from "@/lib/runtime";
import { releaseReplacedSystemDisks } from "@/lib/ecs/instances/replace-system-disk";
import { applyDueImageTransitions } from "./transitions";

/** The images a key protects (through their snapshots), for the key association check. */
export async function listImagesOfKey(keyId: string, regionId: string): Promise<KeyAssociation[]> {
  const { db } = getRuntime();
  const snapshots = await db.snapshot.findMany({ where: { regionId, kmsKeyId: keyId }, select: { id: true } });
  const mappings = await db.imageDiskMapping.findMany({ where: { snapshotId: { in: snapshots.map((s) => s.id) } }, select: { imageId: true } });
  const images = await db.image.findMany({
    where: { id: { in: [...new Set(mappings.map((m) => m.imageId))] } },
    select: { id: true, name: true, status: true, regionId: true },
    orderBy: { id: "asc" },
  });
  return images.map((image) => ({
    resourceType: "image",
    resourceId: image.id,
    resourceName: image.name || undefined,
    regionId: image.regionId,
    status: image.status,
  }));
}

/**
 * Starts the images domain (server/domains.ts, after startDisks and startSnapshots): Creating →
 * Available, key associations, and the release of system disks ReplaceSystemDisk replaced
 * (after the disks' handler, which makes the new disk In_use in the same run).
 */
export function startImages(): void {
  getRuntime().scheduler.register("ecs.images.transitions", applyDueImageTransitions);
  getRuntime().scheduler.register("ecs.instances.replaced-system-disks", releaseReplacedSystemDisks);
  registerKeyAssociationSource("images", listImagesOfKey);
}
