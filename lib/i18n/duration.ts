/** The units a duration is shown in, largest first. */
export const DURATION_UNITS = ["days", "hours", "minutes", "seconds"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const SECONDS_PER_UNIT: Record<DurationUnit, number> = {
  days: 86_400,
  hours: 3_600,
  minutes: 60,
  seconds: 1,
};

export type DurationPart = { unit: DurationUnit; count: number };

/**
 * A whole number of seconds as the non-zero parts a person reads ("1 day 2 hours"); zero is a
 * single "0 seconds". The console translates each part and joins them in its language.
 */
export function splitDuration(totalSeconds: number): DurationPart[] {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const parts: DurationPart[] = [];
  for (const unit of DURATION_UNITS) {
    const count = Math.floor(rest / SECONDS_PER_UNIT[unit]);
    rest -= count * SECONDS_PER_UNIT[unit];
    if (count > 0) parts.push({ unit, count });
  }
  return parts.length > 0 ? parts : [{ unit: "seconds", count: 0 }];
}

/** The parts joined in reading order, each put in words by `unitText` (a translation). */
export function formatDuration(
  totalSeconds: number,
  unitText: (unit: DurationUnit, count: number) => string,
): string {
  return splitDuration(totalSeconds)
    .map((part) => unitText(part.unit, part.count))
    .join(" ");
}
