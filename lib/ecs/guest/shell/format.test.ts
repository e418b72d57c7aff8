import { describe, expect, it } from "vitest";
import {
  dfHuman,
  lsTime,
  lsblkHuman,
  parseOptions,
  strftime,
  table,
} from "@/lib/ecs/guest/shell/format";

describe("the tools' formats", () => {
  it.each([
    [0, "0"],
    [4096, "4.0K"],
    [81920, "80K"],
    [1.5 * 1024 ** 3, "1.5G"],
    [20 * 1024 ** 3, "20G"],
    [19.01 * 1024 ** 3, "20G"],
    [9.99 * 1024 ** 3, "10G"],
  ])("df -h shows %d bytes as %s", (bytes, text) => {
    expect(dfHuman(bytes)).toBe(text);
  });

  it.each([
    [40 * 1024 ** 3, "40G"],
    [19.5 * 1024 ** 3, "19.5G"],
    [512 * 1024 ** 2, "512M"],
    [32 * 1024 ** 4, "32T"],
  ])("lsblk shows %d bytes as %s", (bytes, text) => {
    expect(lsblkHuman(bytes)).toBe(text);
  });

  it("prints dates in China Standard Time", () => {
    const date = new Date("2024-09-10T02:03:04Z");
    expect(strftime(date, "%a %b %e %H:%M:%S %Z %Y")).toBe("Tue Sep 10 10:03:04 CST 2024");
    expect(strftime(date, "%F %T %z %j %s")).toBe("2024-09-10 10:03:04 +0800 254 1725933784");
    expect(lsTime(date, new Date("2024-09-11T00:00:00Z"))).toBe("Sep 10 10:03");
    expect(lsTime(date, new Date("2025-06-01T00:00:00Z"))).toBe("Sep 10  2024");
  });

  it("parses GNU-style options", () => {
    expect(parseOptions("ls", ["-la", "--", "-x"], { short: "la" })).toEqual({
      flags: new Set(["l", "a"]),
      values: new Map(),
      operands: ["-x"],
    });
    expect(
      parseOptions("mkfs", ["-t", "ext4", "-Lname", "/dev/vdb"], { takesValue: "tL" }).values,
    ).toEqual(
      new Map([
        ["t", "ext4"],
        ["L", "name"],
      ]),
    );
    expect(parseOptions("ls", ["--bogus"], { long: {} }).error).toBe(
      "ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n",
    );
  });

  it("aligns tables and trims trailing spaces", () => {
    expect(
      table(
        [{ header: "NAME" }, { header: "SIZE", align: "right" }, { header: "MOUNTPOINTS" }],
        [
          ["vda", "40G", "/"],
          ["vdb", "1.5T", ""],
        ],
      ),
    ).toBe("NAME SIZE MOUNTPOINTS\nvda   40G /\nvdb  1.5T\n");
  });
});
