"use client";

import { useFormatter, useTranslations } from "next-intl";

/**
 * An emulator-clock time as the console shows it, in UTC with a 24-hour clock. `compact` (for
 * tables) drops the seconds and the zone name; the full time is in the tooltip.
 */
export function Timestamp({ date, compact = false }: { date: Date; compact?: boolean }) {
  const format = useFormatter();
  const t = useTranslations("Clock");
  const full = `${format.dateTime(date, {
    dateStyle: "medium",
    timeStyle: "medium",
    hourCycle: "h23",
    timeZone: "UTC",
  })} ${t("timeZone")}`;
  return (
    <time
      dateTime={date.toISOString()}
      title={compact ? full : undefined}
      className="whitespace-nowrap tabular-nums"
    >
      {compact
        ? format.dateTime(date, {
            dateStyle: "medium",
            timeStyle: "short",
            hourCycle: "h23",
            timeZone: "UTC",
          })
        : full}
    </time>
  );
}
