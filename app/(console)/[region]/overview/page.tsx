import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { principalName } from "@/lib/context";
import { consoleContext } from "@/lib/console/context";
import { getPendingRootCredentials } from "@/lib/account/credentials";
import { describeEmulatorClock } from "@/lib/emulator/clock";
import { PUBLIC_IMAGES } from "@/lib/ecs/catalog/images";
import { INSTANCE_TYPES } from "@/lib/ecs/catalog/instance-types";
import { REGIONS, regionName } from "@/lib/ecs/catalog/regions";
import { listZones } from "@/lib/ecs/catalog/zones";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { getRuntime } from "@/lib/runtime";
import { summarizeDisks } from "@/lib/ecs/disks/disk-summary";
import { summarizeBilling } from "@/lib/ecs/prices/billing-summary";
import { PageHeader } from "@/components/shell/page-header";
import { AccountCard } from "@/components/overview/account-card";
import { CatalogCard } from "@/components/overview/catalog-card";
import { ClockCard } from "@/components/overview/clock-card";
import { DemoKeyNotice } from "@/components/overview/demo-key-notice";
import { RootCredentialsPanel } from "@/components/overview/root-credentials-panel";
import { BillingCard } from "@/components/overview/billing-card";
import { DiskEncryptionCard } from "@/components/overview/disk-encryption-card";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { resolveRegion, type RegionParams } from "../region";
import { acknowledgeCredentials } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Overview"))("title") };
}

export default async function OverviewPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations("Overview");
  const language = catalogLanguageOf(await getLocale());
  const ctx = await consoleContext(regionId);
  // The emulator clock is the root account's (a DiskSeal action): a RAM user's overview goes without it.
  const [clock, credentials, disks] = await Promise.all([
    readOrRefusal(describeEmulatorClock(ctx)),
    getPendingRootCredentials(ctx),
    readOrRefusal(summarizeDisks(ctx)),
  ]);
  const { accountId, isDemoRootKey, config } = getRuntime();
  const name = regionName(regionId, language);

  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle", { region: name })} />
      <div className="space-y-5">
        {credentials ? (
          <RootCredentialsPanel
            credentials={credentials}
            acknowledgeAction={acknowledgeCredentials}
          />
        ) : null}
        {isDemoRootKey ? <DemoKeyNotice dataDir={config.dataDir} /> : null}
        <div className="grid gap-5 lg:grid-cols-2">
          <AccountCard
            accountId={accountId}
            identity={principalName(ctx.principal)}
            regionId={regionId}
            regionName={name}
          />
          {clock.data ? (
            <ClockCard
              clock={{
                nowIso: clock.data.now.toISOString(),
                offsetSeconds: clock.data.offsetSeconds,
              }}
              settingsHref={`/${regionId}/settings/emulator`}
            />
          ) : null}
        </div>
        {disks.data ? (
          <>
            <DiskEncryptionCard regions={disks.data.regions} regionId={regionId} />
            <BillingCard billing={summarizeBilling(disks.data.groups)} />
          </>
        ) : null}
        <CatalogCard
          counts={{
            regions: REGIONS.length,
            zones: listZones(regionId).length,
            instanceTypes: INSTANCE_TYPES.length,
            publicImages: PUBLIC_IMAGES.length,
          }}
        />
      </div>
    </>
  );
}
