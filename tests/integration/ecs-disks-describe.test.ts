import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { failureOf } from "../helpers/kms-clients";
import {
  accountOf,
  advanceClock,
  createDisk,
  describeDisks,
  ecsPop,
  type DescribeDisksParams,
} from "../helpers/ecs-disks";

/** DescribeDisks through the ECS SDK: every filter, both paging styles, and the refusals. */
let server: TestServer;
const R = "cn-shanghai";
let plain: string[] = [];
let encrypted: string[] = [];
let serviceKeyId = "";
let other: string;
let account = "";

beforeAll(async () => {
  server = await startTestServer({ env: { DISKSEAL_TRANSITION_MS: "60000" } });
  const create = (params: ConstructorParameters<typeof $Ecs.CreateDiskRequest>[0]) =>
    createDisk(server.ecs, { regionId: R, size: 20, ...params });
  plain = [
    await create({ zoneId: "cn-shanghai-e", diskCategory: "cloud_efficiency", diskName: "alpha" }),
    await create({
      zoneId: "cn-shanghai-f",
      diskCategory: "cloud_ssd",
      tag: [new $Ecs.CreateDiskRequestTag({ key: "team", value: "a" })],
    }),
  ];
  encrypted = [
    await create({
      zoneId: "cn-shanghai-e",
      diskCategory: "cloud_essd",
      encrypted: true,
      tag: [new $Ecs.CreateDiskRequestTag({ key: "team", value: "b" })],
    }),
    await create({
      zoneId: "cn-shanghai-f",
      diskCategory: "cloud_essd",
      performanceLevel: "PL0",
      encrypted: true,
      KMSKeyId: "alias/acs/ecs",
    }),
  ];
  await advanceClock(server, 61);
  // One more, still Creating.
  plain.push(await create({ zoneId: "cn-shanghai-g", diskCategory: "cloud_auto" }));
  account = await accountOf(server);
  other = await createDisk(server.ecs, {
    regionId: "cn-hangzhou",
    zoneId: "cn-hangzhou-h",
    size: 20,
  });
  // The KMS SDK cannot send RegionId (the default region is cn-hangzhou): Shanghai's key is read off a disk.
  serviceKeyId = (
    await describeDisks(server.ecs, { regionId: R, diskIds: JSON.stringify([encrypted[0]]) })
  ).disks!.disk![0].KMSKeyId!;
});
afterAll(async () => {
  await server?.stop();
});

const ids = async (params: DescribeDisksParams) =>
  ((await describeDisks(server.ecs, { regionId: R, ...params })).disks?.disk ?? [])
    .map((d) => d.diskId)
    .sort();
const sorted = (list: string[]) => [...list].sort();

describe("filters", () => {
  it("lists the region's disks only, newest first", async () => {
    const body = await describeDisks(server.ecs, { regionId: R });
    expect(body.totalCount).toBe(5);
    expect(body.disks?.disk?.map((d) => d.diskId)).toEqual([
      plain[2],
      encrypted[1],
      encrypted[0],
      plain[1],
      plain[0],
    ]);
    const times = body.disks!.disk!.map((d) => d.creationTime!);
    expect(times).toEqual([...times].sort().reverse());
    expect(await ids({ diskIds: JSON.stringify([other]) })).toEqual([]);
  });

  it.each<[string, DescribeDisksParams, () => string[]]>([
    ["ZoneId", { zoneId: "cn-shanghai-e" }, () => [plain[0], encrypted[0]]],
    ["DiskIds", { diskIds: "" }, () => [plain[1], encrypted[1]]],
    ["DiskType=data", { diskType: "data" }, () => [...plain, ...encrypted]],
    ["DiskType=system", { diskType: "system" }, () => []],
    ["DiskType=all", { diskType: "all" }, () => [...plain, ...encrypted]],
    ["Category", { category: "cloud_essd" }, () => encrypted],
    ["Category=all", { category: "all" }, () => [...plain, ...encrypted]],
    ["Status=Available", { status: "Available" }, () => [...plain.slice(0, 2), ...encrypted]],
    ["Status=Creating", { status: "Creating" }, () => [plain[2]]],
    ["Status=All", { status: "All" }, () => [...plain, ...encrypted]],
    ["Encrypted=true", { encrypted: true }, () => encrypted],
    ["Encrypted=false", { encrypted: false }, () => plain],
    ["KMSKeyId (id)", { KMSKeyId: "ID" }, () => encrypted],
    ["KMSKeyId (alias)", { KMSKeyId: "alias/acs/ecs" }, () => encrypted],
    ["KMSKeyId (ARN)", { KMSKeyId: "ARN" }, () => encrypted],
    ["KMSKeyId (alias ARN)", { KMSKeyId: "ALIAS-ARN" }, () => encrypted],
    ["KMSKeyId (unknown alias)", { KMSKeyId: "alias/nothing" }, () => []],
    ["KMSKeyId (another region's ARN)", { KMSKeyId: "OTHER-ARN" }, () => []],
    [
      "Tag key and value",
      { tag: [new $Ecs.DescribeDisksRequestTag({ key: "team", value: "b" })] },
      () => [encrypted[0]],
    ],
    [
      "Tag key only",
      { tag: [new $Ecs.DescribeDisksRequestTag({ key: "team" })] },
      () => [plain[1], encrypted[0]],
    ],
    ["InstanceId", { instanceId: "i-nothing" }, () => []],
    ["DiskName", { diskName: "alpha" }, () => [plain[0]]],
    ["several at once", { zoneId: "cn-shanghai-f", encrypted: true }, () => [encrypted[1]]],
  ])("%s", async (_name, params, expected) => {
    const resolved: DescribeDisksParams = { ...params };
    if (params.diskIds === "") resolved.diskIds = JSON.stringify([plain[1], encrypted[1], other]);
    const arn = (region: string, rest: string) => `acs:kms:${region}:${account}:${rest}`;
    if (params.KMSKeyId === "ID") resolved.KMSKeyId = serviceKeyId;
    if (params.KMSKeyId === "ARN") resolved.KMSKeyId = arn(R, `key/${serviceKeyId}`);
    if (params.KMSKeyId === "ALIAS-ARN") resolved.KMSKeyId = arn(R, "alias/acs/ecs");
    if (params.KMSKeyId === "OTHER-ARN")
      resolved.KMSKeyId = arn("cn-hangzhou", `key/${serviceKeyId}`);
    expect(await ids(resolved)).toEqual(sorted(expected()));
  });

  it("answers KMSKeyId with the resolved key id, never the alias", async () => {
    const body = await describeDisks(server.ecs, { regionId: R, KMSKeyId: "alias/acs/ecs" });
    expect(new Set(body.disks?.disk?.map((d) => d.KMSKeyId))).toEqual(new Set([serviceKeyId]));
    expect(serviceKeyId).toMatch(/^key-/);
  });
});

describe("paging", () => {
  let many: string[] = [];
  beforeAll(async () => {
    many = [];
    for (let i = 0; i < 23; i++) {
      many.push(
        await createDisk(server.ecs, { regionId: "cn-beijing", zoneId: "cn-beijing-h", size: 20 }),
      );
    }
  });

  it("walks NextToken pages of MaxResults", async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const body = await describeDisks(server.ecs, {
        regionId: "cn-beijing",
        maxResults: 10,
        nextToken: token,
      });
      expect(body.totalCount).toBe(23);
      seen.push(...body.disks!.disk!.map((d) => d.diskId!));
      token = body.nextToken || undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(sorted(seen)).toEqual(sorted(many));
    expect(new Set(seen).size).toBe(23);
  });

  it("serves PageNumber/PageSize too", async () => {
    const page2 = await describeDisks(server.ecs, {
      regionId: "cn-beijing",
      pageNumber: 2,
      pageSize: 10,
    });
    expect(page2).toMatchObject({ totalCount: 23, pageNumber: 2, pageSize: 10 });
    expect(page2.disks?.disk).toHaveLength(10);
    const page3 = await describeDisks(server.ecs, {
      regionId: "cn-beijing",
      pageNumber: 3,
      pageSize: 10,
    });
    expect(page3.disks?.disk).toHaveLength(3);
    const all = await describeDisks(server.ecs, { regionId: "cn-beijing", pageSize: 100 });
    expect(all.disks?.disk?.map((d) => d.diskId)).toEqual([
      ...(
        await describeDisks(server.ecs, { regionId: "cn-beijing", pageNumber: 1, pageSize: 10 })
      ).disks!.disk!.map((d) => d.diskId),
      ...page2.disks!.disk!.map((d) => d.diskId),
      ...page3.disks!.disk!.map((d) => d.diskId),
    ]);
    const defaults = await describeDisks(server.ecs, { regionId: "cn-beijing" });
    expect(defaults).toMatchObject({ pageNumber: 1, pageSize: 10 });
  });
});

describe("refusals", () => {
  it.each<[string, Record<string, string>, string, number, string]>([
    [
      "DiskIds not JSON",
      { DiskIds: "d-1" },
      "InvalidParameter.DiskIds",
      400,
      "The specified parameter diskIds is not valid.",
    ],
    [
      "more than 100 DiskIds",
      { DiskIds: JSON.stringify(Array.from({ length: 101 }, (_, i) => `d-${i}`)) },
      "InvalidDiskIds.Malformed",
      403,
      "The amount of specified disk Ids exceeds the limit.",
    ],
    [
      "DiskType",
      { DiskType: "root" },
      "InvalidDiskType.ValueNotSupported",
      400,
      "The specified disk type is not supported.",
    ],
    [
      "Category",
      { Category: "hdd" },
      "InvalidCategory.ValueNotSupported",
      400,
      "The specified disk category is not supported.",
    ],
    [
      "Status",
      { Status: "Running" },
      "InvalidStatus.ValueNotSupported",
      400,
      "The specified disk status is not supported.",
    ],
    [
      "MaxResults 9",
      { MaxResults: "9" },
      "InvalidParameter",
      400,
      'The specified parameter "MaxResults" is not valid.',
    ],
    [
      "MaxResults 501",
      { MaxResults: "501" },
      "InvalidParameter",
      400,
      'The specified parameter "MaxResults" is not valid.',
    ],
    [
      "PageSize 101",
      { PageSize: "101" },
      "InvalidParameter",
      400,
      'The specified parameter "PageSize" is not valid.',
    ],
    [
      "Encrypted=1",
      { Encrypted: "1" },
      "InvalidParameter",
      400,
      'The specified parameter "Encrypted" is not valid.',
    ],
    [
      "a foreign NextToken",
      { NextToken: "abc" },
      "InvalidParameter",
      400,
      'The specified parameter "NextToken" is not valid.',
    ],
    [
      "an unknown region",
      { RegionId: "cn-atlantis" },
      "InvalidRegion.NotFound",
      400,
      "The specified parameter RegionId is not valid.",
    ],
    [
      "DryRun",
      { DryRun: "true" },
      "DryRunOperation",
      400,
      "Request validation has been passed with DryRun flag set.",
    ],
  ])("%s", async (_name, params, code, status, message) => {
    expect(
      await failureOf(ecsPop(server).request("DescribeDisks", { RegionId: R, ...params })),
    ).toEqual({ code, status, message });
  });
});
