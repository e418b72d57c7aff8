/**
 * The encryption restrictions of reference/ecs-kms-semantics.md "Restrictions", in one place:
 * the API, the services and the console all ask these predicates, so a rule changes here or
 * nowhere. Pure data, no imports beyond the family-name rule.
 *
 * What each rule answers with is pinned in reference/emulator-contract.md:
 * - encryption in a region without it → 400 NotSupportSnapshotEncrypted.RegionId
 * - a CMK in a region without CMKs → 403 InvalidRegion.NotSupport (KMS CreateKey there →
 *   400 Rejected.UnsupportedOperation)
 * - an encrypted system disk, or an encrypted disk from a snapshot, that is not ESSD-family →
 *   403 NotSupportSnapshotEncrypted.DiskCategory
 * - such a disk on a restricted instance family → 400 NotSupportSnapshotEncrypted.InstanceType
 * - Encrypted on a local or elastic ephemeral disk → 403 InvalidParameter.EncryptedNotSupported
 */
import { instanceFamilyOf } from "@/lib/ecs/catalog/instance-type-names";

/** No encrypted disks at all (Nanjing is a local region closing down; Seoul). */
export const REGIONS_WITHOUT_ENCRYPTION: readonly string[] = ["cn-nanjing", "ap-northeast-2"];

/** Encryption with the service key only: no customer master keys (Fuzhou closing down; Bangkok). */
export const REGIONS_WITHOUT_CMK: readonly string[] = ["cn-fuzhou", "ap-southeast-7"];

/** The only categories an encrypted system disk, or an encrypted disk from a snapshot, may be. */
export const ESSD_FAMILY_CATEGORIES = [
  "cloud_essd",
  "cloud_essd_entry",
  "cloud_auto",
  "cloud_regional_disk_auto",
] as const;

/**
 * Instance families that cannot use an encrypted system disk or an encrypted disk created
 * from a snapshot.
 */
export const RESTRICTED_INSTANCE_FAMILIES = [
  "ecs.ebmg5",
  "ecs.ebmgn5t",
  "ecs.ebmi3",
  "ecs.sccg5",
  "ecs.scch5",
  "ecs.ebmc4",
  "ecs.ebmhfg5",
] as const;

/**
 * Disks that live on the host (local disks come with their instance type; elastic ephemeral
 * disks are created like cloud disks): none of them can be encrypted.
 */
export const LOCAL_DISK_CATEGORIES = [
  "ephemeral_ssd",
  "local_ssd_pro",
  "local_hdd_pro",
  "elastic_ephemeral_disk_standard",
  "elastic_ephemeral_disk_premium",
] as const;

export type EssdFamilyCategory = (typeof ESSD_FAMILY_CATEGORIES)[number];
export type LocalDiskCategory = (typeof LOCAL_DISK_CATEGORIES)[number];

export function isEncryptionSupportedRegion(regionId: string): boolean {
  return !REGIONS_WITHOUT_ENCRYPTION.includes(regionId);
}

/** Whether customer master keys exist there (encryption itself may still be unsupported). */
export function isCmkSupportedRegion(regionId: string): boolean {
  return !REGIONS_WITHOUT_CMK.includes(regionId);
}

export function isEssdFamily(category: string): category is EssdFamilyCategory {
  return (ESSD_FAMILY_CATEGORIES as readonly string[]).includes(category);
}

export function isLocalDiskCategory(category: string): category is LocalDiskCategory {
  return (LOCAL_DISK_CATEGORIES as readonly string[]).includes(category);
}

/** Whether a disk of this category can be encrypted at all (ESSD-only rules come on top). */
export function isEncryptableCategory(category: string): boolean {
  return !isLocalDiskCategory(category);
}

/** Accepts a family (`ecs.ebmg5`) or an instance type (`ecs.ebmg5.24xlarge`). */
export function isRestrictedInstanceFamily(typeOrFamily: string): boolean {
  const family = instanceFamilyOf(typeOrFamily);
  return (RESTRICTED_INSTANCE_FAMILIES as readonly string[]).includes(family);
}
