import { describe, expect, it } from "vitest";
import { DISK_CATEGORIES } from "@/lib/ecs/catalog/disk-categories";
import { findInstanceFamily } from "@/lib/ecs/catalog/instance-families";
import { instanceFamilyOf } from "@/lib/ecs/catalog/instance-type-names";
import { REGIONS } from "@/lib/ecs/catalog/regions";
import {
  ESSD_FAMILY_CATEGORIES,
  isCmkSupportedRegion,
  isEncryptableCategory,
  isEncryptionSupportedRegion,
  isEssdFamily,
  isLocalDiskCategory,
  isRestrictedInstanceFamily,
  LOCAL_DISK_CATEGORIES,
  RESTRICTED_INSTANCE_FAMILIES,
} from "@/lib/ecs/catalog/restrictions";

describe("region restrictions", () => {
  it("only Nanjing and Seoul have no encryption", () => {
    const without = REGIONS.map((r) => r.regionId).filter((id) => !isEncryptionSupportedRegion(id));
    expect(without).toEqual(["cn-nanjing", "ap-northeast-2"]);
  });

  it("only Fuzhou and Bangkok have no customer master keys", () => {
    const without = REGIONS.map((r) => r.regionId).filter((id) => !isCmkSupportedRegion(id));
    expect(without).toEqual(["cn-fuzhou", "ap-southeast-7"]);
  });

  it.each([
    ["cn-hangzhou", true, true],
    ["cn-nanjing", false, true],
    ["ap-northeast-2", false, true],
    ["cn-fuzhou", true, false],
    ["ap-southeast-7", true, false],
  ])("%s: encryption %s, CMKs %s", (regionId, encryption, cmk) => {
    expect([isEncryptionSupportedRegion(regionId), isCmkSupportedRegion(regionId)]).toEqual([
      encryption,
      cmk,
    ]);
  });
});

describe("disk category restrictions", () => {
  it("the ESSD family is exactly the four of the reference", () => {
    expect([...ESSD_FAMILY_CATEGORIES].sort()).toEqual([
      "cloud_auto",
      "cloud_essd",
      "cloud_essd_entry",
      "cloud_regional_disk_auto",
    ]);
  });

  it.each([
    // category, ESSD family, local, encryptable
    ["cloud", false, false, true],
    ["cloud_efficiency", false, false, true],
    ["cloud_ssd", false, false, true],
    ["cloud_essd", true, false, true],
    ["cloud_essd_entry", true, false, true],
    ["cloud_auto", true, false, true],
    ["cloud_regional_disk_auto", true, false, true],
    ["ephemeral_ssd", false, true, false],
    ["local_ssd_pro", false, true, false],
    ["local_hdd_pro", false, true, false],
    ["elastic_ephemeral_disk_standard", false, true, false],
    ["elastic_ephemeral_disk_premium", false, true, false],
  ])("%s: ESSD family %s, local %s, encryptable %s", (category, essd, local, encryptable) => {
    expect([
      isEssdFamily(category),
      isLocalDiskCategory(category),
      isEncryptableCategory(category),
    ]).toEqual([essd, local, encryptable]);
  });

  it("every restricted category is one the catalog knows", () => {
    for (const category of [...ESSD_FAMILY_CATEGORIES, ...LOCAL_DISK_CATEGORIES])
      expect(DISK_CATEGORIES).toContain(category);
  });
});

describe("instance family restrictions", () => {
  it("the seven families of the reference, each in the catalog", () => {
    expect([...RESTRICTED_INSTANCE_FAMILIES].sort()).toEqual([
      "ecs.ebmc4",
      "ecs.ebmg5",
      "ecs.ebmgn5t",
      "ecs.ebmhfg5",
      "ecs.ebmi3",
      "ecs.sccg5",
      "ecs.scch5",
    ]);
    for (const family of RESTRICTED_INSTANCE_FAMILIES)
      expect(findInstanceFamily(family)).toBeDefined();
  });

  it.each([
    ["ecs.ebmg5", true],
    ["ecs.ebmg5.24xlarge", true],
    ["ecs.scch5.16xlarge", true],
    ["ecs.ebmhfg5.2xlarge", true],
    ["ecs.g7", false],
    ["ecs.g7.large", false],
    ["ecs.ebmg5s.24xlarge", false],
    ["ecs.u1-c1m2.large", false],
  ])("%s restricted: %s", (typeOrFamily, restricted) => {
    expect(isRestrictedInstanceFamily(typeOrFamily)).toBe(restricted);
  });

  it.each([
    ["ecs.g7.large", "ecs.g7"],
    ["ecs.g7", "ecs.g7"],
    ["ecs.u1-c1m2.large", "ecs.u1"],
    ["ecs.e-c1m2.large", "ecs.e"],
    ["ecs.t5-lc2m1.nano", "ecs.t5"],
    ["ecs.ebmgn5t.24xlarge", "ecs.ebmgn5t"],
  ])("the family of %s is %s", (type, family) => {
    expect(instanceFamilyOf(type)).toBe(family);
  });
});
