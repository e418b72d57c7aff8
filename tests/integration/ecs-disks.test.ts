import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { failureOf } from "../helpers/kms-clients";
import {
  advanceClock,
  createDisk,
  describeDisk,
  describeDisks,
  ecsPop,
} from "../helpers/ecs-disks";

/**
 * The disk actions through the official ECS SDK (and pop-core for raw parameters): CreateDisk,
 * DescribeDisks (filters, paging, wire shape), DeleteDisk, ModifyDiskAttribute, ResizeDisk and
 * the tag actions. Transitions take 60 s of emulator time here, so a disk stays Creating until
 * the test advances the clock.
 */
let server: TestServer;
const Z = "cn-hangzhou-h";

beforeAll(async () => {
  server = await startTestServer({ env: { DISKSEAL_TRANSITION_MS: "60000" } });
});
afterAll(async () => {
  await server?.stop();
});

const settle = () => advanceClock(server, 61);

describe("CreateDisk", () => {
  it("creates a `cloud` disk by default, Creating then Available, with the exact wire shape", async () => {
    const diskId = await createDisk(server.ecs, {
      zoneId: Z,
      size: 20,
      diskName: "data-1",
      description: "first disk",
    });
    expect(diskId).toMatch(/^d-[a-z0-9]{20}$/);
    expect((await describeDisk(server.ecs, diskId))?.status).toBe("Creating");
    await settle();
    const raw = await ecsPop(server).request<{
      Disks: { Disk: Record<string, unknown>[] };
      TotalCount: number;
    }>("DescribeDisks", { RegionId: "cn-hangzhou", DiskIds: JSON.stringify([diskId]) });
    expect(raw.TotalCount).toBe(1);
    expect(raw.Disks.Disk[0]).toMatchObject({
      DiskId: diskId,
      DiskName: "data-1",
      Description: "first disk",
      Status: "Available",
      Type: "data",
      Category: "cloud",
      Size: 20,
      Encrypted: false,
      KMSKeyId: "",
      RegionId: "cn-hangzhou",
      ZoneId: Z,
      InstanceId: "",
      Device: "",
      DeleteWithInstance: false,
      Portable: true,
      SourceSnapshotId: "",
      DiskChargeType: "PostPaid",
      OperationLocks: { OperationLock: [] },
      Tags: { Tag: [] },
      Attachments: { Attachment: [] },
    });
    expect(raw.Disks.Disk[0].CreationTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(raw.Disks.Disk[0].PerformanceLevel).toBeUndefined();
    expect(fs.existsSync(path.join(server.dataDir, "media", diskId, "medium.json"))).toBe(true);
  });

  it("takes every category, ESSD levels (default PL1) and the catalog's size limits", async () => {
    const ok: [string, string | undefined, number][] = [
      ["cloud", undefined, 5],
      ["cloud", undefined, 2000],
      ["cloud_efficiency", undefined, 20],
      ["cloud_ssd", undefined, 32768],
      ["cloud_essd", "PL0", 1],
      ["cloud_essd", undefined, 20],
      ["cloud_essd", "PL2", 461],
      ["cloud_essd", "PL3", 65536],
      ["cloud_auto", undefined, 1],
      ["cloud_essd_entry", undefined, 10],
      ["cloud_regional_disk_auto", undefined, 10],
      ["elastic_ephemeral_disk_standard", undefined, 64],
    ];
    for (const [category, level, size] of ok) {
      const diskId = await createDisk(server.ecs, {
        zoneId: Z,
        diskCategory: category,
        performanceLevel: level,
        size,
      });
      const disk = await describeDisk(server.ecs, diskId);
      expect(disk, `${category} ${level} ${size}`).toMatchObject({ category, size });
      expect(disk?.performanceLevel).toBe(category === "cloud_essd" ? (level ?? "PL1") : undefined);
    }
    const tooSmallOrLarge: [string, string | undefined, number][] = [
      ["cloud", undefined, 4],
      ["cloud", undefined, 2001],
      ["cloud_efficiency", undefined, 19],
      ["cloud_ssd", undefined, 32769],
      ["cloud_essd", undefined, 19],
      ["cloud_essd", "PL2", 460],
      ["cloud_essd", "PL3", 1260],
      ["cloud_essd", "PL0", 65537],
      ["cloud_essd_entry", undefined, 9],
      ["elastic_ephemeral_disk_premium", undefined, 8193],
    ];
    for (const [category, level, size] of tooSmallOrLarge) {
      expect(
        await failureOf(
          createDisk(server.ecs, {
            zoneId: Z,
            diskCategory: category,
            performanceLevel: level,
            size,
          }),
        ),
        `${category} ${level} ${size}`,
      ).toEqual({
        code: "InvalidSize.ValueNotSupported",
        status: 400,
        message: "The specified parameter Size is not valid.",
      });
    }
  });

  it.each<[string, Record<string, unknown>, string, number, string]>([
    [
      "unknown category",
      { DiskCategory: "ssd", Size: "20" },
      "InvalidDiskCategory.ValueNotSupported",
      400,
      'The specified parameter "DiskCategory" is not valid.',
    ],
    [
      "local disk category",
      { DiskCategory: "ephemeral_ssd", Size: "20" },
      "InvalidDiskCategory.ValueNotSupported",
      400,
      'The specified parameter "DiskCategory" is not valid.',
    ],
    [
      "bad level",
      { DiskCategory: "cloud_essd", PerformanceLevel: "PL4", Size: "20" },
      "InvalidPerformanceLevel.Malformed",
      400,
      'The specified parameter "PerformanceLevel" is not valid.',
    ],
    [
      "fractional size",
      { Size: "20.5" },
      "InvalidParameter",
      400,
      'The specified parameter "Size" is not valid.',
    ],
    [
      "no size nor snapshot",
      {},
      "MissingParameter",
      400,
      'The input parameter either "SnapshotId" or "Size" should be specified.',
    ],
    [
      "no zone",
      { ZoneId: undefined, Size: "20" },
      "MissingParameter",
      400,
      "The input parameter ZoneId that is mandatory for processing this request is not supplied.",
    ],
    [
      "unknown zone",
      { ZoneId: "cn-hangzhou-z", Size: "20" },
      "InvalidZoneId.NotFound",
      404,
      "The specified zone does not exist.",
    ],
    [
      "another region's zone",
      { ZoneId: "cn-shanghai-e", Size: "20" },
      "InvalidZoneId.NotFound",
      404,
      "The specified zone does not exist.",
    ],
    [
      "unknown region",
      { RegionId: "cn-atlantis", ZoneId: "cn-atlantis-a", Size: "20" },
      "InvalidRegionId.NotFound",
      404,
      "The specified RegionId does not exist.",
    ],
    [
      "name starting with a digit",
      { Size: "20", DiskName: "1disk" },
      "InvalidParameter",
      400,
      'The specified parameter "DiskName" is not valid.',
    ],
    [
      "one-letter name",
      { Size: "20", DiskName: "a" },
      "InvalidParameter",
      400,
      'The specified parameter "DiskName" is not valid.',
    ],
    [
      "name with a space",
      { Size: "20", DiskName: "my disk" },
      "InvalidParameter",
      400,
      'The specified parameter "DiskName" is not valid.',
    ],
    [
      "description as a URL",
      { Size: "20", Description: "https://example.com" },
      "InvalidParameter",
      400,
      'The specified parameter "Description" is not valid.',
    ],
    [
      "Encrypted=yes",
      { Size: "20", Encrypted: "yes" },
      "InvalidParameter",
      400,
      'The specified parameter "Encrypted" is not valid.',
    ],
    [
      "reserved tag key",
      { Size: "20", "Tag.1.Key": "acs:team" },
      "InvalidTagKey.Malformed",
      400,
      "The specified Tag.n.Key is not valid.",
    ],
    [
      "URL tag value",
      { Size: "20", "Tag.1.Key": "team", "Tag.1.Value": "http://x" },
      "InvalidTagValue.Malformed",
      400,
      "The specified Tag.n.Value is not valid.",
    ],
    [
      "unknown snapshot",
      { Size: "20", SnapshotId: "s-nothing" },
      "InvalidSnapshotId.NotFound",
      404,
      "The specified SnapshotId does not exist.",
    ],
  ])("refuses %s", async (_name, params, code, status, message) => {
    const all: Record<string, unknown> = { RegionId: "cn-hangzhou", ZoneId: Z, ...params };
    const request = ecsPop(server).request(
      "CreateDisk",
      Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)),
    );
    expect(await failureOf(request)).toEqual({ code, status, message });
  });

  it("accepts Chinese names and keeps tags", async () => {
    const diskId = await createDisk(server.ecs, {
      zoneId: Z,
      size: 20,
      diskName: "数据盘-1",
      tag: [
        new $Ecs.CreateDiskRequestTag({ key: "team", value: "storage" }),
        new $Ecs.CreateDiskRequestTag({ key: "env" }),
      ],
    });
    const disk = await describeDisk(server.ecs, diskId);
    expect(disk?.diskName).toBe("数据盘-1");
    expect(disk?.tags?.tag?.map((t) => [t.tagKey, t.tagValue])).toEqual([
      ["env", ""],
      ["team", "storage"],
    ]);
  });

  it("is idempotent by ClientToken: the same token answers the same DiskId", async () => {
    const params = { zoneId: Z, size: 20, diskName: "idempotent", clientToken: "token-123" };
    const [a, b] = await Promise.all([
      createDisk(server.ecs, params),
      createDisk(server.ecs, params),
    ]);
    const c = await createDisk(server.ecs, params);
    expect(b).toBe(a);
    expect(c).toBe(a);
    const body = await describeDisks(server.ecs, { diskName: "idempotent" });
    expect(body.totalCount).toBe(1);
    expect(await createDisk(server.ecs, { ...params, clientToken: "token-456" })).not.toBe(a);
  });

  it("DryRun checks everything and creates nothing", async () => {
    const before = (await describeDisks(server.ecs, {})).totalCount;
    expect(
      await failureOf(
        ecsPop(server).request("CreateDisk", {
          RegionId: "cn-hangzhou",
          ZoneId: Z,
          Size: "20",
          DryRun: "true",
        }),
      ),
    ).toEqual({
      code: "DryRunOperation",
      status: 400,
      message: "Request validation has been passed with DryRun flag set.",
    });
    expect(
      (
        await failureOf(
          ecsPop(server).request("CreateDisk", {
            RegionId: "cn-hangzhou",
            ZoneId: Z,
            Size: "1",
            DryRun: "true",
          }),
        )
      ).code,
    ).toBe("InvalidSize.ValueNotSupported");
    expect((await describeDisks(server.ecs, {})).totalCount).toBe(before);
  });
});
