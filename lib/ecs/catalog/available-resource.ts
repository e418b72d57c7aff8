import { missingParameter } from "@/lib/errors";
import { zoneOffering, type ZoneOffering } from "@/lib/ecs/catalog/availability";
import { getDiskSizeEnvelope } from "@/lib/ecs/catalog/disk-categories";
import { getZoneOrThrow, listZones } from "@/lib/ecs/catalog/zones";

/**
 * DescribeAvailableResource: what each zone of the region offers of one DestinationResource,
 * in the wrapper of reference/api-extras.md §7 (AvailableZones.AvailableZone[].AvailableResources
 * .AvailableResource[].SupportedResources.SupportedResource[]). The other parameters narrow
 * the answer the way ECS's do; a zone with nothing left is not listed.
 */
export const DESTINATION_RESOURCES = [
  "Zone",
  "IoOptimized",
  "InstanceType",
  "SystemDisk",
  "DataDisk",
  "Network",
] as const;
export type DestinationResource = (typeof DESTINATION_RESOURCES)[number];

export type AvailableResourceQuery = {
  destinationResource: DestinationResource;
  zoneId?: string;
  instanceType?: string;
  ioOptimized?: "optimized" | "none";
  systemDiskCategory?: string;
  dataDiskCategory?: string;
  networkCategory?: "vpc" | "classic";
  cores?: number;
  memory?: number;
};

type SupportedResourceWire = {
  Value: string;
  Status: "Available";
  StatusCategory: "WithStock";
  Min?: number;
  Max?: number;
  Unit?: "GiB";
};

const available = (value: string): SupportedResourceWire => ({
  Value: value,
  Status: "Available",
  StatusCategory: "WithStock",
});

function diskResources(
  usage: "data" | "system",
  categories: readonly string[],
): SupportedResourceWire[] {
  return categories.flatMap((category) => {
    // ESSD's limits depend on the performance level; the answer spans all of them.
    const limits = getDiskSizeEnvelope(usage, category);
    return limits
      ? [{ ...available(category), Min: limits.min, Max: limits.max, Unit: "GiB" as const }]
      : [];
  });
}

function instanceTypeResources(
  offering: ZoneOffering,
  query: AvailableResourceQuery,
): SupportedResourceWire[] {
  return offering.instanceTypes
    .filter(
      (t) =>
        (query.instanceType === undefined || t.instanceTypeId === query.instanceType) &&
        (query.cores === undefined || t.cpuCores === query.cores) &&
        (query.memory === undefined || t.memoryGiB === query.memory),
    )
    .map((t) => available(t.instanceTypeId));
}

/** The zone's answer, or an empty list when the zone does not meet the narrowing parameters. */
function supportedResources(
  zoneId: string,
  offering: ZoneOffering,
  query: AvailableResourceQuery,
): SupportedResourceWire[] {
  const offersType =
    query.instanceType === undefined ||
    offering.instanceTypes.some((t) => t.instanceTypeId === query.instanceType);
  const offersSystem =
    query.systemDiskCategory === undefined ||
    offering.systemDiskCategories.includes(query.systemDiskCategory);
  const offersData =
    query.dataDiskCategory === undefined ||
    offering.dataDiskCategories.includes(query.dataDiskCategory);
  const offersNetwork =
    query.networkCategory === undefined || offering.networkTypes.includes(query.networkCategory);
  // Every instance type of the catalog is I/O optimized.
  const offersIo = query.ioOptimized !== "none";
  if (!offersType || !offersSystem || !offersData || !offersNetwork || !offersIo) return [];

  switch (query.destinationResource) {
    case "Zone":
      return [available(zoneId)];
    case "IoOptimized":
      return [available("optimized")];
    case "InstanceType":
      return instanceTypeResources(offering, query);
    case "SystemDisk":
      return diskResources(
        "system",
        query.systemDiskCategory ? [query.systemDiskCategory] : offering.systemDiskCategories,
      );
    case "DataDisk":
      return diskResources(
        "data",
        query.dataDiskCategory ? [query.dataDiskCategory] : offering.dataDiskCategories,
      );
    case "Network":
      return offering.networkTypes.map(available);
  }
}

/** A parameter-form check, made before authorization: system disks depend on the instance type. */
export function assertAvailableResourceQuery(query: AvailableResourceQuery): void {
  if (query.destinationResource === "SystemDisk" && query.instanceType === undefined)
    throw missingParameter("InstanceType");
}

export function buildDescribeAvailableResourceBody(
  regionId: string,
  query: AvailableResourceQuery,
) {
  const zones = query.zoneId ? [getZoneOrThrow(regionId, query.zoneId)] : listZones(regionId);
  const availableZones = zones.flatMap((zone) => {
    const offering = zoneOffering(regionId, zone.zoneId);
    const resources = offering ? supportedResources(zone.zoneId, offering, query) : [];
    if (resources.length === 0) return [];
    return [
      {
        RegionId: regionId,
        ZoneId: zone.zoneId,
        Status: "Available",
        StatusCategory: "WithStock",
        AvailableResources: {
          AvailableResource: [
            {
              Type: query.destinationResource,
              SupportedResources: { SupportedResource: resources },
            },
          ],
        },
      },
    ];
  });
  return { AvailableZones: { AvailableZone: availableZones } };
}
