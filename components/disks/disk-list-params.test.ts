import { describe, expect, it } from "vitest";
import {
  diskFilterOf,
  diskListHref,
  parseDiskListParams,
} from "@/components/disks/disk-list-params";

describe("disk list params", () => {
  it("reads the filters from the URL and drops what is not one", () => {
    const params = parseDiskListParams({
      zone: "cn-hangzhou-h",
      status: "Creating",
      category: "cloud_essd",
      encrypted: "true",
      key: "alias/acs/ecs",
      page: "2",
    });
    expect(params).toEqual({
      zoneId: "cn-hangzhou-h",
      status: "Creating",
      category: "cloud_essd",
      encrypted: true,
      kmsKeyId: "alias/acs/ecs",
      page: 2,
    });
    expect(
      parseDiskListParams({ status: "Broken", encrypted: "yes", page: "0", zone: "<x>" }),
    ).toEqual({
      page: 1,
    } as never);
  });

  it("round-trips through the href, leaving defaults out", () => {
    expect(diskListHref("cn-hangzhou", { page: 1 })).toBe("/cn-hangzhou/disks");
    const href = diskListHref("cn-hangzhou", { encrypted: false, kmsKeyId: "key-1", page: 3 });
    expect(href).toBe("/cn-hangzhou/disks?encrypted=false&key=key-1&page=3");
    const query = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseDiskListParams(query)).toMatchObject({
      encrypted: false,
      kmsKeyId: "key-1",
      page: 3,
    });
  });

  it("maps to DescribeDisks' filter", () => {
    expect(diskFilterOf({ encrypted: true, kmsKeyId: "key-1", page: 1 })).toMatchObject({
      encrypted: true,
      kmsKeyId: "key-1",
    });
  });
});
