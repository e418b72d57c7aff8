import { describe, expect, it } from "vitest";
import { GLYPH_COUNT, glyphPixel } from "@/lib/ecs/hypervisor/font-5x7";
import { crc32, decodeSimplePng, encodePng } from "@/lib/ecs/hypervisor/png";
import { renderScreenshot, SCREENSHOT_HEIGHT, SCREENSHOT_WIDTH } from "@/lib/ecs/hypervisor/screenshot";

describe("the PNG encoder", () => {
  it("writes the signature, IHDR and IEND as RFC 2083 has them", () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 0, 0, 255]));
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
    expect(png.subarray(-12).toString("hex")).toBe("0000000049454e44ae426082");
    expect(crc32(Buffer.from("IEND"))).toBe(0xae426082);
    expect(decodeSimplePng(png)).toEqual({ width: 2, height: 1, rgb: Buffer.from([255, 0, 0, 0, 0, 255]) });
  });

  it("refuses a pixel buffer of the wrong size", () => {
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(RangeError);
  });
});

describe("screenshots", () => {
  it("are black, every pixel (0, 0, 0), when the screen is", () => {
    const { width, height, rgb } = decodeSimplePng(renderScreenshot({ isBlack: true, text: "ignored" }));
    expect([width, height]).toEqual([SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT]);
    expect(rgb.every((b) => b === 0)).toBe(true);
  });

  it("draw the screen's text, glyph by glyph, in the 80 × 25 grid", () => {
    const { rgb } = decodeSimplePng(renderScreenshot({ isBlack: false, text: "I" }));
    const lit = (x: number, y: number) => rgb[(y * SCREENSHOT_WIDTH + x) * 3] !== 0;
    // "I" is column 2 lit from top to bottom, at twice the size, one scaled row below the cell's top.
    for (let y = 0; y < 7; y++) expect(lit(2 * 2, (1 + y) * 2)).toBe(true);
    expect(lit(0, 2)).toBe(false);
    expect(rgb.filter((b) => b !== 0).length).toBeGreaterThan(0);
    const far = decodeSimplePng(renderScreenshot({ isBlack: false, text: "\n".repeat(30) + "x" })).rgb;
    expect(far.some((b) => b !== 0)).toBe(true);
  });

  it("have a glyph for each printable ASCII character", () => {
    expect(GLYPH_COUNT).toBe(95);
    expect(glyphPixel(" ", 2, 3)).toBe(false);
    expect(glyphPixel("\u4e2d", 2, 6)).toBe(glyphPixel("?", 2, 6));
  });
});
