/**
 * The classic 5×7 ASCII bitmap font (0x20–0x7E) of character LCDs: five column bytes per
 * glyph, bit 0 the top row. Anything outside that range is drawn as `?`.
 */
const GLYPHS = `
00 00 00 00 00|00 00 5f 00 00|00 07 00 07 00|14 7f 14 7f 14|24 2a 7f 2a 12|23 13 08 64 62
36 49 55 22 50|00 05 03 00 00|00 1c 22 41 00|00 41 22 1c 00|08 2a 1c 2a 08|08 08 3e 08 08
00 50 30 00 00|08 08 08 08 08|00 60 60 00 00|20 10 08 04 02|3e 51 49 45 3e|00 42 7f 40 00
42 61 51 49 46|21 41 45 4b 31|18 14 12 7f 10|27 45 45 45 39|3c 4a 49 49 30|01 71 09 05 03
36 49 49 49 36|06 49 49 29 1e|00 36 36 00 00|00 56 36 00 00|08 14 22 41 00|14 14 14 14 14
00 41 22 14 08|02 01 51 09 06|32 49 79 41 3e|7e 11 11 11 7e|7f 49 49 49 36|3e 41 41 41 22
7f 41 41 22 1c|7f 49 49 49 41|7f 09 09 09 01|3e 41 49 49 7a|7f 08 08 08 7f|00 41 7f 41 00
20 40 41 3f 01|7f 08 14 22 41|7f 40 40 40 40|7f 02 0c 02 7f|7f 04 08 10 7f|3e 41 41 41 3e
7f 09 09 09 06|3e 41 51 21 5e|7f 09 19 29 46|46 49 49 49 31|01 01 7f 01 01|3f 40 40 40 3f
1f 20 40 20 1f|3f 40 38 40 3f|63 14 08 14 63|07 08 70 08 07|61 51 49 45 43|00 7f 41 41 00
02 04 08 10 20|00 41 41 7f 00|04 02 01 02 04|40 40 40 40 40|00 01 02 04 00|20 54 54 54 78
7f 48 44 44 38|38 44 44 44 20|38 44 44 48 7f|38 54 54 54 18|08 7e 09 01 02|0c 52 52 52 3e
7f 08 04 04 78|00 44 7d 40 00|20 40 44 3d 00|7f 10 28 44 00|00 41 7f 40 00|7c 04 18 04 78
7c 08 04 04 78|38 44 44 44 38|7c 14 14 14 08|08 14 14 18 7c|7c 08 04 04 08|48 54 54 54 20
04 3f 44 40 20|3c 40 40 20 7c|1c 20 40 20 1c|3c 40 30 40 3c|44 28 10 28 44|0c 50 50 50 3c
44 64 54 4c 44|00 08 36 41 00|00 00 7f 00 00|00 41 36 08 00|08 04 08 10 08`;

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;

const COLUMNS: number[][] = GLYPHS.trim()
  .split(/[|\n]/)
  .map((glyph) => glyph.trim().split(/\s+/).map((byte) => parseInt(byte, 16)));

/** Whether the pixel (x, y) of the character's glyph is set (x < 5, y < 7). */
export function glyphPixel(char: string, x: number, y: number): boolean {
  const code = char.charCodeAt(0);
  const columns = COLUMNS[code >= 0x20 && code <= 0x7e ? code - 0x20 : 0x3f - 0x20];
  return ((columns[x] >> y) & 1) === 1;
}

export const GLYPH_COUNT = COLUMNS.length;
