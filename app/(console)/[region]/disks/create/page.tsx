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
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import {
  getSnapshotRow,
  listSnapshotRows,
  type SnapshotRow,
} from "@/lib/ecs/snapshots/console-snapshots";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import type { SnapshotSource } from "@/components/disks/create-disk-snapshot";
import { resolveRegion, type RegionParams } from "../../region";
import { authorizeDiskEncryption, createDisk } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Disks.create.title")} · ${t("Nav.disks")}` };
}

function toSnapshotSource(snapshot: SnapshotRow): SnapshotSource {
  return {
    snapshotId: snapshot.snapshotId,
    name: snapshot.name,
    status: snapshot.status,
    sizeGiB: snapshot.sourceDiskSize,
    encrypted: snapshot.encrypted,
    kmsKeyId: snapshot.kmsKeyId,
    isServiceKey: snapshot.key?.isServiceKey ?? false,
    keyState: snapshot.key?.keyState,
    keyAlias: snapshot.key?.aliasName,
  };
}

/**
 * Disks › Create disk: the purchase page of a pay-as-you-go data disk; `?snapshotId=` opens it
 * with that snapshot (and its key) preselected.
 */
export default async function CreateDiskPage({
  params,
  searchParams,
}: {
  params: RegionParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const regionId = await resolveRegion(params);
  const query = await searchParams;
  const requested = Array.isArray(query.snapshotId) ? query.snapshotId[0] : query.snapshotId;
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
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  // Create from snapshot: the region's accomplished snapshots, and the one asked for (any status,
  // so that the page can say why it cannot be used yet).
  const [ready, asked] = await Promise.all([
    readOrRefusal(
      listSnapshotRows(ctx, {
        filter: { status: "accomplished" },
        pageNumber: 1,
        pageSize: 100,
        keys,
      }),
    ),
    requested && /^[A-Za-z0-9-]{1,64}$/.test(requested)
      ? readOrRefusal(getSnapshotRow(ctx, requested, keys))
      : Promise.resolve({ data: undefined }),
  ]);
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
        snapshots={(ready.data?.snapshots ?? []).map(toSnapshotSource)}
        initialSnapshot={asked.data ? toSnapshotSource(asked.data) : undefined}
      />
    </>
  );
}
