import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Plus } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { regionName } from "@/lib/ecs/catalog/regions";
import { listZones } from "@/lib/ecs/catalog/zones";
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import { listConsoleDisks } from "@/lib/ecs/disks/console-queries";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { arn } from "@/lib/service/operation";
import { getRuntime } from "@/lib/runtime";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { PermittedLink } from "@/components/shared/permitted-link";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { DiskListFilters } from "@/components/disks/disk-list-filters";
import {
  DISK_LIST_PAGE_SIZE,
  diskFilterOf,
  diskListHref,
  isFiltered,
  parseDiskListParams,
} from "@/components/disks/disk-list-params";
import { DiskStatusPoller } from "@/components/disks/disk-status-poller";
import { DiskTable } from "@/components/disks/disk-table";
import { resolveRegion, type RegionParams } from "../region";
import { createSnapshot } from "./[diskId]/actions";
import { pollDiskStatuses } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Disks.list.title")} · ${t("Nav.disks")}` };
}

/** Disks: the region's disks with their encryption, filtered and paged by the URL. */
export default async function DisksPage({
  params,
  searchParams,
}: {
  params: RegionParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const regionId = await resolveRegion(params);
  const list = parseDiskListParams(await searchParams);
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const name = regionName(regionId, language);
  const ctx = await consoleContext(regionId);
  // Key aliases are a nicety: a refusal of ListKeys leaves the ids.
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const { data: page, refusal } = await readOrRefusal(
    listConsoleDisks(ctx, {
      filter: diskFilterOf(list),
      pageNumber: list.page,
      pageSize: DISK_LIST_PAGE_SIZE,
      keys,
    }),
  );
  const denied = await deniedReasons(ctx, {
    create: {
      action: "ecs:CreateDisk",
      resourceArn: arn("ecs", regionId, getRuntime().accountId, "disk/*"),
    },
  });
  if (page && page.disks.length === 0 && page.totalCount > 0 && list.page > 1)
    redirect(
      diskListHref(regionId, { ...list, page: Math.ceil(page.totalCount / DISK_LIST_PAGE_SIZE) }),
    );
  const keyOptions = keys.map((key) => ({
    value: key.keyId,
    label: key.isServiceKey
      ? t("Disks.keys.serviceKey")
      : key.aliasName
        ? `${key.aliasName} (${key.keyId})`
        : key.keyId,
  }));
  if (list.kmsKeyId && !keyOptions.some((option) => option.value === list.kmsKeyId))
    keyOptions.push({ value: list.kmsKeyId, label: list.kmsKeyId });

  return (
    <>
      <PageHeader
        title={t("Disks.list.title")}
        description={t("Disks.list.subtitle", { region: name })}
        breadcrumb={[{ label: t("Nav.sections.ecs") }, { label: t("Disks.list.title") }]}
        actions={
          <PermittedLink
            id="create-disk"
            href={`/${regionId}/disks/create`}
            deniedReason={denied.create}
          >
            <Plus aria-hidden className="size-4" />
            {t("Disks.create.button")}
          </PermittedLink>
        }
      />
      <DiskListFilters
        regionId={regionId}
        params={list}
        zones={listZones(regionId).map((zone) => ({
          zoneId: zone.zoneId,
          name: zone.name[language],
        }))}
        keys={keyOptions}
      >
        {page ? (
          <>
            <DiskTable
              regionId={regionId}
              regionName={name}
              disks={page.disks}
              isFiltered={isFiltered(list)}
              createSnapshot={createSnapshot}
            />
            {page.totalCount === 0 ? null : (
              <Pagination
                page={list.page}
                totalCount={page.totalCount}
                pageSize={DISK_LIST_PAGE_SIZE}
                hrefOf={(target) => diskListHref(regionId, { ...list, page: target })}
                labels={{
                  label: t("Disks.paging.label"),
                  previous: t("Disks.paging.previous"),
                  next: t("Disks.paging.next"),
                  summary: (position) =>
                    t("Disks.paging.summary", { count: page.totalCount, ...position }),
                }}
              />
            )}
            <DiskStatusPoller
              regionId={regionId}
              disks={page.disks.map((disk) => ({ diskId: disk.diskId, status: disk.status }))}
              pollDiskStatuses={pollDiskStatuses}
            />
          </>
        ) : (
          <RefusalNotice refusal={refusal} />
        )}
      </DiskListFilters>
    </>
  );
}
