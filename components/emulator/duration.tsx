"use client";

import { useTranslations } from "next-intl";
import { formatDuration } from "@/lib/i18n/duration";

/** A number of seconds as a person reads it: "1 day 2 hours" / "1 天 2 小時". */
export function useFormatDuration(): (seconds: number) => string {
  const t = useTranslations("Common.duration");
  return (seconds) => formatDuration(seconds, (unit, count) => t(unit, { count }));
}
