/**
 * RotationInterval: `integer[unit]` with unit d, h, m or s (`365d`, `604800s`), 7 to 730 days
 * (reference/alibaba-api-notes.md, CreateKey and UpdateRotationPolicy). DescribeKey answers in
 * seconds, `"31536000s"`. Pure.
 */
const DAY_SECONDS = 86_400;
export const MIN_ROTATION_INTERVAL_SECONDS = 7 * DAY_SECONDS;
export const MAX_ROTATION_INTERVAL_SECONDS = 730 * DAY_SECONDS;

const UNIT_SECONDS: Record<string, number> = { d: DAY_SECONDS, h: 3600, m: 60, s: 1 };
const INTERVAL = /^([1-9]\d{0,11})([dhms])$/;

/** Seconds, or undefined when the text is not a valid interval or is out of range. */
export function parseRotationInterval(text: string): number | undefined {
  const match = INTERVAL.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2]];
  if (seconds < MIN_ROTATION_INTERVAL_SECONDS || seconds > MAX_ROTATION_INTERVAL_SECONDS)
    return undefined;
  return seconds;
}

export function formatRotationInterval(seconds: number): string {
  return `${seconds}s`;
}

/**
 * When a key with automatic rotation is next due: one interval after its last rotation (its
 * creation if never rotated). A time already past means "at the next scheduler run".
 */
export function nextRotationDate(lastRotation: Date, intervalSeconds: number): Date {
  return new Date(lastRotation.getTime() + intervalSeconds * 1000);
}
