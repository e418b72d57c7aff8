import type { Metadata } from "next";
import { Plus } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { regionName } from "@/lib/ecs/catalog/regions";
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import { listConsoleInstances } from "@/lib/ecs/instances/console-list";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { arn } from "@/lib/service/operation";
import { getRuntime } from "@/lib/runtime";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { PermittedLink } from "@/components/shared/permitted-link";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { InstanceStatusPoller } from "@/components/instances/instance-status-poller";
import { InstanceTable } from "@/components/instances/instance-table";
import { resolveRegion, type RegionParams } from "../region";
import { pollInstanceStatuses } from "./actions";

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Instances.list.title")} · ${t("Nav.instances")}` };
}

/** Instances: the region's instances with their status and system disk encryption. */
export default async function InstancesPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations();
  const name = regionName(regionId, catalogLanguageOf(await getLocale()));
  const ctx = await consoleContext(regionId);
  const denied = await deniedReasons(ctx, {
    create: {
      action: "ecs:RunInstances",
      resourceArn: arn("ecs", regionId, getRuntime().accountId, "instance/*"),
    },
  });
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const { data: page, refusal } = await readOrRefusal(
    listConsoleInstances(ctx, { pageNumber: 1, pageSize: PAGE_SIZE }),
  );
  return (
    <>
      <PageHeader
        title={t("Instances.list.title")}
        description={t("Instances.list.subtitle", { region: name })}
        breadcrumb={[{ label: t("Nav.sections.ecs") }, { label: t("Instances.list.title") }]}
        actions={
          <PermittedLink
            id="create-instance"
            href={`/${regionId}/instances/create`}
            deniedReason={denied.create}
          >
            <Plus aria-hidden className="size-4" />
            {t("Instances.create.button")}
          </PermittedLink>
        }
      />
      {page ? (
        <>
          <InstanceTable
            regionId={regionId}
            regionName={name}
            instances={page.instances}
            keys={keys}
          />
          {page.totalCount > PAGE_SIZE ? (
            <p className="mt-2 text-xs text-slate-500">
              {t("Instances.list.truncated", { shown: PAGE_SIZE, total: page.totalCount })}
            </p>
          ) : null}
          <InstanceStatusPoller
            regionId={regionId}
            instances={page.instances.map((i) => ({ instanceId: i.id, status: i.status }))}
            pollInstanceStatuses={pollInstanceStatuses}
          />
        </>
      ) : (
        <ErrorNotice
          message={refusal.message}
          codeLabel={t("Common.errorCode", { code: refusal.code })}
        />
      )}
    </>
  );
}
