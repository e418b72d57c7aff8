import { describe, expect, it } from "vitest";
import {
  formatOffset,
  hexDumpLines,
  isAllZero,
  offsetDigitsFor,
  parseMediaOffset,
} from "@/components/disks/hex-dump";

describe("hex dump", () => {
  it("prints 16 bytes a line with offset and ASCII, as hexdump -C does", () => {
    const bytes = Buffer.from("DSFS\u0001\u0000\u0000\u0000hello, world!!!\u00ff", "latin1");
    const lines = hexDumpLines(bytes, 0x2000);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      offset: "000000002000",
      hex: "44 53 46 53 01 00 00 00  68 65 6c 6c 6f 2c 20 77",
      ascii: "DSFS....hello, w",
    });
    expect(lines[1]).toEqual({
      offset: "000000002010",
      hex: "6f 72 6c 64 21 21 21 ff",
      ascii: "orld!!!.",
    });
  });

  it("pads offsets to the digits the disk's size needs", () => {
    expect(formatOffset(64 * 1024 ** 4 - 16)).toBe("3ffffffffff0");
    expect(offsetDigitsFor(64 * 1024 ** 4)).toBe(12);
    expect(offsetDigitsFor(20 * 1024 ** 3)).toBe(9);
    expect(offsetDigitsFor(1024 ** 3)).toBe(8);
    expect(hexDumpLines(new Uint8Array(16), 0x10, 9)[0].offset).toBe("000000010");
  });

  it("tells zeros from data", () => {
    expect(isAllZero(new Uint8Array(512))).toBe(true);
    expect(isAllZero(Uint8Array.of(0, 0, 1))).toBe(false);
  });

  it.each([
    ["0", 0],
    ["8192", 8192],
    ["0x2000", 8192],
    ["0X2001", 8192],
    ["  4100 ", 4096],
    ["99999999999", 1024 * 1024 - 512],
  ])("reads the offset %j as %d", (text, expected) => {
    expect(parseMediaOffset(text, 1024 * 1024, 512)).toBe(expected);
  });

  it.each(["", "-1", "abc", "1.5", "0x"])("refuses %j", (text) => {
    expect(parseMediaOffset(text, 1024 * 1024, 512)).toBeUndefined();
  });
});
