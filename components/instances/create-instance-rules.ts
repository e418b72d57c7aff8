import {
  DEFAULT_PERFORMANCE_LEVEL,
  getDiskSizeLimit,
  type PerformanceLevel,
} from "@/lib/ecs/catalog/disk-categories";
import { isEssdFamily, isRestrictedInstanceFamily } from "@/lib/ecs/catalog/restrictions";
import { estimateDiskPrice } from "@/lib/ecs/prices/estimate-disk-price";
import {
  CONSOLE_DEFAULT_CATEGORY,
  encryptionRules,
  SERVICE_KEY_OPTION,
  type CreateDiskFormState,
  type EncryptionRules,
  type RegionEncryption,
  type TagRow,
} from "@/components/disks/create-disk-schema";
import type { CreateInstanceInput, DiskInput } from "@/components/instances/create-instance-schema";

/**
 * The Create instance form as pure data: each disk row is judged by the same encryption rules
 * as the Create disk page (`encryptionRules`), plus the instance's own: an encrypted system disk
 * must be ESSD-family and may not go with a restricted instance family.
 */
export type DiskRow = {
  category: string;
  performanceLevel: PerformanceLevel;
  size: string;
  encrypted: boolean;
  kmsKeyId: string;
  deleteWithInstance: boolean;
};

export type CreateInstanceState = {
  zoneId: string;
  instanceType: string;
  imageId: string;
  name: string;
  tags: TagRow[];
  system: DiskRow;
  data: DiskRow[];
};

export const CONSOLE_DEFAULT_INSTANCE_TYPE = "ecs.g7.large";
export const CONSOLE_DEFAULT_SYSTEM_SIZE = 40;

export function newDiskRow(region: RegionEncryption, size: number): DiskRow {
  const byDefault = region.encryptionByDefault;
  return {
    category: CONSOLE_DEFAULT_CATEGORY,
    performanceLevel: DEFAULT_PERFORMANCE_LEVEL,
    size: String(size),
    encrypted: byDefault.isEnabled && region.isEncryptionSupported,
    kmsKeyId: (byDefault.isEnabled && byDefault.defaultKeyId) || SERVICE_KEY_OPTION,
    deleteWithInstance: true,
  };
}

/** A disk row as the Create disk page's state, so its rules and fields apply as they are. */
export function asDiskFormState(row: DiskRow, zoneId: string): CreateDiskFormState {
  return {
    zoneId,
    category: row.category as CreateDiskFormState["category"],
    performanceLevel: row.performanceLevel,
    size: row.size,
    name: "",
    description: "",
    tags: [],
    encrypted: row.encrypted,
    kmsKeyId: row.kmsKeyId,
  };
}

export type InstanceRules = {
  system: EncryptionRules;
  data: EncryptionRules[];
  /** An encrypted system disk that is not ESSD-family (403 NotSupportSnapshotEncrypted.DiskCategory). */
  isSystemCategoryNotForEncryption: boolean;
  /** An encrypted system disk on a restricted family (400 NotSupportSnapshotEncrypted.InstanceType). */
  isRestrictedFamily: boolean;
  needsAuthorization: boolean;
  isBlocked: boolean;
};

export function instanceRules(state: CreateInstanceState, region: RegionEncryption): InstanceRules {
  const system = encryptionRules(asDiskFormState(state.system, state.zoneId), region);
  const data = state.data.map((row) => encryptionRules(asDiskFormState(row, state.zoneId), region));
  const all = [system, ...data];
  const isSystemCategoryNotForEncryption =
    system.isEncrypted && !isEssdFamily(state.system.category);
  const isRestrictedFamily = system.isEncrypted && isRestrictedInstanceFamily(state.instanceType);
  const needsAuthorization = all.some((r) => r.needsAuthorization);
  return {
    system,
    data,
    isSystemCategoryNotForEncryption,
    isRestrictedFamily,
    needsAuthorization,
    isBlocked:
      needsAuthorization ||
      all.some((r) => r.isCategoryBlockedByDefault) ||
      isSystemCategoryNotForEncryption ||
      isRestrictedFamily,
  };
}

/** Size problems: "system" or "data-N" (N from 1) for each row out of its category's range. */
export function sizeErrors(state: CreateInstanceState, imageSizeGiB: number): string[] {
  const problems: string[] = [];
  const check = (row: DiskRow, usage: "system" | "data", id: string) => {
    const size = Number(row.size);
    const limit = getDiskSizeLimit(
      usage,
      row.category,
      row.category === "cloud_essd" ? row.performanceLevel : undefined,
    );
    const min = usage === "system" ? Math.max(limit?.min ?? 0, imageSizeGiB) : (limit?.min ?? 0);
    if (!limit || !Number.isInteger(size) || size < min || size > limit.max) problems.push(id);
  };
  check(state.system, "system", "system");
  state.data.forEach((row, index) => check(row, "data", `data-${index + 1}`));
  return problems;
}

function diskInput(row: DiskRow, rules: EncryptionRules): DiskInput {
  return {
    category: row.category,
    performanceLevel: row.category === "cloud_essd" ? row.performanceLevel : undefined,
    sizeGiB: Number(row.size),
    encrypted: rules.isEncrypted,
    kmsKeyId: rules.isEncrypted ? row.kmsKeyId : undefined,
    deleteWithInstance: row.deleteWithInstance,
  };
}

export function toCreateInstanceInput(
  state: CreateInstanceState,
  rules: InstanceRules,
): CreateInstanceInput {
  const name = state.name.trim();
  return {
    zoneId: state.zoneId,
    instanceType: state.instanceType,
    imageId: state.imageId,
    instanceName: name === "" ? undefined : name,
    systemDisk: diskInput(state.system, rules.system),
    dataDisks: state.data.map((row, index) => diskInput(row, rules.data[index])),
    tags: state.tags
      .map((tag) => ({ key: tag.key.trim(), value: tag.value.trim() }))
      .filter((tag) => tag.key !== ""),
  };
}

/** The fee box's figures: every disk's estimate summed (encryption and the service key are free). */
export function estimateInstanceDisks(state: CreateInstanceState, rules: InstanceRules) {
  const rows = [state.system, ...state.data];
  const all = [rules.system, ...rules.data];
  let diskPerMonth = 0;
  let encryptionPerMonth = 0;
  let keyPerMonth = 0;
  let totalPerHour = 0;
  let totalPerMonth = 0;
  for (const [index, row] of rows.entries()) {
    const estimate = estimateDiskPrice({
      category: row.category,
      performanceLevel: row.category === "cloud_essd" ? row.performanceLevel : undefined,
      sizeGiB: Number(row.size),
      encrypted: all[index]?.isEncrypted ?? false,
    });
    if (!estimate) return undefined;
    diskPerMonth += estimate.diskPerMonth;
    encryptionPerMonth += estimate.encryptionPerMonth;
    keyPerMonth += estimate.keyPerMonth;
    totalPerHour += estimate.totalPerHour;
    totalPerMonth += estimate.totalPerMonth;
  }
  return { diskPerMonth, encryptionPerMonth, keyPerMonth, totalPerHour, totalPerMonth };
}
