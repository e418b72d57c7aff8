import { describe, expect, it } from "vitest";
import {
  formatRotationInterval,
  nextRotationDate,
  parseRotationInterval,
} from "./rotation-interval";

describe("parseRotationInterval", () => {
  it.each([
    ["7d", 604_800],
    ["365d", 31_536_000],
    ["730d", 63_072_000],
    ["604800s", 604_800],
    ["168h", 604_800],
    ["10080m", 604_800],
    ["8760h", 31_536_000],
  ])("%s is %i seconds", (text, seconds) => {
    expect(parseRotationInterval(text)).toBe(seconds);
  });

  it.each([
    "6d",
    "604799s",
    "731d",
    "63072001s",
    "",
    "d",
    "7",
    "7D",
    "7 d",
    "7.5d",
    "-7d",
    "07d",
    "1w",
    "365d ",
    "9999999999999d",
  ])("refuses %j", (text) => {
    expect(parseRotationInterval(text)).toBeUndefined();
  });

  it("answers in seconds as DescribeKey does", () => {
    expect(formatRotationInterval(31_536_000)).toBe("31536000s");
  });

  it("is due one interval after the last rotation", () => {
    expect(nextRotationDate(new Date("2026-01-01T00:00:00Z"), 604_800).toISOString()).toBe(
      "2026-01-08T00:00:00.000Z",
    );
  });
});
