import { describe, expect, it } from "vitest";
import {
  DATA_DISK_CATEGORIES,
  DISK_CATEGORIES,
  DISK_CATEGORY_NAMES,
  DISK_SIZE_LIMITS,
  defaultSystemDiskSize,
  getDiskSizeEnvelope,
  getDiskSizeLimit,
  SYSTEM_DISK_CATEGORIES,
} from "@/lib/ecs/catalog/disk-categories";
import { CATALOG_LANGUAGES } from "@/lib/ecs/catalog/language";

describe("disk size limits (ecs-kms-semantics.md Restrictions)", () => {
  it("data disks", () => {
    expect(DISK_SIZE_LIMITS.data).toEqual({
      cloud: { min: 5, max: 2000 },
      cloud_efficiency: { min: 20, max: 32768 },
      cloud_ssd: { min: 20, max: 32768 },
      cloud_essd: {
        PL0: { min: 1, max: 65536 },
        PL1: { min: 20, max: 65536 },
        PL2: { min: 461, max: 65536 },
        PL3: { min: 1261, max: 65536 },
      },
      cloud_auto: { min: 1, max: 65536 },
      cloud_essd_entry: { min: 10, max: 32768 },
      cloud_regional_disk_auto: { min: 10, max: 65536 },
      // Not in the reference: the CreateDisk Size doc of the official SDK.
      elastic_ephemeral_disk_standard: { min: 64, max: 8192 },
      elastic_ephemeral_disk_premium: { min: 64, max: 8192 },
    });
  });

  it("system disks: ESSD by PL, basic 20–500, others 20–2048", () => {
    expect(DISK_SIZE_LIMITS.system).toEqual({
      cloud: { min: 20, max: 500 },
      cloud_efficiency: { min: 20, max: 2048 },
      cloud_ssd: { min: 20, max: 2048 },
      cloud_essd: {
        PL0: { min: 1, max: 2048 },
        PL1: { min: 20, max: 2048 },
        PL2: { min: 461, max: 2048 },
        PL3: { min: 1261, max: 2048 },
      },
      cloud_auto: { min: 20, max: 2048 },
      cloud_essd_entry: { min: 20, max: 2048 },
      cloud_regional_disk_auto: { min: 20, max: 2048 },
    });
  });

  it("getDiskSizeLimit: PL1 by default, PL ignored outside ESSD, undefined where the category cannot go", () => {
    expect(getDiskSizeLimit("data", "cloud_essd")).toEqual({ min: 20, max: 65536 });
    expect(getDiskSizeLimit("data", "cloud_essd", "PL3")).toEqual({ min: 1261, max: 65536 });
    expect(getDiskSizeLimit("system", "cloud_essd", "PL0")).toEqual({ min: 1, max: 2048 });
    expect(getDiskSizeLimit("data", "cloud", "PL3")).toEqual({ min: 5, max: 2000 });
    expect(getDiskSizeLimit("system", "elastic_ephemeral_disk_standard")).toBeUndefined();
    expect(getDiskSizeLimit("data", "ephemeral_ssd")).toBeUndefined();
    expect(getDiskSizeLimit("data", "toString")).toBeUndefined();
  });

  it("the envelope spans every performance level", () => {
    expect(getDiskSizeEnvelope("data", "cloud_essd")).toEqual({ min: 1, max: 65536 });
    expect(getDiskSizeEnvelope("system", "cloud")).toEqual({ min: 20, max: 500 });
  });

  it("default system disk size is max(40, image size)", () => {
    expect([
      defaultSystemDiskSize(20),
      defaultSystemDiskSize(40),
      defaultSystemDiskSize(100),
    ]).toEqual([40, 40, 100]);
  });
});

describe("disk categories", () => {
  it("system categories are data categories; every category has a limit where it can be used", () => {
    for (const category of SYSTEM_DISK_CATEGORIES) {
      expect(DATA_DISK_CATEGORIES).toContain(category);
      expect(getDiskSizeLimit("system", category)).toBeDefined();
    }
    for (const category of DATA_DISK_CATEGORIES)
      expect(getDiskSizeLimit("data", category)).toBeDefined();
  });

  it("every category is named in the three languages", () => {
    for (const category of DISK_CATEGORIES) {
      for (const language of CATALOG_LANGUAGES)
        expect(DISK_CATEGORY_NAMES[category][language]).not.toBe("");
    }
    expect(DISK_CATEGORY_NAMES.cloud_essd).toEqual({
      en: "ESSD",
      "zh-CN": "ESSD云盘",
      "zh-TW": "ESSD雲端硬碟",
    });
  });
});
