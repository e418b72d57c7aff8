import path from "node:path";
import type { Tx } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import type { Snapshot } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { arn } from "@/lib/service/operation";
import type { KeyedMedium } from "@/lib/ecs/encryption/keyed-media";
import { snapshotErrors } from "./errors";

export function snapshotArn(regionId: string, snapshotId: string): string {
  return arn("ecs", regionId, getRuntime().accountId, `snapshot/${snapshotId}`);
}

/** Where a snapshot's read-only medium lives: `<dataDir>/snapshots/<snapshotId>/`. */
export function snapshotMediumDir(snapshotId: string): string {
  if (!/^s-[a-z0-9]+$/.test(snapshotId)) throw new Error(`Not a snapshot id: ${snapshotId}`);
  return path.join(snapshotsRootDir(), snapshotId);
}

export function snapshotsRootDir(): string {
  return path.join(getRuntime().config.dataDir, "snapshots");
}

/** The EncryptionContext of a data key made for a snapshot (a re-encrypted copy). */
export function snapshotEncryptionContext(snapshotId: string): Record<string, string> {
  return { "acs:ecs:snapshot": snapshotId };
}

/**
 * The snapshot, in that region (another region's is not found: 404 InvalidSnapshotId.NotFound,
 * or the API's own `notFound`). Does not authorize.
 */
export async function getSnapshotOrThrow(
  regionId: string,
  snapshotId: string,
  notFound: () => AppError = snapshotErrors.notFound,
  tx: Tx = getRuntime().db,
): Promise<Snapshot> {
  const snapshot = await tx.snapshot.findUnique({ where: { id: snapshotId } });
  if (!snapshot || snapshot.regionId !== regionId) throw notFound();
  return snapshot;
}

/** The snapshot's medium with what opens it, for copies (lib/ecs/encryption/keyed-media.ts). */
export function snapshotAsMedium(snapshot: Snapshot): KeyedMedium {
  return {
    dir: snapshotMediumDir(snapshot.id),
    regionId: snapshot.regionId,
    encrypted: snapshot.encrypted,
    kmsKeyId: snapshot.kmsKeyId,
    dataKeyCiphertext: snapshot.dataKeyCiphertext,
    encryptionContext: snapshot.encryptionContext,
  };
}

/** Ids of the snapshots that images are made of, and of those disks were created from. */
export async function snapshotUses(ids: readonly string[]): Promise<{ byImage: Set<string>; byDisk: Set<string> }> {
  const { db } = getRuntime();
  if (ids.length === 0) return { byImage: new Set(), byDisk: new Set() };
  const [mappings, disks] = await Promise.all([
    db.imageDiskMapping.findMany({ where: { snapshotId: { in: [...ids] } }, select: { snapshotId: true } }),
    db.disk.findMany({ where: { sourceSnapshotId: { in: [...ids] } }, select: { sourceSnapshotId: true } }),
  ]);
  return {
    byImage: new Set(mappings.map((m) => m.snapshotId)),
    byDisk: new Set(disks.map((d) => d.sourceSnapshotId!)),
  };
}
