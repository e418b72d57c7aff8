import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { failureOf } from "../helpers/kms-clients";
import { advanceClock, createDisk, describeDisk, ecsPop } from "../helpers/ecs-disks";

/**
 * DeleteDisk, ModifyDiskAttribute and ResizeDisk through the ECS SDK. Transitions take 60 s of
 * emulator time here, so a disk stays Creating until the test advances the clock.
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

describe("DeleteDisk", () => {
  it("needs the disk Available, then removes it and its medium", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    const del = () => server.ecs.deleteDisk(new $Ecs.DeleteDiskRequest({ diskId }));
    expect(await failureOf(del())).toEqual({
      code: "IncorrectDiskStatus",
      status: 403,
      message: "The current disk status does not support this operation.",
    });
    await settle();
    await del();
    expect(fs.existsSync(path.join(server.dataDir, "media", diskId))).toBe(false);
    expect(await describeDisk(server.ecs, diskId)).toBeUndefined();
    expect(await failureOf(del())).toEqual({
      code: "InvalidDiskId.NotFound",
      status: 404,
      message: "The specified disk does not exist.",
    });
  });

  it("does not find another region's disk", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    await settle();
    const request = ecsPop(server).request("DeleteDisk", {
      RegionId: "cn-shanghai",
      DiskId: diskId,
    });
    expect((await failureOf(request)).code).toBe("InvalidDiskId.NotFound");
    expect(await describeDisk(server.ecs, diskId)).toBeDefined();
  });
});

describe("ModifyDiskAttribute", () => {
  it("changes name, description and DeleteWithInstance of one or several disks", async () => {
    const a = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    const b = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    await server.ecs.modifyDiskAttribute(
      new $Ecs.ModifyDiskAttributeRequest({
        diskId: a,
        diskName: "renamed",
        description: "new words",
        deleteWithInstance: true,
      }),
    );
    expect(await describeDisk(server.ecs, a)).toMatchObject({
      diskName: "renamed",
      description: "new words",
      deleteWithInstance: true,
    });
    await server.ecs.modifyDiskAttribute(
      new $Ecs.ModifyDiskAttributeRequest({ diskIds: [a, b], description: "both" }),
    );
    expect((await describeDisk(server.ecs, b))?.description).toBe("both");
    expect((await describeDisk(server.ecs, a))?.diskName).toBe("renamed");
  });

  it.each<[string, Record<string, string>, string, number]>([
    ["a bad name", { DiskId: "d-x", DiskName: "-bad" }, "InvalidParameter", 400],
    ["no disk", { DiskName: "good-name" }, "MissingParameter", 400],
    [
      "an unknown disk",
      { DiskId: "d-nothing", DiskName: "good-name" },
      "InvalidDiskId.NotFound",
      404,
    ],
  ])("refuses %s", async (_name, params, code, status) => {
    expect(
      await failureOf(
        ecsPop(server).request("ModifyDiskAttribute", { RegionId: "cn-hangzhou", ...params }),
      ),
    ).toMatchObject({ code, status });
  });
});

describe("ResizeDisk", () => {
  it("grows a disk and its medium, never shrinks it, within its category's limits", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: Z, size: 20, diskCategory: "cloud" });
    const resize = (newSize: number) =>
      server.ecs.resizeDisk(new $Ecs.ResizeDiskRequest({ diskId, newSize }));
    expect((await failureOf(resize(40))).code).toBe("IncorrectDiskStatus");
    await settle();
    await resize(40);
    expect((await describeDisk(server.ecs, diskId))?.size).toBe(40);
    const meta = JSON.parse(
      fs.readFileSync(path.join(server.dataDir, "media", diskId, "medium.json"), "utf8"),
    );
    expect(meta.sizeBytes).toBe(40 * 1024 ** 3);
    expect(await failureOf(resize(30))).toEqual({
      code: "InvalidDiskSize.TooSmall",
      status: 403,
      message: "Specified new disk size is less than the original disk size.",
    });
    expect((await failureOf(resize(40))).code).toBe("InvalidDiskSize.TooSmall");
    expect(await failureOf(resize(2001))).toEqual({
      code: "InvalidParameter",
      status: 400,
      message: 'The specified parameter "NewSize" is not valid.',
    });
    expect(
      (await failureOf(ecsPop(server).request("ResizeDisk", { DiskId: diskId, NewSize: "abc" })))
        .code,
    ).toBe("InvalidParameter");
    const unknown = server.ecs.resizeDisk(
      new $Ecs.ResizeDiskRequest({ diskId: "d-nothing", newSize: 50 }),
    );
    expect((await failureOf(unknown)).code).toBe("InvalidDiskId.NotFound");
  });
});
