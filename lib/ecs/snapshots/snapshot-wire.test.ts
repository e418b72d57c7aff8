import { describe, expect, it } from "vitest";
import { snapshotProgress, snapshotRemainSeconds, sourceDiskTypeWire, usageOf } from "./snapshot-wire";

const createdAt = new Date("2026-11-29T00:00:00Z");
const completesAt = new Date("2026-11-29T00:00:10Z");
const at = (seconds: number) => new Date(createdAt.getTime() + seconds * 1000);

describe("snapshot progress", () => {
  it("runs with the clock while progressing, never reaching 100 before accomplished", () => {
    const progressing = { status: "progressing", createdAt, completesAt };
    expect([0, 2.5, 5, 9.99, 10, 60].map((s) => snapshotProgress(progressing, at(s)))).toEqual([0, 25, 50, 99, 99, 99]);
    expect(snapshotProgress({ ...progressing, status: "accomplished" }, at(1))).toBe(100);
    expect(snapshotProgress({ ...progressing, status: "failed" }, at(5))).toBe(0);
  });

  it("RemainTime counts down in whole seconds while progressing", () => {
    expect(snapshotRemainSeconds({ status: "progressing", completesAt }, at(2.5))).toBe(8);
    expect(snapshotRemainSeconds({ status: "progressing", completesAt }, at(11))).toBe(0);
    expect(snapshotRemainSeconds({ status: "accomplished", completesAt }, at(1))).toBe(0);
  });

  it("Usage and SourceDiskType words", () => {
    expect([usageOf(true, true), usageOf(true, false), usageOf(false, true), usageOf(false, false)]).toEqual(["image_disk", "image", "disk", "none"]);
    expect([sourceDiskTypeWire("system"), sourceDiskTypeWire("data")]).toEqual(["System", "Data"]);
  });
});
