import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { describeEmulatorClock, MAX_ADVANCE_SECONDS } from "@/lib/emulator/clock";
import { formatDuration } from "@/lib/i18n/duration";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/shell/page-header";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { ClockSummary } from "@/components/emulator/clock-summary";
import { AdvanceClockForm } from "@/components/settings/advance-clock-form";
import { ResetEmulatorDialog } from "@/components/settings/reset-emulator-dialog";
import { resolveRegion, type RegionParams } from "../../region";
import { advanceClock, resetEmulator } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings");
  return { title: `${t("emulator.title")} · ${t("title")}` };
}

export default async function EmulatorSettingsPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Settings");
  const tDuration = await getTranslations("Common.duration");
  const maxAdvance = formatDuration(MAX_ADVANCE_SECONDS, (unit, count) =>
    tDuration(unit, { count }),
  );
  // The emulator's controls are the root account's: anyone else sees the refusal.
  const { data: clock, refusal } = await readOrRefusal(
    describeEmulatorClock(await consoleContext(regionId)),
  );
  const header = (
    <PageHeader
      title={t("emulator.title")}
      description={t("emulator.subtitle")}
      breadcrumb={[
        { label: t("title"), href: `/${regionId}/settings/emulator` },
        { label: t("emulator.title") },
      ]}
    />
  );
  if (!clock)
    return (
      <>
        {header}
        <RefusalNotice refusal={refusal} />
      </>
    );

  return (
    <>
      {header}
      <div className="space-y-5">
        <Card
          id="emulator-clock"
          title={t("emulator.clockTitle")}
          description={t("emulator.clockDescription")}
        >
          <ClockSummary
            clock={{ nowIso: clock.now.toISOString(), offsetSeconds: clock.offsetSeconds }}
          />
        </Card>
        <Card
          id="emulator-advance"
          title={t("emulator.advanceTitle")}
          description={t("emulator.advanceDescription", { max: maxAdvance })}
        >
          <AdvanceClockForm maxSeconds={MAX_ADVANCE_SECONDS} advanceClockAction={advanceClock} />
        </Card>
        <Card
          id="emulator-reset"
          title={t("emulator.resetTitle")}
          description={t("emulator.resetDescription")}
          className="border-red-200"
        >
          <ResetEmulatorDialog resetEmulatorAction={resetEmulator} />
        </Card>
      </div>
    </>
  );
}
