import { isoSeconds } from "@/lib/clock";
import type { Disk } from "@/lib/generated/prisma/client";

/**
 * A disk as DescribeDisks answers it (@alicloud/ecs20140526 DescribeDisksResponseBodyDisksDisk:
 * exact wire names and types — the SDK throws on a wrong type). Pure.
 */
export type WireTag = { TagKey: string; TagValue: string };

/** ECS names devices `/dev/xvdX` (the guest sees `/dev/vdX`). */
export function diskDevice(deviceLetter: string | null): string {
  return deviceLetter ? `/dev/xvd${deviceLetter}` : "";
}

/** Plausible IOPS per category, performance level and size (ECS's published formulas). */
export function diskIops(
  category: string,
  performanceLevel: string | null,
  sizeGiB: number,
): number {
  const capped = (base: number, perGiB: number, max: number) =>
    Math.min(max, Math.floor(base + perGiB * sizeGiB));
  switch (category) {
    case "cloud":
      return capped(300, 0, 300);
    case "cloud_efficiency":
      return capped(1800, 8, 5000);
    case "cloud_ssd":
      return capped(1800, 30, 25000);
    case "cloud_essd":
      switch (performanceLevel) {
        case "PL0":
          return capped(1800, 12, 10000);
        case "PL2":
          return capped(1800, 50, 100000);
        case "PL3":
          return capped(1800, 50, 1000000);
        default:
          return capped(1800, 50, 50000);
      }
    case "cloud_essd_entry":
      return capped(1800, 8, 6000);
    case "cloud_auto":
    case "cloud_regional_disk_auto":
      return capped(3000, 50, 50000);
    default:
      return capped(1800, 50, 50000);
  }
}

export function toDiskWire(disk: Disk, tags: readonly WireTag[]) {
  const time = (date: Date | null) => (date ? isoSeconds(date) : "");
  const device = diskDevice(disk.deviceLetter);
  return {
    DiskId: disk.id,
    DiskName: disk.name,
    Description: disk.description,
    Status: disk.status,
    Type: disk.type,
    Category: disk.category,
    ...(disk.performanceLevel ? { PerformanceLevel: disk.performanceLevel } : {}),
    Size: disk.sizeGiB,
    Encrypted: disk.encrypted,
    KMSKeyId: disk.kmsKeyId ?? "",
    RegionId: disk.regionId,
    ZoneId: disk.zoneId,
    InstanceId: disk.instanceId ?? "",
    Device: device,
    DeleteWithInstance: disk.deleteWithInstance,
    DeleteAutoSnapshot: true,
    EnableAutoSnapshot: false,
    EnableAutomatedSnapshotPolicy: false,
    AutoSnapshotPolicyId: "",
    SourceSnapshotId: disk.sourceSnapshotId ?? "",
    ImageId: disk.imageId ?? "",
    CreationTime: time(disk.createdAt),
    AttachedTime: time(disk.attachedAt),
    DetachedTime: time(disk.detachedAt),
    DiskChargeType: "PostPaid",
    ExpiredTime: "2999-09-08T16:00Z",
    Portable: disk.type === "data",
    MultiAttach: "Disabled",
    BurstingEnabled: false,
    IOPS: diskIops(disk.category, disk.performanceLevel, disk.sizeGiB),
    SerialNumber: disk.id.slice(2),
    ResourceGroupId: "",
    MountInstanceNum: disk.instanceId ? 1 : 0,
    OperationLocks: { OperationLock: [] as { LockReason: string }[] },
    Tags: { Tag: [...tags] },
    Attachments: {
      Attachment: disk.instanceId
        ? [{ InstanceId: disk.instanceId, Device: device, AttachedTime: time(disk.attachedAt) }]
        : [],
    },
  };
}
