import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  assertAvailableResourceQuery,
  buildDescribeAvailableResourceBody,
  type AvailableResourceQuery,
} from "@/lib/ecs/catalog/available-resource";
import { INSTANCE_TYPES } from "@/lib/ecs/catalog/instance-types";
import { listZones } from "@/lib/ecs/catalog/zones";

const zonesOf = (query: AvailableResourceQuery, regionId = "cn-hangzhou") =>
  buildDescribeAvailableResourceBody(regionId, query).AvailableZones.AvailableZone;
const valuesIn = (query: AvailableResourceQuery, regionId = "cn-hangzhou") =>
  zonesOf(query, regionId).map(
    (z) => z.AvailableResources.AvailableResource[0].SupportedResources.SupportedResource,
  );

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? [error.code, error.httpStatus] : error;
  }
  return undefined;
};

describe("DescribeAvailableResource", () => {
  it("Zone: one entry per zone, in the documented wrapper", () => {
    const zones = zonesOf({ destinationResource: "Zone" });
    expect(zones.map((z) => z.ZoneId)).toEqual(listZones("cn-hangzhou").map((z) => z.zoneId));
    expect(zones[0]).toEqual({
      RegionId: "cn-hangzhou",
      ZoneId: "cn-hangzhou-h",
      Status: "Available",
      StatusCategory: "WithStock",
      AvailableResources: {
        AvailableResource: [
          {
            Type: "Zone",
            SupportedResources: {
              SupportedResource: [
                { Value: "cn-hangzhou-h", Status: "Available", StatusCategory: "WithStock" },
              ],
            },
          },
        ],
      },
    });
  });

  it("ZoneId narrows to that zone; a zone elsewhere is 404 InvalidZoneId.NotFound", () => {
    expect(
      zonesOf({ destinationResource: "Zone", zoneId: "cn-hangzhou-j" }).map((z) => z.ZoneId),
    ).toEqual(["cn-hangzhou-j"]);
    expect(errorOf(() => zonesOf({ destinationResource: "Zone", zoneId: "cn-beijing-h" }))).toEqual(
      ["InvalidZoneId.NotFound", 404],
    );
  });

  it("InstanceType: every type, or those matching InstanceType / Cores / Memory", () => {
    expect(valuesIn({ destinationResource: "InstanceType" })[0]).toHaveLength(
      INSTANCE_TYPES.length,
    );
    expect(
      valuesIn({ destinationResource: "InstanceType", instanceType: "ecs.ebmg5.24xlarge" })[0].map(
        (r) => r.Value,
      ),
    ).toEqual(["ecs.ebmg5.24xlarge"]);
    expect(
      valuesIn({ destinationResource: "InstanceType", cores: 2, memory: 16 })[0].map(
        (r) => r.Value,
      ),
    ).toEqual(["ecs.r7.large"]);
  });

  it("DataDisk: categories with Min/Max/Unit from DISK_SIZE_LIMITS (ESSD spanning all levels)", () => {
    const data = valuesIn({ destinationResource: "DataDisk" })[0];
    expect(data).toContainEqual({
      Value: "cloud",
      Status: "Available",
      StatusCategory: "WithStock",
      Min: 5,
      Max: 2000,
      Unit: "GiB",
    });
    expect(data).toContainEqual(
      expect.objectContaining({ Value: "cloud_essd", Min: 1, Max: 65536, Unit: "GiB" }),
    );
    expect(data).toContainEqual(
      expect.objectContaining({ Value: "elastic_ephemeral_disk_premium", Min: 64, Max: 8192 }),
    );
    const one = valuesIn({
      destinationResource: "DataDisk",
      dataDiskCategory: "cloud_essd_entry",
    })[0];
    expect(one).toEqual([
      expect.objectContaining({ Value: "cloud_essd_entry", Min: 10, Max: 32768 }),
    ]);
  });

  it("SystemDisk needs an InstanceType and answers with system-disk limits", () => {
    expect(
      errorOf(() => assertAvailableResourceQuery({ destinationResource: "SystemDisk" })),
    ).toEqual(["MissingParameter", 400]);
    const system = valuesIn({ destinationResource: "SystemDisk", instanceType: "ecs.g7.large" })[0];
    expect(system).toContainEqual(expect.objectContaining({ Value: "cloud", Min: 20, Max: 500 }));
    expect(system).toContainEqual(
      expect.objectContaining({ Value: "cloud_essd", Min: 1, Max: 2048 }),
    );
    expect(system.map((r) => r.Value)).not.toContain("elastic_ephemeral_disk_standard");
  });

  it("IoOptimized and Network", () => {
    expect(valuesIn({ destinationResource: "IoOptimized" })[0].map((r) => r.Value)).toEqual([
      "optimized",
    ]);
    expect(valuesIn({ destinationResource: "Network" })[0].map((r) => r.Value)).toEqual(["vpc"]);
  });

  it("a condition nothing meets leaves no zone", () => {
    expect(zonesOf({ destinationResource: "Zone", instanceType: "ecs.g99.huge" })).toEqual([]);
    expect(zonesOf({ destinationResource: "Zone", ioOptimized: "none" })).toEqual([]);
    expect(zonesOf({ destinationResource: "Zone", networkCategory: "classic" })).toEqual([]);
    expect(zonesOf({ destinationResource: "DataDisk", dataDiskCategory: "ephemeral_ssd" })).toEqual(
      [],
    );
  });
});
