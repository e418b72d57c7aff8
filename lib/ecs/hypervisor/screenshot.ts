import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphPixel } from "@/lib/ecs/hypervisor/font-5x7";
import { encodePng } from "@/lib/ecs/hypervisor/png";

/**
 * GetInstanceScreenshot's picture: an 80 × 25 text console (the guest's `screen()`), light grey
 * on black, each 5×7 glyph in a 6×9 cell drawn at twice its size (960 × 450 pixels). A hung or
 * stopped guest's screen is black: every pixel (0, 0, 0).
 */
export const SCREEN_COLUMNS = 80;
export const SCREEN_ROWS = 25;
const CELL_WIDTH = GLYPH_WIDTH + 1;
const CELL_HEIGHT = GLYPH_HEIGHT + 2;
const SCALE = 2;
export const SCREENSHOT_WIDTH = SCREEN_COLUMNS * CELL_WIDTH * SCALE;
export const SCREENSHOT_HEIGHT = SCREEN_ROWS * CELL_HEIGHT * SCALE;
const FOREGROUND = [0xc0, 0xc0, 0xc0];
/** Letters whose tails go below the line: drawn one pixel lower, into the cell's spare rows. */
const DESCENDERS = new Set(["g", "j", "p", "q", "y"]);

export function renderScreenshot(screen: { isBlack: boolean; text: string }): Buffer {
  const rgb = new Uint8Array(SCREENSHOT_WIDTH * SCREENSHOT_HEIGHT * 3);
  if (!screen.isBlack) {
    const rows = screen.text.split("\n").slice(-SCREEN_ROWS);
    rows.forEach((line, row) => {
      const expanded = line.replace(/\t/g, "        ");
      for (let column = 0; column < Math.min(expanded.length, SCREEN_COLUMNS); column++) {
        drawGlyph(rgb, expanded[column], column, row);
      }
    });
  }
  return encodePng(SCREENSHOT_WIDTH, SCREENSHOT_HEIGHT, rgb);
}

function drawGlyph(rgb: Uint8Array, char: string, column: number, row: number): void {
  if (char === " ") return;
  const left = column * CELL_WIDTH * SCALE;
  const top = (row * CELL_HEIGHT + (DESCENDERS.has(char) ? 2 : 1)) * SCALE;
  for (let y = 0; y < GLYPH_HEIGHT; y++) {
    for (let x = 0; x < GLYPH_WIDTH; x++) {
      if (!glyphPixel(char, x, y)) continue;
      for (let dy = 0; dy < SCALE; dy++) {
        for (let dx = 0; dx < SCALE; dx++) {
          const offset = ((top + y * SCALE + dy) * SCREENSHOT_WIDTH + left + x * SCALE + dx) * 3;
          rgb.set(FOREGROUND, offset);
        }
      }
    }
  }
}
