"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { DescriptionList } from "@/components/ui/description-list";
import { useFormatDuration } from "@/components/emulator/duration";

export type ClockView = { nowIso: string; offsetSeconds: number };

/**
 * The emulator clock: its time (ticking in the browser from the server's reading, since it is
 * real time plus an offset) and how far ahead of real time it is.
 */
export function ClockSummary({ clock }: { clock: ClockView }) {
  const t = useTranslations("Clock");
  const format = useFormatter();
  const formatDuration = useFormatDuration();
  const now = useTickingTime(clock.nowIso);

  return (
    <DescriptionList
      items={[
        {
          label: t("now"),
          value: (
            <time dateTime={now.toISOString()} className="tabular-nums">
              {format.dateTime(now, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}{" "}
              {t("timeZone")}
            </time>
          ),
        },
        {
          label: t("offset"),
          value: (
            <span>
              {clock.offsetSeconds === 0
                ? t("noOffset")
                : t("ahead", { duration: formatDuration(clock.offsetSeconds) })}
              <span className="ml-2 font-mono text-xs text-slate-400">
                OffsetSeconds: {clock.offsetSeconds}
              </span>
            </span>
          ),
        },
      ]}
    />
  );
}

/** The server's reading, moved on by the time that passed in the browser since it arrived. */
function useTickingTime(serverIso: string): Date {
  const [state, setState] = useState(() => ({ serverIso, now: new Date(serverIso) }));
  // A new reading from the server (after an advance or a reset) replaces the ticking one.
  if (state.serverIso !== serverIso) setState({ serverIso, now: new Date(serverIso) });
  useEffect(() => {
    const base = new Date(serverIso).getTime();
    const start = Date.now();
    const timer = setInterval(
      () => setState({ serverIso, now: new Date(base + Date.now() - start) }),
      1000,
    );
    return () => clearInterval(timer);
  }, [serverIso]);
  return state.now;
}
