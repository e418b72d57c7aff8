import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { zoneOffering } from "@/lib/ecs/catalog/availability";
import { isDataDiskCategory } from "@/lib/ecs/catalog/disk-categories";
import { regionName } from "@/lib/ecs/catalog/regions";
import { listZones } from "@/lib/ecs/catalog/zones";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import { CreateDiskFormView } from "@/components/disks/create-disk-form";
import { resolveRegion, type RegionParams } from "../../region";
import { authorizeDiskEncryption, createDisk } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Disks.create.title")} · ${t("Nav.disks")}` };
}

/** Disks › Create disk: the purchase page of a pay-as-you-go data disk. */
export default async function CreateDiskPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const name = regionName(regionId, language);
  const ctx = await consoleContext(regionId);
  const zones = listZones(regionId);
  const categories = (
    zones[0] ? (zoneOffering(regionId, zones[0].zoneId)?.dataDiskCategories ?? []) : []
  ).filter(isDataDiskCategory);
  const header = (
    <PageHeader
      title={t("Disks.create.title")}
      description={t("Disks.create.subtitle", { region: name })}
      breadcrumb={[
        { label: t("Nav.sections.ecs") },
        { label: t("Disks.list.title"), href: `/${regionId}/disks` },
        { label: t("Disks.create.title") },
      ]}
    />
  );
  const options = await loadCreateEncryptionOptions(ctx);
  if (!options.data) {
    return (
      <>
        {header}
        <ErrorNotice
          message={options.refusal.message}
          codeLabel={t("Common.errorCode", { code: options.refusal.code })}
        />
      </>
    );
  }

  return (
    <>
      {header}
      <CreateDiskFormView
        regionId={regionId}
        regionName={name}
        zones={zones.map((zone) => ({ zoneId: zone.zoneId, name: zone.name[language] }))}
        categories={categories}
        region={options.data.region}
        serviceKeyId={options.data.serviceKeyId}
        cmks={options.data.cmks}
        role={options.data.role}
        createDisk={createDisk}
        authorize={authorizeDiskEncryption}
      />
    </>
  );
}
