import { rm } from "node:fs/promises";
import { onEmulatorReset } from "@/lib/emulator/reset-emulator";
import { registerKeyAssociationSource, type KeyAssociation } from "@/lib/kms/key-associations";
import { getRuntime } from "@/lib/runtime";
import { snapshotsRootDir } from "./snapshot-lookup";
import { applyDueSnapshotTransitions } from "./transitions";

/** The snapshots a key protects, for the key association check. */
export async function listSnapshotsOfKey(keyId: string, regionId: string): Promise<KeyAssociation[]> {
  const snapshots = await getRuntime().db.snapshot.findMany({
    where: { regionId, kmsKeyId: keyId },
    select: { id: true, name: true, status: true, regionId: true },
    orderBy: { id: "asc" },
  });
  return snapshots.map((s) => ({
    resourceType: "snapshot",
    resourceId: s.id,
    resourceName: s.name || undefined,
    regionId: s.regionId,
    status: s.status,
  }));
}

/**
 * Starts the snapshots domain (server/domains.ts; in-process tests call it too): progress on the
 * scheduler, the key association source "snapshots", and the reset hook that removes every
 * snapshot medium (ResetEmulator drops the rows itself).
 */
export function startSnapshots(): void {
  getRuntime().scheduler.register("ecs.snapshots.transitions", applyDueSnapshotTransitions);
  registerKeyAssociationSource("snapshots", listSnapshotsOfKey);
  onEmulatorReset("ecs.snapshots.media", async () => {
    await rm(snapshotsRootDir(), { recursive: true, force: true });
  });
}
