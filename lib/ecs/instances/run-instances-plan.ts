/**
 * RunInstances' disks as pure rules (no Prisma, no KMS): categories and their defaults, sizes
 * against the category's limits and the image, performance levels, the host name. Encryption
 * is resolved separately (lib/ecs/encryption) once these pass.
 */
import { AppError } from "@/lib/errors";
import {
  DEFAULT_PERFORMANCE_LEVEL,
  defaultSystemDiskSize,
  getDiskSizeLimit,
  isDataDiskCategory,
  isSystemDiskCategory,
  type PerformanceLevel,
} from "@/lib/ecs/catalog/disk-categories";
import type { InstanceType } from "@/lib/ecs/catalog/instance-types";
import { instanceErrors } from "@/lib/ecs/instances/errors";

/** The API's default (alibaba-api-notes.md RunInstances); the console defaults to cloud_essd. */
export const DEFAULT_SYSTEM_DISK_CATEGORY = "cloud_efficiency";
export const DEFAULT_DATA_DISK_CATEGORY = "cloud_efficiency";
export const MAX_AMOUNT = 100;
/** cloud_essd_entry disks go only with these families (RunInstances SystemDisk.Category). */
const ESSD_ENTRY_FAMILIES = ["ecs.u1", "ecs.e"];

export type DiskRequest = {
  category?: string;
  sizeGiB?: number;
  performanceLevel?: PerformanceLevel;
  encrypted?: boolean;
  kmsKeyId?: string;
  deleteWithInstance?: boolean;
  name?: string;
  description?: string;
  /** DataDisk.N.SnapshotId: the disk starts with the snapshot's data (its size wins over Size). */
  snapshotId?: string;
};

export type DiskPlan = {
  category: string;
  /** cloud_essd only (default PL1); other categories have none. */
  performanceLevel?: PerformanceLevel;
  sizeGiB: number;
  encrypted?: boolean;
  kmsKeyId?: string;
  deleteWithInstance: boolean;
  name?: string;
  description?: string;
};

/** `image`: what the system disk starts from — a public image or a custom image's system snapshot — and its size. */
export function planSystemDisk(request: DiskRequest, image: { sizeGiB: number }, type: InstanceType): DiskPlan {
  const category = request.category ?? DEFAULT_SYSTEM_DISK_CATEGORY;
  if (!isSystemDiskCategory(category)) throw instanceErrors.systemDiskCategory();
  assertCategoryForType(category, type);
  const performanceLevel = category === "cloud_essd" ? (request.performanceLevel ?? DEFAULT_PERFORMANCE_LEVEL) : undefined;
  const sizeGiB = request.sizeGiB ?? defaultSystemDiskSize(image.sizeGiB);
  const limit = getDiskSizeLimit("system", category, performanceLevel);
  if (!limit || sizeGiB < limit.min || sizeGiB > limit.max) throw instanceErrors.systemDiskSize();
  if (sizeGiB < image.sizeGiB) throw instanceErrors.systemDiskSmallerThanImage();
  return { ...common(request), category, performanceLevel, sizeGiB, deleteWithInstance: true };
}

/**
 * DataDisk.N (N = index + 1): Size is required unless the disk comes from a snapshot, whose size
 * (`snapshotSizeGiB`) it then takes; DeleteWithInstance defaults to true.
 */
export function planDataDisk(request: DiskRequest, index: number, type: InstanceType, snapshotSizeGiB?: number): DiskPlan {
  const category = request.category ?? DEFAULT_DATA_DISK_CATEGORY;
  if (!isDataDiskCategory(category)) throw instanceErrors.dataDiskCategory();
  assertCategoryForType(category, type);
  const performanceLevel = category === "cloud_essd" ? (request.performanceLevel ?? DEFAULT_PERFORMANCE_LEVEL) : undefined;
  const sizeGiB = snapshotSizeGiB ?? request.sizeGiB;
  if (sizeGiB === undefined) throw instanceErrors.dataDiskSizeMissing(index + 1);
  const limit = getDiskSizeLimit("data", category, performanceLevel);
  if (!limit || sizeGiB < limit.min || sizeGiB > limit.max) throw instanceErrors.dataDiskSize();
  return {
    ...common(request),
    category,
    performanceLevel,
    sizeGiB,
    deleteWithInstance: request.deleteWithInstance ?? true,
  };
}

function common(request: DiskRequest) {
  return {
    encrypted: request.encrypted,
    kmsKeyId: request.kmsKeyId || undefined,
    name: request.name,
    description: request.description,
  };
}

function assertCategoryForType(category: string, type: InstanceType): void {
  if (category === "cloud_essd_entry" && !ESSD_ENTRY_FAMILIES.includes(type.familyId)) {
    throw instanceErrors.categoryNotForType();
  }
}

/** ECS's default host name: `iZ` + the id without `i-` + `Z` (Windows: NetBIOS, 15 characters). */
export function defaultHostName(instanceId: string, osType: "linux" | "windows"): string {
  const body = instanceId.replace(/^i-/, "");
  return osType === "windows" ? `iZ${body.slice(0, 12)}Z` : `iZ${body}Z`;
}

const hostNameError = () =>
  new AppError("InvalidHostName.Malformed", "The specified parameter HostName is not valid.", 400);

/**
 * Linux: 2–64 characters, letters, digits, `.` and `-`, neither first nor last nor doubled.
 * Windows: 2–15 characters, letters, digits and `-`, not only digits.
 */
export function assertHostName(hostName: string, osType: "linux" | "windows"): void {
  if (osType === "windows") {
    if (!/^[A-Za-z0-9-]{2,15}$/.test(hostName) || /^\d+$/.test(hostName)) throw hostNameError();
    return;
  }
  const ok =
    /^[A-Za-z0-9.-]{2,64}$/.test(hostName) &&
    !/^[.-]|[.-]$/.test(hostName) &&
    !/[.-]{2}/.test(hostName);
  if (!ok) throw hostNameError();
}
