/**
 * A hex dump's lines (offset | hex | ASCII), 16 bytes a line, as `hexdump -C` prints them. Pure:
 * the Media tab renders these as table rows.
 */
export const HEX_DUMP_LINE_BYTES = 16;

export type HexDumpLine = {
  /** The line's disk offset in hex, zero-padded to `offsetDigits`. */
  offset: string;
  /** The bytes as two-digit hex, a wider gap after the eighth. */
  hex: string;
  /** Printable ASCII as itself, anything else as a dot. */
  ascii: string;
};

/** Hex digits that every offset of a disk of `sizeBytes` fits in (at least 8, as hexdump prints). */
export function offsetDigitsFor(sizeBytes: number): number {
  return Math.max(8, Math.max(0, sizeBytes - 1).toString(16).length);
}

export function formatOffset(offset: number, digits = 12): string {
  return offset.toString(16).padStart(digits, "0");
}

export function hexDumpLines(
  bytes: Uint8Array,
  baseOffset: number,
  offsetDigits = 12,
): HexDumpLine[] {
  const lines: HexDumpLine[] = [];
  for (let start = 0; start < bytes.length; start += HEX_DUMP_LINE_BYTES) {
    const line = bytes.subarray(start, start + HEX_DUMP_LINE_BYTES);
    const hex = [...line].map((byte) => byte.toString(16).padStart(2, "0"));
    lines.push({
      offset: formatOffset(baseOffset + start, offsetDigits),
      hex: [hex.slice(0, 8).join(" "), hex.slice(8).join(" ")].filter(Boolean).join("  "),
      ascii: [...line]
        .map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : "."))
        .join(""),
    });
  }
  return lines;
}

/** Whether every byte is zero (a range never written reads so). */
export function isAllZero(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0);
}

/**
 * An offset typed by the user: decimal (`8192`) or hex (`0x2000`), aligned down to 16 and kept
 * inside the disk so that a whole view fits. Undefined when it is not a number.
 */
export function parseMediaOffset(
  text: string | undefined,
  sizeBytes: number,
  viewBytes: number,
): number | undefined {
  const trimmed = (text ?? "").trim().toLowerCase();
  let value: number;
  if (/^0x[0-9a-f]{1,14}$/.test(trimmed)) value = parseInt(trimmed.slice(2), 16);
  else if (/^\d{1,16}$/.test(trimmed)) value = Number(trimmed);
  else return undefined;
  if (!Number.isSafeInteger(value)) return undefined;
  const last = Math.max(0, sizeBytes - viewBytes);
  const clamped = Math.min(value, last);
  return clamped - (clamped % HEX_DUMP_LINE_BYTES);
}
