import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ClockSummary, type ClockView } from "@/components/emulator/clock-summary";

export async function ClockCard({
  clock,
  settingsHref,
}: {
  clock: ClockView;
  settingsHref: string;
}) {
  const t = await getTranslations("Overview.clock");
  return (
    <Card
      id="overview-clock"
      title={t("title")}
      actions={
        <Link
          href={settingsHref}
          className="flex items-center gap-1 text-xs text-blue-700 hover:underline"
        >
          {t("manage")}
          <ArrowRight aria-hidden className="size-3.5" />
        </Link>
      }
    >
      <ClockSummary clock={clock} />
    </Card>
  );
}
