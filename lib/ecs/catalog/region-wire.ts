import { zoneOffering } from "@/lib/ecs/catalog/availability";
import type { CatalogLanguage } from "@/lib/ecs/catalog/language";
import { REGIONS, regionEndpoint, type Region } from "@/lib/ecs/catalog/regions";
import { listZones, type Zone } from "@/lib/ecs/catalog/zones";

/**
 * DescribeRegions and DescribeZones bodies, with the wire names of the official SDK models
 * (@alicloud/ecs20140526 DescribeRegionsResponseBody, DescribeZonesResponseBody). Note the
 * lower-case `supported…` keys inside AvailableResources: that is how ECS spells them.
 */
export type RegionWire = {
  RegionId: string;
  LocalName: string;
  RegionEndpoint: string;
  Status: "available";
};

export type ZoneWire = {
  ZoneId: string;
  LocalName: string;
  ZoneType: "AvailabilityZone";
  AvailableResourceCreation?: { ResourceTypes: string[] };
  AvailableDiskCategories?: { DiskCategories: string[] };
  AvailableInstanceTypes?: { InstanceTypes: string[] };
  AvailableVolumeCategories?: { VolumeCategories: string[] };
  AvailableDedicatedHostTypes?: { DedicatedHostType: string[] };
  DedicatedHostGenerations?: { DedicatedHostGeneration: string[] };
  AvailableResources?: { ResourcesInfo: ResourcesInfoWire[] };
};

type ResourcesInfoWire = {
  IoOptimized: boolean;
  SystemDiskCategories: { supportedSystemDiskCategory: string[] };
  DataDiskCategories: { supportedDataDiskCategory: string[] };
  InstanceTypes: { supportedInstanceType: string[] };
  InstanceTypeFamilies: { supportedInstanceTypeFamily: string[] };
  InstanceGenerations: { supportedInstanceGeneration: string[] };
  NetworkTypes: { supportedNetworkCategory: string[] };
};

export function toRegionWire(region: Region, language: CatalogLanguage): RegionWire {
  return {
    RegionId: region.regionId,
    LocalName: region.name[language],
    RegionEndpoint: regionEndpoint(region.regionId),
    Status: "available",
  };
}

export function buildDescribeRegionsBody(language: CatalogLanguage) {
  return { Regions: { Region: REGIONS.map((region) => toRegionWire(region, language)) } };
}

/** `verbose: false` (the API's Verbose=false) leaves out everything but id, name and type. */
export function toZoneWire(zone: Zone, language: CatalogLanguage, verbose: boolean): ZoneWire {
  const brief: ZoneWire = {
    ZoneId: zone.zoneId,
    LocalName: zone.name[language],
    ZoneType: "AvailabilityZone",
  };
  const offering = zoneOffering(zone.regionId, zone.zoneId);
  if (!verbose || !offering) return brief;
  const instanceTypeIds = offering.instanceTypes.map((t) => t.instanceTypeId);
  return {
    ...brief,
    AvailableResourceCreation: { ResourceTypes: ["VSwitch", "IoOptimized", "Instance", "Disk"] },
    AvailableDiskCategories: { DiskCategories: [...offering.dataDiskCategories] },
    AvailableInstanceTypes: { InstanceTypes: instanceTypeIds },
    AvailableVolumeCategories: { VolumeCategories: [] },
    AvailableDedicatedHostTypes: { DedicatedHostType: [] },
    DedicatedHostGenerations: { DedicatedHostGeneration: [] },
    AvailableResources: {
      ResourcesInfo: [
        {
          IoOptimized: true,
          SystemDiskCategories: { supportedSystemDiskCategory: [...offering.systemDiskCategories] },
          DataDiskCategories: { supportedDataDiskCategory: [...offering.dataDiskCategories] },
          InstanceTypes: { supportedInstanceType: instanceTypeIds },
          InstanceTypeFamilies: { supportedInstanceTypeFamily: [...offering.instanceFamilies] },
          InstanceGenerations: { supportedInstanceGeneration: [...offering.instanceGenerations] },
          NetworkTypes: { supportedNetworkCategory: [...offering.networkTypes] },
        },
      ],
    },
  };
}

export function buildDescribeZonesBody(
  regionId: string,
  language: CatalogLanguage,
  verbose: boolean,
) {
  return {
    Zones: { Zone: listZones(regionId).map((zone) => toZoneWire(zone, language, verbose)) },
  };
}
