import type { Metadata } from "next";
import Link from "next/link";
import { LockKeyhole } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { regionName } from "@/lib/ecs/catalog/regions";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { listExecutionSummaries } from "@/lib/oos/console-queries";
import { buttonClasses } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { ExecutionStatusBadge } from "@/components/oos/execution-status-badge";
import { resolveRegion, type RegionParams } from "../region";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Oos.list.title")} · ${t("Nav.oos")}` };
}

/** OOS › Bulk encrypt system disks: what the template does, the button to run it, the history. */
export default async function OosPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations();
  const name = regionName(regionId, catalogLanguageOf(await getLocale()));
  const ctx = await consoleContext(regionId);
  const { data: executions, refusal } = await readOrRefusal(listExecutionSummaries(ctx));
  return (
    <>
      <PageHeader
        title={t("Oos.list.title")}
        description={t("Oos.list.subtitle", { region: name })}
        breadcrumb={[{ label: t("Nav.sections.operations") }, { label: t("Nav.oos") }, { label: t("Oos.list.title") }]}
        actions={
          <Link href={`/${regionId}/oos/bulk-encrypt`} className={buttonClasses({ variant: "primary" })}>
            <LockKeyhole aria-hidden className="size-4" />
            {t("Oos.list.start")}
          </Link>
        }
      />
      <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("Oos.list.historyTitle")}</h2>
      {executions ? (
        <Table caption={t("Oos.list.caption", { region: name })} className="[&_td]:px-3 [&_th]:px-3">
          <TableHead>
            <tr>
              <TableHeaderCell>{t("Oos.list.columns.execution")}</TableHeaderCell>
              <TableHeaderCell>{t("Oos.list.columns.status")}</TableHeaderCell>
              <TableHeaderCell>{t("Oos.list.columns.instances")}</TableHeaderCell>
              <TableHeaderCell>{t("Oos.list.columns.executedBy")}</TableHeaderCell>
              <TableHeaderCell>{t("Oos.list.columns.started")}</TableHeaderCell>
              <TableHeaderCell>{t("Oos.list.columns.ended")}</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {executions.length === 0 ? (
              <TableEmpty colSpan={6}>{t("Oos.list.empty", { region: name })}</TableEmpty>
            ) : (
              executions.map((e) => (
                <TableRow key={e.executionId}>
                  <TableCell>
                    <Link href={`/${regionId}/oos/executions/${e.executionId}`} className="font-mono text-[13px] text-blue-700 hover:underline">
                      {e.executionId}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <ExecutionStatusBadge status={e.status} />
                  </TableCell>
                  <TableCell className="text-xs text-slate-600">
                    {t("Oos.list.counts", {
                      total: e.counters.Total ?? 0,
                      success: e.counters.Success ?? 0,
                      skipped: e.counters.Skipped ?? 0,
                      failed: e.counters.Failed ?? 0,
                    })}
                  </TableCell>
                  <TableCell className="text-xs">{e.executedBy}</TableCell>
                  <TableCell>{e.startDate ? <Timestamp date={new Date(e.startDate)} compact /> : "—"}</TableCell>
                  <TableCell>{e.endDate ? <Timestamp date={new Date(e.endDate)} compact /> : "—"}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      ) : (
        <ErrorNotice message={refusal.message} codeLabel={t("Common.errorCode", { code: refusal.code })} />
      )}
    </>
  );
}
