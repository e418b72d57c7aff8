import { DATA_DISK_CATEGORIES, SYSTEM_DISK_CATEGORIES } from "@/lib/ecs/catalog/disk-categories";
import { INSTANCE_FAMILIES } from "@/lib/ecs/catalog/instance-families";
import { INSTANCE_TYPES, type InstanceType } from "@/lib/ecs/catalog/instance-types";
import { findZone } from "@/lib/ecs/catalog/zones";

/**
 * What a zone offers. The emulator has no stock to run out of, so every zone offers the whole
 * catalog; services ask here anyway (RunInstances' InvalidInstanceType.ZoneNotSupported,
 * CreateDisk's category check), so that a zone-specific offering would change one file.
 */
export type ZoneOffering = {
  instanceTypes: readonly InstanceType[];
  instanceFamilies: readonly string[];
  instanceGenerations: readonly string[];
  systemDiskCategories: readonly string[];
  dataDiskCategories: readonly string[];
  networkTypes: readonly string[];
};

const WHOLE_CATALOG: ZoneOffering = {
  instanceTypes: INSTANCE_TYPES,
  instanceFamilies: INSTANCE_FAMILIES.map((f) => f.familyId),
  instanceGenerations: [...new Set(INSTANCE_FAMILIES.map((f) => f.generation))],
  systemDiskCategories: SYSTEM_DISK_CATEGORIES,
  dataDiskCategories: DATA_DISK_CATEGORIES,
  // The classic network is retired; VPC is the only network type ECS still sells.
  networkTypes: ["vpc"],
};

/** What the zone offers; undefined for a zone that is not in that region. */
export function zoneOffering(regionId: string, zoneId: string): ZoneOffering | undefined {
  return findZone(regionId, zoneId) ? WHOLE_CATALOG : undefined;
}

export function isInstanceTypeOffered(
  regionId: string,
  zoneId: string,
  instanceTypeId: string,
): boolean {
  return (
    zoneOffering(regionId, zoneId)?.instanceTypes.some(
      (t) => t.instanceTypeId === instanceTypeId,
    ) ?? false
  );
}

export function isDiskCategoryOffered(
  regionId: string,
  zoneId: string,
  usage: "data" | "system",
  category: string,
): boolean {
  const offering = zoneOffering(regionId, zoneId);
  if (!offering) return false;
  const categories = usage === "data" ? offering.dataDiskCategories : offering.systemDiskCategories;
  return categories.includes(category);
}
