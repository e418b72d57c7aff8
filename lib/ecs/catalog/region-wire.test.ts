import { describe, expect, it } from "vitest";
import { buildDescribeRegionsBody, buildDescribeZonesBody } from "@/lib/ecs/catalog/region-wire";
import { INSTANCE_TYPES } from "@/lib/ecs/catalog/instance-types";

describe("DescribeRegions body", () => {
  it("lists the 27 regions with endpoint and lower-case status", () => {
    const regions = buildDescribeRegionsBody("en").Regions.Region;
    expect(regions).toHaveLength(27);
    expect(regions.find((r) => r.RegionId === "cn-hangzhou")).toEqual({
      RegionId: "cn-hangzhou",
      LocalName: "China (Hangzhou)",
      RegionEndpoint: "ecs.cn-hangzhou.aliyuncs.com",
      Status: "available",
    });
  });

  it("names them in the requested language", () => {
    const name = (language: "en" | "zh-CN" | "zh-TW") =>
      buildDescribeRegionsBody(language).Regions.Region.find((r) => r.RegionId === "cn-nanjing")
        ?.LocalName;
    expect([name("en"), name("zh-CN"), name("zh-TW")]).toEqual([
      "China (Nanjing - Local Region - Decommissioning)",
      "华东5（南京-本地地域-关停中）",
      "華東5（南京-本地地域-關停中）",
    ]);
  });
});

describe("DescribeZones body", () => {
  it("verbose: the zone's offer, with ECS's lower-case supported… keys", () => {
    const zone = buildDescribeZonesBody("cn-hangzhou", "zh-CN", true).Zones.Zone[0];
    expect(zone.ZoneId).toBe("cn-hangzhou-h");
    expect(zone.LocalName).toBe("杭州 可用区H");
    expect(zone.ZoneType).toBe("AvailabilityZone");
    expect(zone.AvailableInstanceTypes?.InstanceTypes).toHaveLength(INSTANCE_TYPES.length);
    expect(zone.AvailableDiskCategories?.DiskCategories).toContain("cloud_essd");
    const info = zone.AvailableResources?.ResourcesInfo[0];
    expect(info?.IoOptimized).toBe(true);
    expect(info?.SystemDiskCategories.supportedSystemDiskCategory).toContain("cloud_essd");
    expect(info?.SystemDiskCategories.supportedSystemDiskCategory).not.toContain(
      "elastic_ephemeral_disk_standard",
    );
    expect(info?.InstanceTypeFamilies.supportedInstanceTypeFamily).toContain("ecs.ebmg5");
    expect(info?.NetworkTypes.supportedNetworkCategory).toEqual(["vpc"]);
  });

  it("brief (Verbose=false): id, name and type only", () => {
    expect(buildDescribeZonesBody("ap-southeast-1", "en", false).Zones.Zone[0]).toEqual({
      ZoneId: "ap-southeast-1a",
      LocalName: "Singapore Zone A",
      ZoneType: "AvailabilityZone",
    });
  });
});
