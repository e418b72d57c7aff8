import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { lookupEvents } from "@/lib/audit/lookup-events";
import { lookupRelatedEvents } from "@/lib/audit/related-events";
import { getRuntime } from "@/lib/runtime";
import { Button, buttonClasses } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { AuditEventDetail } from "@/components/audit/audit-event-detail";
import { AuditEventTable } from "@/components/audit/audit-event-table";
import { AuditFilters } from "@/components/audit/audit-filters";
import {
  isFiltered,
  lookupInputOf,
  newerHref,
  olderHref,
  parseAuditParams,
} from "@/components/audit/audit-params";
import { resolveRegion, type RegionParams } from "../region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Audit"))("title") };
}

/**
 * Audit: the account's trail, newest first, with LookupEvents' filters in the URL, each event
 * with the KMS calls it caused nested beneath it; `?event=` shows one event in full.
 */
export default async function AuditPage({
  params,
  searchParams,
}: {
  params: RegionParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const regionId = await resolveRegion(params);
  const audit = parseAuditParams(await searchParams);
  const t = await getTranslations("Audit");
  const ctx = await consoleContext(regionId);
  const read = await readOrRefusal(
    (async () => {
      const page = await lookupEvents(ctx, lookupInputOf(audit, regionId, getRuntime().accountId));
      const related = await lookupRelatedEvents(ctx, { events: page.events });
      return { page, related };
    })(),
  );
  const newer = newerHref(regionId, audit);
  const older = read.data?.page.nextToken
    ? olderHref(regionId, audit, read.data.page.nextToken)
    : undefined;
  const single = audit.event ? read.data?.page.events[0] : undefined;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        breadcrumb={[{ label: t("title") }]}
      />
      <AuditFilters regionId={regionId} params={audit}>
        {read.data ? (
          <>
            {single ? (
              <AuditEventDetail
                regionId={regionId}
                event={single}
                cause={single.CausedBy ? read.data.related.causes[single.CausedBy] : undefined}
                causedCount={read.data.related.caused[single.EventId]?.length ?? 0}
              />
            ) : null}
            <AuditEventTable
              regionId={regionId}
              events={read.data.page.events}
              related={read.data.related}
              filtered={isFiltered(audit)}
            />
            <nav aria-label={t("paging.label")} className="flex items-center justify-end gap-2">
              {newer ? (
                <Link href={newer} className={buttonClasses({ size: "sm" })}>
                  <ChevronLeft aria-hidden className="size-3.5" />
                  {t("paging.newer")}
                </Link>
              ) : (
                <Button size="sm" disabled>
                  <ChevronLeft aria-hidden className="size-3.5" />
                  {t("paging.newer")}
                </Button>
              )}
              {older ? (
                <Link href={older} className={buttonClasses({ size: "sm" })}>
                  {t("paging.older")}
                  <ChevronRight aria-hidden className="size-3.5" />
                </Link>
              ) : (
                <Button size="sm" disabled>
                  {t("paging.older")}
                  <ChevronRight aria-hidden className="size-3.5" />
                </Button>
              )}
            </nav>
          </>
        ) : (
          <ErrorNotice
            message={read.refusal.message}
            codeLabel={(await getTranslations("Common"))("errorCode", { code: read.refusal.code })}
          />
        )}
      </AuditFilters>
    </>
  );
}
