import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { REGIONS, regionName } from "@/lib/ecs/catalog/regions";
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import { listSnapshotRows } from "@/lib/ecs/snapshots/console-snapshots";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import {
  isSnapshotListFiltered,
  parseSnapshotListParams,
  SNAPSHOT_LIST_PAGE_SIZE,
  snapshotListHref,
} from "@/components/snapshots/snapshot-list-params";
import { SnapshotListFilters } from "@/components/snapshots/snapshot-list-filters";
import { SnapshotStatusPoller } from "@/components/snapshots/snapshot-status-poller";
import { SnapshotTable } from "@/components/snapshots/snapshot-table";
import { rowDeniedReasons } from "@/components/shared/denied-reasons";
import { snapshotArn } from "@/lib/ecs/snapshots/snapshot-lookup";
import { authorizeDiskEncryption } from "../disks/actions";
import { resolveRegion, type RegionParams } from "../region";
import { copySnapshot, deleteSnapshot, loadEncryptionOptions, pollSnapshots } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("Snapshots.list.title") };
}

/** Snapshots: the region's snapshots with progress and encryption, filtered and paged by the URL. */
export default async function SnapshotsPage({
  params,
  searchParams,
}: {
  params: RegionParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const regionId = await resolveRegion(params);
  const list = parseSnapshotListParams(await searchParams);
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const name = regionName(regionId, language);
  const ctx = await consoleContext(regionId);
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const { data: page, refusal } = await readOrRefusal(
    listSnapshotRows(ctx, {
      filter: {
        status: list.status,
        encrypted: list.encrypted,
        kmsKeyId: list.kmsKeyId,
        diskId: list.diskId,
      },
      pageNumber: list.page,
      pageSize: SNAPSHOT_LIST_PAGE_SIZE,
      keys,
    }),
  );
  const denied = await rowDeniedReasons(
    ctx,
    page?.snapshots.map((snapshot) => snapshot.snapshotId) ?? [],
    (snapshotId) => snapshotArn(regionId, snapshotId),
    { copy: "ecs:CopySnapshot", delete: "ecs:DeleteSnapshot" },
  );
  if (page && page.snapshots.length === 0 && page.totalCount > 0 && list.page > 1)
    redirect(
      snapshotListHref(regionId, {
        ...list,
        page: Math.ceil(page.totalCount / SNAPSHOT_LIST_PAGE_SIZE),
      }),
    );
  const options = (await loadCreateEncryptionOptions(ctx)).data;
  const keyOptions = keys.map((key) => ({
    value: key.keyId,
    label: key.isServiceKey
      ? t("Disks.keys.serviceKey")
      : key.aliasName
        ? `${key.aliasName} (${key.keyId})`
        : key.keyId,
  }));

  return (
    <>
      <PageHeader
        title={t("Snapshots.list.title")}
        description={t("Snapshots.list.subtitle", { region: name })}
        breadcrumb={[{ label: t("Nav.sections.ecs") }, { label: t("Snapshots.list.title") }]}
      />
      <SnapshotListFilters regionId={regionId} params={list} keys={keyOptions}>
        {page ? (
          <>
            <SnapshotTable
              regionId={regionId}
              regionName={name}
              snapshots={page.snapshots}
              denied={denied}
              isFiltered={isSnapshotListFiltered(list)}
              regions={REGIONS.map((region) => ({
                regionId: region.regionId,
                name: region.name[language],
              }))}
              options={options}
              actions={{
                copySnapshot,
                deleteSnapshot,
                loadEncryptionOptions,
                authorize: authorizeDiskEncryption,
              }}
            />
            {page.totalCount === 0 ? null : (
              <Pagination
                page={list.page}
                totalCount={page.totalCount}
                pageSize={SNAPSHOT_LIST_PAGE_SIZE}
                hrefOf={(target) => snapshotListHref(regionId, { ...list, page: target })}
                labels={{
                  label: t("Snapshots.paging.label"),
                  previous: t("Snapshots.paging.previous"),
                  next: t("Snapshots.paging.next"),
                  summary: (position) =>
                    t("Snapshots.paging.summary", { count: page.totalCount, ...position }),
                }}
              />
            )}
            <SnapshotStatusPoller
              regionId={regionId}
              snapshots={page.snapshots}
              pollSnapshots={pollSnapshots}
            />
          </>
        ) : (
          <RefusalNotice refusal={refusal} />
        )}
      </SnapshotListFilters>
    </>
  );
}
