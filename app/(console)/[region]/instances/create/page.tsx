import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { zoneOffering } from "@/lib/ecs/catalog/availability";
import { isDataDiskCategory, isSystemDiskCategory } from "@/lib/ecs/catalog/disk-categories";
import { PUBLIC_IMAGES } from "@/lib/ecs/catalog/images";
import { isRestrictedInstanceFamily } from "@/lib/ecs/catalog/restrictions";
import { regionName } from "@/lib/ecs/catalog/regions";
import { listZones } from "@/lib/ecs/catalog/zones";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import { CreateInstanceForm } from "@/components/instances/create-instance-form";
import { resolveRegion, type RegionParams } from "../../region";
import { authorizeDiskEncryption } from "../../disks/actions";
import { createInstance } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Instances.create.title")} · ${t("Nav.instances")}` };
}

/** Instances › Create instance: the Custom Launch page, storage block included. */
export default async function CreateInstancePage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const name = regionName(regionId, language);
  const ctx = await consoleContext(regionId);
  const zones = listZones(regionId);
  const offering = zones[0] ? zoneOffering(regionId, zones[0].zoneId) : undefined;
  const header = (
    <PageHeader
      title={t("Instances.create.title")}
      description={t("Instances.create.subtitle", { region: name })}
      breadcrumb={[
        { label: t("Nav.sections.ecs") },
        { label: t("Instances.list.title"), href: `/${regionId}/instances` },
        { label: t("Instances.create.title") },
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
      <CreateInstanceForm
        regionId={regionId}
        regionName={name}
        zones={zones.map((zone) => ({ zoneId: zone.zoneId, name: zone.name[language] }))}
        types={(offering?.instanceTypes ?? []).map((type) => ({
          instanceTypeId: type.instanceTypeId,
          summary: t("Instances.create.typeSummary", {
            cpu: type.cpuCores,
            memory: type.memoryGiB,
          }),
          isRestricted: isRestrictedInstanceFamily(type.instanceTypeId),
        }))}
        images={PUBLIC_IMAGES.map((image) => ({
          imageId: image.imageId,
          name: image.osName[language],
          osType: image.osType,
          sizeGiB: image.sizeGiB,
        }))}
        systemCategories={(offering?.systemDiskCategories ?? []).filter(isSystemDiskCategory)}
        dataCategories={(offering?.dataDiskCategories ?? []).filter(isDataDiskCategory)}
        region={options.data.region}
        serviceKeyId={options.data.serviceKeyId}
        cmks={options.data.cmks}
        role={options.data.role}
        createInstance={createInstance}
        authorize={authorizeDiskEncryption}
      />
    </>
  );
}
