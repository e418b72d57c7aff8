import { describe, expect, it } from "vitest";
import { findPublicImage } from "@/lib/ecs/catalog/images";
import { findInstanceType } from "@/lib/ecs/catalog/instance-types";
import { assertHostName, defaultHostName, planDataDisk, planSystemDisk } from "@/lib/ecs/instances/run-instances-plan";

const linux = findPublicImage("aliyun_3_x64_20G_alibase_20240819.vhd")!;
const windows = findPublicImage("win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd")!;
const g7 = findInstanceType("ecs.g7.large")!;

describe("RunInstances' disks", () => {
  it("default the system disk to cloud_efficiency of max(40 GiB, the image)", () => {
    expect(planSystemDisk({}, linux, g7)).toMatchObject({ category: "cloud_efficiency", sizeGiB: 40, deleteWithInstance: true, performanceLevel: undefined });
    expect(planSystemDisk({ category: "cloud_essd" }, windows, g7)).toMatchObject({ sizeGiB: 40, performanceLevel: "PL1" });
  });

  it("check sizes against the category and the image", () => {
    expect(() => planSystemDisk({ sizeGiB: 2049 }, linux, g7)).toThrow(expect.objectContaining({ code: "InvalidSystemDiskSize.ValueNotSupported" }));
    expect(() => planSystemDisk({ category: "cloud_essd", performanceLevel: "PL0", sizeGiB: 10 }, linux, g7)).toThrow(
      expect.objectContaining({ code: "InvalidSystemDiskSize.LessThanImageSize" }),
    );
    expect(() => planDataDisk({ category: "cloud", sizeGiB: 2001 }, 0, g7)).toThrow(expect.objectContaining({ code: "InvalidDataDiskSize.ValueNotSupported" }));
    expect(() => planDataDisk({}, 2, g7)).toThrow(expect.objectContaining({ code: "MissingParameter", message: expect.stringContaining("DataDisk.3.Size") }));
    expect(planDataDisk({ sizeGiB: 20 }, 0, g7)).toMatchObject({ category: "cloud_efficiency", deleteWithInstance: true });
  });

  it("keep cloud_essd_entry to the families that take it", () => {
    expect(() => planDataDisk({ category: "cloud_essd_entry", sizeGiB: 20 }, 0, g7)).toThrow(expect.objectContaining({ code: "InvalidDiskCategory.NotSupported" }));
    expect(planDataDisk({ category: "cloud_essd_entry", sizeGiB: 20 }, 0, findInstanceType("ecs.e-c1m2.large") ?? { ...g7, familyId: "ecs.e" })).toMatchObject({
      category: "cloud_essd_entry",
    });
  });
});

describe("host names", () => {
  it("default to ECS's form, shorter on Windows", () => {
    expect(defaultHostName("i-bp1abcdefghijklmnopq", "linux")).toBe("iZbp1abcdefghijklmnopqZ");
    expect(defaultHostName("i-bp1abcdefghijklmnopq", "windows")).toBe("iZbp1abcdefghiZ");
  });

  it.each([
    ["web-1.example", "linux", true],
    ["-web", "linux", false],
    ["web..1", "linux", false],
    ["WIN-HOST-1", "windows", true],
    ["win.host", "windows", false],
    ["12345", "windows", false],
    ["a-sixteen-chars!", "windows", false],
  ] as const)("%s on %s: %s", (name, os, ok) => {
    const check = () => assertHostName(name, os);
    if (ok) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: "InvalidHostName.Malformed" }));
  });
});
