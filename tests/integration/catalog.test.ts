import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * The six ECS catalog actions through the official ECS SDK (and pop-core for a raw RPC call),
 * against a real server: the SDK must parse every body (it throws on a wrong type) and the
 * values must be the catalog's.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

const RESTRICTED = [
  "ecs.ebmg5",
  "ecs.ebmgn5t",
  "ecs.ebmi3",
  "ecs.sccg5",
  "ecs.scch5",
  "ecs.ebmc4",
  "ecs.ebmhfg5",
];
const IMAGE_IDS = [
  "aliyun_3_x64_20G_alibase_20240819.vhd",
  "ubuntu_22_04_x64_20G_alibase_20240812.vhd",
  "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd",
];

describe("DescribeRegions", () => {
  it("lists the 27 regions, in Simplified Chinese by default and in English on request", async () => {
    const zh = (await server.ecs.describeRegions(new $Ecs.DescribeRegionsRequest({}))).body!;
    expect(zh.regions?.region).toHaveLength(27);
    expect(zh.requestId).toMatch(/^[0-9A-F-]{36}$/);
    const hangzhou = zh.regions?.region?.find((r) => r.regionId === "cn-hangzhou");
    expect(hangzhou).toMatchObject({
      localName: "华东1（杭州）",
      regionEndpoint: "ecs.cn-hangzhou.aliyuncs.com",
      status: "available",
    });

    const en = (
      await server.ecs.describeRegions(new $Ecs.DescribeRegionsRequest({ acceptLanguage: "en-US" }))
    ).body!;
    expect(en.regions?.region?.find((r) => r.regionId === "cn-nanjing")?.localName).toBe(
      "China (Nanjing - Local Region - Decommissioning)",
    );
  });

  it("answers in Traditional Chinese through a raw RPC call (pop-core)", async () => {
    const body = await server
      .pop("2014-05-26")
      .request<{ Regions: { Region: { RegionId: string; LocalName: string }[] } }>(
        "DescribeRegions",
        { AcceptLanguage: "zh-TW" },
      );
    expect(body.Regions.Region.find((r) => r.RegionId === "us-east-1")?.LocalName).toBe(
      "美國（維吉尼亞）",
    );
  });

  it("refuses an unknown AcceptLanguage with InvalidParameter", async () => {
    await expect(
      server.ecs.describeRegions(new $Ecs.DescribeRegionsRequest({ acceptLanguage: "fr" })),
    ).rejects.toMatchObject({
      code: "InvalidParameter",
      statusCode: 400,
    });
  });
});

describe("DescribeZones", () => {
  it("lists the zones of cn-hangzhou with what they offer", async () => {
    const body = (
      await server.ecs.describeZones(
        new $Ecs.DescribeZonesRequest({ regionId: "cn-hangzhou", acceptLanguage: "en-US" }),
      )
    ).body!;
    const zones = body.zones?.zone ?? [];
    expect(zones.map((z) => z.zoneId)).toEqual([
      "cn-hangzhou-h",
      "cn-hangzhou-i",
      "cn-hangzhou-j",
      "cn-hangzhou-k",
    ]);
    expect(zones[0].localName).toBe("Hangzhou Zone H");
    expect(zones[0].availableDiskCategories?.diskCategories).toContain("cloud_essd");
    expect(zones[0].availableInstanceTypes?.instanceTypes).toContain("ecs.g7.large");
    const info = zones[0].availableResources?.resourcesInfo?.[0];
    expect(info?.systemDiskCategories?.supportedSystemDiskCategory).toContain("cloud_essd");
    expect(info?.instanceTypeFamilies?.supportedInstanceTypeFamily).toEqual(
      expect.arrayContaining(RESTRICTED),
    );
  });

  it("Verbose=false leaves the offer out", async () => {
    const body = (
      await server.ecs.describeZones(
        new $Ecs.DescribeZonesRequest({ regionId: "ap-southeast-1", verbose: false }),
      )
    ).body!;
    const zone = body.zones?.zone?.[0];
    expect(zone?.zoneId).toBe("ap-southeast-1a");
    expect(zone?.availableInstanceTypes).toBeUndefined();
  });

  it("an unknown region is 404 InvalidRegionId.NotFound", async () => {
    await expect(
      server.ecs.describeZones(new $Ecs.DescribeZonesRequest({ regionId: "cn-atlantis" })),
    ).rejects.toMatchObject({
      code: "InvalidRegionId.NotFound",
      statusCode: 404,
    });
  });
});

describe("DescribeInstanceTypes", () => {
  it("lists the catalog, restricted families included", async () => {
    const body = (await server.ecs.describeInstanceTypes(new $Ecs.DescribeInstanceTypesRequest({})))
      .body!;
    const types = body.instanceTypes?.instanceType ?? [];
    const families = new Set(types.map((t) => t.instanceTypeFamily));
    for (const family of [
      "ecs.g7",
      "ecs.c7",
      "ecs.r7",
      "ecs.g8i",
      "ecs.u1",
      "ecs.e",
      ...RESTRICTED,
    ])
      expect(families).toContain(family);
    expect(types.find((t) => t.instanceTypeId === "ecs.g7.large")).toMatchObject({
      cpuCoreCount: 2,
      memorySize: 8,
      cpuArchitecture: "X86",
    });
    expect(body.nextToken || undefined).toBeUndefined();
  });

  it("filters by InstanceTypes.N and by family", async () => {
    const byId = (
      await server.ecs.describeInstanceTypes(
        new $Ecs.DescribeInstanceTypesRequest({
          instanceTypes: ["ecs.ebmg5.24xlarge", "ecs.c7.large"],
        }),
      )
    ).body!;
    expect(
      byId.instanceTypes?.instanceType?.map((t) => [
        t.instanceTypeId,
        t.cpuCoreCount,
        t.memorySize,
      ]),
    ).toEqual([
      ["ecs.c7.large", 2, 4],
      ["ecs.ebmg5.24xlarge", 96, 384],
    ]);
    const byFamily = (
      await server.ecs.describeInstanceTypes(
        new $Ecs.DescribeInstanceTypesRequest({ instanceTypeFamily: "ecs.r7" }),
      )
    ).body!;
    expect(
      byFamily.instanceTypes?.instanceType?.every((t) => t.instanceTypeFamily === "ecs.r7"),
    ).toBe(true);
  });

  it("pages with MaxResults and NextToken", async () => {
    const all =
      (await server.ecs.describeInstanceTypes(new $Ecs.DescribeInstanceTypesRequest({}))).body!
        .instanceTypes?.instanceType ?? [];
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = (
        await server.ecs.describeInstanceTypes(
          new $Ecs.DescribeInstanceTypesRequest({ maxResults: 10, nextToken }),
        )
      ).body!;
      expect(page.instanceTypes?.instanceType?.length).toBeLessThanOrEqual(10);
      seen.push(...(page.instanceTypes?.instanceType ?? []).map((t) => t.instanceTypeId!));
      nextToken = page.nextToken || undefined;
    } while (nextToken);
    expect(seen).toEqual(all.map((t) => t.instanceTypeId));
  });
});

describe("DescribeInstanceTypeFamilies", () => {
  it("lists every family with its generation, and filters by Generation", async () => {
    const body = (
      await server.ecs.describeInstanceTypeFamilies(
        new $Ecs.DescribeInstanceTypeFamiliesRequest({ regionId: "cn-hangzhou" }),
      )
    ).body!;
    const families = body.instanceTypeFamilies?.instanceTypeFamily ?? [];
    expect(families.map((f) => f.instanceTypeFamilyId)).toEqual(
      expect.arrayContaining(["ecs.g7", ...RESTRICTED]),
    );
    expect(families.every((f) => /^ecs-\d$/.test(f.generation ?? ""))).toBe(true);

    const fourth = (
      await server.ecs.describeInstanceTypeFamilies(
        new $Ecs.DescribeInstanceTypeFamiliesRequest({
          regionId: "cn-hangzhou",
          generation: "ecs-4",
        }),
      )
    ).body!;
    expect(
      fourth.instanceTypeFamilies?.instanceTypeFamily?.every((f) => f.generation === "ecs-4"),
    ).toBe(true);
    expect(
      fourth.instanceTypeFamilies?.instanceTypeFamily?.map((f) => f.instanceTypeFamilyId),
    ).toContain("ecs.ebmg5");
  });
});

describe("DescribeImages", () => {
  it("lists the public images of a region with their system disk mapping", async () => {
    const body = (
      await server.ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId: "eu-central-1" }))
    ).body!;
    expect([body.regionId, body.totalCount, body.pageNumber, body.pageSize]).toEqual([
      "eu-central-1",
      3,
      1,
      10,
    ]);
    expect(body.images?.image?.map((i) => i.imageId)).toEqual(IMAGE_IDS);
    const windows = body.images?.image?.[2];
    expect(windows).toMatchObject({
      OSType: "windows",
      size: 40,
      imageOwnerAlias: "system",
      architecture: "x86_64",
      status: "Available",
    });
    expect(windows?.diskDeviceMappings?.diskDeviceMapping?.[0]).toMatchObject({
      size: "40",
      type: "system",
      encrypted: false,
    });
  });

  it("pages and filters", async () => {
    const page2 = (
      await server.ecs.describeImages(
        new $Ecs.DescribeImagesRequest({ regionId: "cn-hangzhou", pageSize: 2, pageNumber: 2 }),
      )
    ).body!;
    expect([page2.totalCount, page2.images?.image?.map((i) => i.imageId)]).toEqual([
      3,
      [IMAGE_IDS[2]],
    ]);
    const linux = (
      await server.ecs.describeImages(
        new $Ecs.DescribeImagesRequest({ regionId: "cn-hangzhou", OSType: "linux" }),
      )
    ).body!;
    expect(linux.images?.image?.map((i) => i.imageId)).toEqual(IMAGE_IDS.slice(0, 2));
    const byIds = (
      await server.ecs.describeImages(
        new $Ecs.DescribeImagesRequest({
          regionId: "cn-hangzhou",
          imageId: `${IMAGE_IDS[2]},${IMAGE_IDS[1]}`,
        }),
      )
    ).body!;
    expect(byIds.images?.image?.map((i) => i.imageId)).toEqual(IMAGE_IDS.slice(1));
    const self = (
      await server.ecs.describeImages(
        new $Ecs.DescribeImagesRequest({ regionId: "cn-hangzhou", imageOwnerAlias: "self" }),
      )
    ).body!;
    expect(self.totalCount).toBe(0);
  });

  it("refuses PageSize above 100", async () => {
    await expect(
      server.ecs.describeImages(
        new $Ecs.DescribeImagesRequest({ regionId: "cn-hangzhou", pageSize: 101 }),
      ),
    ).rejects.toMatchObject({
      code: "InvalidParameter",
      statusCode: 400,
    });
  });
});

describe("DescribeAvailableResource", () => {
  it("DataDisk: categories with their size limits in each zone", async () => {
    const body = (
      await server.ecs.describeAvailableResource(
        new $Ecs.DescribeAvailableResourceRequest({
          regionId: "cn-hangzhou",
          destinationResource: "DataDisk",
          zoneId: "cn-hangzhou-i",
        }),
      )
    ).body!;
    const zones = body.availableZones?.availableZone ?? [];
    expect(zones.map((z) => [z.zoneId, z.status, z.statusCategory])).toEqual([
      ["cn-hangzhou-i", "Available", "WithStock"],
    ]);
    const resource = zones[0].availableResources?.availableResource?.[0];
    expect(resource?.type).toBe("DataDisk");
    expect(resource?.supportedResources?.supportedResource).toContainEqual(
      expect.objectContaining({
        value: "cloud_essd_entry",
        min: 10,
        max: 32768,
        unit: "GiB",
        status: "Available",
      }),
    );
  });

  it("InstanceType in every zone of the region", async () => {
    const body = (
      await server.ecs.describeAvailableResource(
        new $Ecs.DescribeAvailableResourceRequest({
          regionId: "ap-northeast-1",
          destinationResource: "InstanceType",
        }),
      )
    ).body!;
    const zones = body.availableZones?.availableZone ?? [];
    expect(zones.map((z) => z.zoneId)).toEqual([
      "ap-northeast-1a",
      "ap-northeast-1b",
      "ap-northeast-1c",
    ]);
    const values =
      zones[0].availableResources?.availableResource?.[0].supportedResources?.supportedResource?.map(
        (r) => r.value,
      );
    expect(values).toEqual(expect.arrayContaining(["ecs.g7.large", "ecs.ebmg5.24xlarge"]));
  });

  it("SystemDisk without InstanceType is MissingParameter; without DestinationResource too", async () => {
    await expect(
      server.ecs.describeAvailableResource(
        new $Ecs.DescribeAvailableResourceRequest({
          regionId: "cn-hangzhou",
          destinationResource: "SystemDisk",
        }),
      ),
    ).rejects.toMatchObject({ code: "MissingParameter", statusCode: 400 });
    await expect(
      server.ecs.describeAvailableResource(
        new $Ecs.DescribeAvailableResourceRequest({ regionId: "cn-hangzhou" }),
      ),
    ).rejects.toMatchObject({
      code: "MissingParameter",
      statusCode: 400,
    });
  });
});
