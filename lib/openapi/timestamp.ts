/**
 * Signature timestamps (V1 `Timestamp`, V3 `x-acs-date`). They are compared with REAL time
 * (`Date.now()`), never the emulator clock: a test that advances the emulator clock by a month
 * must still be able to sign requests (reference/emulator-contract.md, "Time").
 */

/** How far a timestamp may be from real time, either way; also how long a nonce is remembered. */
export const SIGNATURE_WINDOW_MS = 15 * 60 * 1000;

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/**
 * Parses `YYYY-MM-DDTHH:mm:ssZ` (fractions of a second allowed), UTC only. Anything else, and
 * impossible dates such as February 30th, is `undefined`.
 */
export function parseSignatureTimestamp(value: string): number | undefined {
  const match = ISO_UTC.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, "0")) : 0;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const date = new Date(ms);
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return roundTrips ? ms : undefined;
}

/** The timestamp in ms when it is well-formed and within the window of `nowMs`, else undefined. */
export function acceptableTimestamp(value: string, nowMs: number): number | undefined {
  const ms = parseSignatureTimestamp(value);
  if (ms === undefined || Math.abs(ms - nowMs) > SIGNATURE_WINDOW_MS) return undefined;
  return ms;
}
