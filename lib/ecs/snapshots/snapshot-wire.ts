import { isoSeconds } from "@/lib/clock";
import type { Snapshot } from "@/lib/generated/prisma/client";

/**
 * A snapshot as DescribeSnapshots answers it (@alicloud/ecs20140526
 * DescribeSnapshotsResponseBodySnapshotsSnapshot: exact wire names and types), and its
 * progress. Pure.
 */
export type SnapshotStatus = "progressing" | "accomplished" | "failed";
export const SNAPSHOT_STATUSES = ["progressing", "accomplished", "failed"] as const;

/** What a snapshot is used by: the images made of it, the disks created from it. */
export type SnapshotUsage = "image" | "disk" | "image_disk" | "none";

/**
 * Progress in percent: 100 once accomplished; while progressing, the share of the time from
 * creation to completesAt that has passed on the emulator clock (at most 99: only the
 * scheduler accomplishes a snapshot).
 */
export function snapshotProgress(snapshot: Pick<Snapshot, "status" | "createdAt" | "completesAt">, at: Date): number {
  if (snapshot.status === "accomplished") return 100;
  if (snapshot.status === "failed") return 0;
  const total = snapshot.completesAt.getTime() - snapshot.createdAt.getTime();
  if (total <= 0) return 99;
  const done = (at.getTime() - snapshot.createdAt.getTime()) / total;
  return Math.max(0, Math.min(99, Math.floor(done * 100)));
}

/** Seconds left while progressing (RemainTime). */
export function snapshotRemainSeconds(snapshot: Pick<Snapshot, "status" | "completesAt">, at: Date): number {
  if (snapshot.status !== "progressing") return 0;
  return Math.max(0, Math.ceil((snapshot.completesAt.getTime() - at.getTime()) / 1000));
}

export function usageOf(isUsedByImage: boolean, isUsedByDisk: boolean): SnapshotUsage {
  if (isUsedByImage && isUsedByDisk) return "image_disk";
  if (isUsedByImage) return "image";
  return isUsedByDisk ? "disk" : "none";
}

/** SourceDiskType is answered capitalised ("System", "Data"), as ECS does. */
export function sourceDiskTypeWire(type: string): string {
  return type === "system" ? "System" : "Data";
}

export function toSnapshotWire(
  snapshot: Snapshot,
  extra: { tags: readonly { TagKey: string; TagValue: string }[]; usage: SnapshotUsage; at: Date },
) {
  return {
    SnapshotId: snapshot.id,
    SnapshotName: snapshot.name,
    Description: snapshot.description,
    Status: snapshot.status,
    Progress: `${snapshotProgress(snapshot, extra.at)}%`,
    RemainTime: snapshotRemainSeconds(snapshot, extra.at),
    Available: snapshot.status === "accomplished",
    CreationTime: isoSeconds(snapshot.createdAt),
    LastModifiedTime: isoSeconds(snapshot.updatedAt),
    SourceDiskId: snapshot.sourceDiskId,
    SourceDiskSize: String(snapshot.sourceDiskSize),
    SourceDiskType: sourceDiskTypeWire(snapshot.sourceDiskType),
    SourceStorageType: "disk",
    Encrypted: snapshot.encrypted,
    KMSKeyId: snapshot.kmsKeyId ?? "",
    Usage: extra.usage,
    SnapshotType: "user",
    Category: "standard",
    InstantAccess: false,
    RegionId: snapshot.regionId,
    ProductCode: "",
    ResourceGroupId: "",
    SnapshotSN: snapshot.id.slice(2),
    SourceSnapshotId: snapshot.sourceSnapshotId ?? "",
    SourceRegionId: snapshot.sourceRegionId ?? "",
    FullSnapshotSizeInBytes: Number(snapshot.sizeBytes),
    Tags: { Tag: [...extra.tags] },
  };
}
