import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { failureOf } from "../helpers/kms-clients";
import { createDisk, describeDisks, ecsPop } from "../helpers/ecs-disks";

/** Tags on disks and instances (TagResources, UntagResources, ListTagResources) and ResetEmulator. */
let server: TestServer;
const Z = "cn-hangzhou-h";

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("tags on disks and instances", () => {
  it("TagResources, ListTagResources, UntagResources", async () => {
    const a = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    const b = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    const tag = (key: string, value?: string) => new $Ecs.TagResourcesRequestTag({ key, value });
    await server.ecs.tagResources(
      new $Ecs.TagResourcesRequest({
        regionId: "cn-hangzhou",
        resourceType: "disk",
        resourceId: [a, b],
        tag: [tag("app", "web"), tag("owner", "ops")],
      }),
    );
    await server.ecs.tagResources(
      new $Ecs.TagResourcesRequest({
        regionId: "cn-hangzhou",
        resourceType: "disk",
        resourceId: [a],
        tag: [tag("app", "api")],
      }),
    );
    const list = (params: ConstructorParameters<typeof $Ecs.ListTagResourcesRequest>[0]) =>
      server.ecs
        .listTagResources(
          new $Ecs.ListTagResourcesRequest({
            regionId: "cn-hangzhou",
            resourceType: "disk",
            ...params,
          }),
        )
        .then((r) => r.body!);
    const byIds = await list({ resourceId: [a, b] });
    expect(
      byIds.tagResources?.tagResource?.map((t) => [
        t.resourceId,
        t.tagKey,
        t.tagValue,
        t.resourceType,
      ]),
    ).toEqual(
      [
        [a, "app", "api", "disk"],
        [a, "owner", "ops", "disk"],
        [b, "app", "web", "disk"],
        [b, "owner", "ops", "disk"],
      ].sort((x, y) => (x[0] + x[1]).localeCompare(y[0] + y[1])),
    );
    const byTag = await list({
      tag: [new $Ecs.ListTagResourcesRequestTag({ key: "app", value: "web" })],
    });
    expect(new Set(byTag.tagResources?.tagResource?.map((t) => t.resourceId))).toEqual(
      new Set([b]),
    );
    expect(
      (
        await describeDisks(server.ecs, {
          tag: [new $Ecs.DescribeDisksRequestTag({ key: "app", value: "api" })],
        })
      ).disks?.disk?.map((d) => d.diskId),
    ).toEqual([a]);

    await server.ecs.untagResources(
      new $Ecs.UntagResourcesRequest({
        regionId: "cn-hangzhou",
        resourceType: "disk",
        resourceId: [a],
        tagKey: ["app"],
      }),
    );
    expect(
      (await list({ resourceId: [a] })).tagResources?.tagResource?.map((t) => t.tagKey),
    ).toEqual(["owner"]);
    await server.ecs.untagResources(
      new $Ecs.UntagResourcesRequest({
        regionId: "cn-hangzhou",
        resourceType: "disk",
        resourceId: [a, b],
        all: true,
      }),
    );
    expect((await list({ resourceId: [a, b] })).tagResources?.tagResource ?? []).toEqual([]);
  });

  it("holds at most 20 tags a disk", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    const tags = (from: number, n: number) =>
      Array.from(
        { length: n },
        (_, i) => new $Ecs.TagResourcesRequestTag({ key: `k${from + i}`, value: "v" }),
      );
    const tagDisk = (list: $Ecs.TagResourcesRequestTag[]) =>
      server.ecs.tagResources(
        new $Ecs.TagResourcesRequest({
          regionId: "cn-hangzhou",
          resourceType: "disk",
          resourceId: [diskId],
          tag: list,
        }),
      );
    await tagDisk(tags(0, 15));
    await tagDisk(tags(15, 5));
    expect(await failureOf(tagDisk(tags(20, 1)))).toEqual({
      code: "InvalidTagCount",
      status: 400,
      message: "The specified tags are beyond the permitted range.",
    });
  });

  it.each<[string, Record<string, string>, string, number]>([
    [
      "an unsupported type",
      { ResourceType: "securitygroup", "ResourceId.1": "sg-1", "Tag.1.Key": "a" },
      "InvalidResourceType.NotSupported",
      400,
    ],
    [
      "an unknown disk",
      { ResourceType: "disk", "ResourceId.1": "d-nothing", "Tag.1.Key": "a" },
      "InvalidResourceId.NotFound",
      404,
    ],
    [
      "an unknown instance",
      { ResourceType: "instance", "ResourceId.1": "i-nothing", "Tag.1.Key": "a" },
      "InvalidResourceId.NotFound",
      404,
    ],
    ["no tag", { ResourceType: "disk", "ResourceId.1": "d-x" }, "MissingParameter", 400],
    [
      "a reserved key",
      { ResourceType: "disk", "ResourceId.1": "d-x", "Tag.1.Key": "aliyun-x" },
      "InvalidTagKey.Malformed",
      400,
    ],
  ])("TagResources refuses %s", async (_name, params, code, status) => {
    expect(
      await failureOf(
        ecsPop(server).request("TagResources", { RegionId: "cn-hangzhou", ...params }),
      ),
    ).toMatchObject({ code, status });
  });

  it("ListTagResources needs resources or tags; UntagResources needs keys or All", async () => {
    expect(
      (
        await failureOf(
          ecsPop(server).request("ListTagResources", {
            RegionId: "cn-hangzhou",
            ResourceType: "disk",
          }),
        )
      ).code,
    ).toBe("MissingParameter");
    expect(
      (
        await failureOf(
          ecsPop(server).request("UntagResources", {
            RegionId: "cn-hangzhou",
            ResourceType: "instance",
            "ResourceId.1": "i-1",
          }),
        )
      ).code,
    ).toBe("MissingParameter");
  });
});

describe("ResetEmulator", () => {
  it("drops every disk and its medium", async () => {
    const diskId = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    expect(fs.existsSync(path.join(server.dataDir, "media", diskId))).toBe(true);
    await server.pop("2026-11-28").request("ResetEmulator");
    expect((await describeDisks(server.ecs, {})).totalCount).toBe(0);
    expect(fs.existsSync(path.join(server.dataDir, "media"))).toBe(false);
    const again = await createDisk(server.ecs, { zoneId: Z, size: 20 });
    expect(fs.existsSync(path.join(server.dataDir, "media", again, "medium.json"))).toBe(true);
  });
});
