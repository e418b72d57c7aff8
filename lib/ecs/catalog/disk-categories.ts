import type { LocalizedText } from "@/lib/ecs/catalog/language";

/**
 * Disk categories and their size limits (GiB), exactly as reference/ecs-kms-semantics.md
 * "Restrictions" states them; the two elastic ephemeral categories, which that list leaves
 * out, take the CreateDisk `Size` limits of the official SDK model (64–8192). zod schemas, UI
 * hints and API validation all read DISK_SIZE_LIMITS through `getDiskSizeLimit`.
 */

/** Categories a standalone disk (CreateDisk) or a data disk of an instance can be. */
export const DATA_DISK_CATEGORIES = [
  "cloud",
  "cloud_efficiency",
  "cloud_ssd",
  "cloud_essd",
  "cloud_auto",
  "cloud_essd_entry",
  "cloud_regional_disk_auto",
  "elastic_ephemeral_disk_standard",
  "elastic_ephemeral_disk_premium",
] as const;

/** Categories a system disk can be (no elastic ephemeral disks, no local disks). */
export const SYSTEM_DISK_CATEGORIES = [
  "cloud",
  "cloud_efficiency",
  "cloud_ssd",
  "cloud_essd",
  "cloud_auto",
  "cloud_essd_entry",
  "cloud_regional_disk_auto",
] as const;

/** Every category the emulator knows, including the local disks that come with instance types. */
export const DISK_CATEGORIES = [
  ...DATA_DISK_CATEGORIES,
  "ephemeral_ssd",
  "local_ssd_pro",
  "local_hdd_pro",
] as const;

export type DataDiskCategory = (typeof DATA_DISK_CATEGORIES)[number];
export type SystemDiskCategory = (typeof SYSTEM_DISK_CATEGORIES)[number];
export type DiskCategory = (typeof DISK_CATEGORIES)[number];

export const PERFORMANCE_LEVELS = ["PL0", "PL1", "PL2", "PL3"] as const;
export type PerformanceLevel = (typeof PERFORMANCE_LEVELS)[number];

/** ESSD's level when none is given (CreateDisk API doc). */
export const DEFAULT_PERFORMANCE_LEVEL: PerformanceLevel = "PL1";

export type SizeRange = { min: number; max: number };
type LimitsByLevel = Record<PerformanceLevel, SizeRange>;

const range = (min: number, max: number): SizeRange => ({ min, max });

export const DISK_SIZE_LIMITS = {
  data: {
    cloud: range(5, 2000),
    cloud_efficiency: range(20, 32768),
    cloud_ssd: range(20, 32768),
    cloud_essd: {
      PL0: range(1, 65536),
      PL1: range(20, 65536),
      PL2: range(461, 65536),
      PL3: range(1261, 65536),
    },
    cloud_auto: range(1, 65536),
    cloud_essd_entry: range(10, 32768),
    cloud_regional_disk_auto: range(10, 65536),
    elastic_ephemeral_disk_standard: range(64, 8192),
    elastic_ephemeral_disk_premium: range(64, 8192),
  },
  system: {
    // "basic 20–500; others 20–2048" — ESSD is the only category whose limits depend on PL.
    cloud: range(20, 500),
    cloud_efficiency: range(20, 2048),
    cloud_ssd: range(20, 2048),
    cloud_essd: {
      PL0: range(1, 2048),
      PL1: range(20, 2048),
      PL2: range(461, 2048),
      PL3: range(1261, 2048),
    },
    cloud_auto: range(20, 2048),
    cloud_essd_entry: range(20, 2048),
    cloud_regional_disk_auto: range(20, 2048),
  },
} as const satisfies {
  data: Record<DataDiskCategory, SizeRange | LimitsByLevel>;
  system: Record<SystemDiskCategory, SizeRange | LimitsByLevel>;
};

/** A system disk's size when none is given: max(40, image size). */
export const DEFAULT_SYSTEM_DISK_SIZE = 40;
export function defaultSystemDiskSize(imageSizeGiB: number): number {
  return Math.max(DEFAULT_SYSTEM_DISK_SIZE, imageSizeGiB);
}

export type DiskUsage = "data" | "system";

export function isDataDiskCategory(category: string): category is DataDiskCategory {
  return (DATA_DISK_CATEGORIES as readonly string[]).includes(category);
}

export function isSystemDiskCategory(category: string): category is SystemDiskCategory {
  return (SYSTEM_DISK_CATEGORIES as readonly string[]).includes(category);
}

/**
 * The size range of a disk; `performanceLevel` matters for cloud_essd only (default PL1).
 * Undefined when the category cannot be used that way (an elastic ephemeral system disk).
 */
export function getDiskSizeLimit(
  usage: DiskUsage,
  category: string,
  performanceLevel: PerformanceLevel = DEFAULT_PERFORMANCE_LEVEL,
): SizeRange | undefined {
  const table: Record<string, SizeRange | LimitsByLevel> = DISK_SIZE_LIMITS[usage];
  const limits = Object.hasOwn(table, category) ? table[category] : undefined;
  if (!limits) return undefined;
  return "min" in limits ? limits : limits[performanceLevel];
}

/** The widest range over every performance level: what DescribeAvailableResource reports. */
export function getDiskSizeEnvelope(usage: DiskUsage, category: string): SizeRange | undefined {
  const ranges = PERFORMANCE_LEVELS.map((level) => getDiskSizeLimit(usage, category, level)).filter(
    (r): r is SizeRange => r !== undefined,
  );
  if (ranges.length === 0) return undefined;
  return range(Math.min(...ranges.map((r) => r.min)), Math.max(...ranges.map((r) => r.max)));
}

/**
 * Console names (reference/console-ux.md §1; zh-TW as Alibaba's docs write them). Names of the
 * regional ESSD, the elastic ephemeral and the local categories are ours where the docs are silent.
 */
export const DISK_CATEGORY_NAMES: Record<DiskCategory, LocalizedText> = {
  cloud: { en: "Basic Disk", "zh-CN": "普通云盘", "zh-TW": "普通雲端硬碟" },
  cloud_efficiency: { en: "Ultra Disk", "zh-CN": "高效云盘", "zh-TW": "高效雲端硬碟" },
  cloud_ssd: { en: "Standard SSD", "zh-CN": "SSD云盘", "zh-TW": "SSD雲端硬碟" },
  cloud_essd: { en: "ESSD", "zh-CN": "ESSD云盘", "zh-TW": "ESSD雲端硬碟" },
  cloud_auto: { en: "ESSD AutoPL", "zh-CN": "ESSD AutoPL云盘", "zh-TW": "ESSD AutoPL 雲端硬碟" },
  cloud_essd_entry: { en: "ESSD Entry", "zh-CN": "ESSD Entry云盘", "zh-TW": "ESSD Entry 雲端硬碟" },
  cloud_regional_disk_auto: {
    en: "Regional ESSD",
    "zh-CN": "ESSD同城冗余云盘",
    "zh-TW": "ESSD同城冗餘雲端硬碟",
  },
  elastic_ephemeral_disk_standard: {
    en: "Elastic Ephemeral Disk (Standard)",
    "zh-CN": "弹性临时盘-标准版",
    "zh-TW": "彈性臨時盤-標準版",
  },
  elastic_ephemeral_disk_premium: {
    en: "Elastic Ephemeral Disk (Premium)",
    "zh-CN": "弹性临时盘-高级版",
    "zh-TW": "彈性臨時盤-進階版",
  },
  ephemeral_ssd: { en: "Local SSD", "zh-CN": "本地SSD盘", "zh-TW": "本機SSD盤" },
  local_ssd_pro: { en: "Local NVMe SSD", "zh-CN": "本地NVMe SSD盘", "zh-TW": "本機NVMe SSD盤" },
  local_hdd_pro: { en: "Local HDD", "zh-CN": "本地HDD盘", "zh-TW": "本機HDD盤" },
};
