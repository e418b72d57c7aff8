import { rm } from "node:fs/promises";
import path from "node:path";
import { onEmulatorReset } from "@/lib/emulator/reset-emulator";
import { registerKeyAssociationSource, type KeyAssociation } from "@/lib/kms/key-associations";
import { getRuntime } from "@/lib/runtime";
import { applyDueDiskTransitions } from "./transitions";

/** The disks a key protects, for the KMS console's disable / deletion confirmation. */
export async function listDisksOfKey(keyId: string, regionId: string): Promise<KeyAssociation[]> {
  const disks = await getRuntime().db.disk.findMany({
    where: { regionId, kmsKeyId: keyId },
    select: { id: true, name: true, status: true, regionId: true },
    orderBy: { id: "asc" },
  });
  return disks.map((d) => ({
    resourceType: "disk",
    resourceId: d.id,
    resourceName: d.name || undefined,
    regionId: d.regionId,
    status: d.status,
  }));
}

/**
 * Starts the disks domain (server/domains.ts; in-process tests call it too): the Creating →
 * Available transitions on the scheduler, the key association source "disks", and the reset
 * hook that removes every backing medium (ResetEmulator drops the rows itself). Register the
 * hypervisor's reset hook — which closes open media — before this one.
 */
export function startDisks(): void {
  getRuntime().scheduler.register("ecs.disks.transitions", applyDueDiskTransitions);
  registerKeyAssociationSource("disks", listDisksOfKey);
  onEmulatorReset("ecs.disks.media", async () => {
    await rm(path.join(getRuntime().config.dataDir, "media"), { recursive: true, force: true });
  });
}
