"use client";

import { useTranslations } from "next-intl";
import type { PreviewRow } from "@/lib/oos/console-queries";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableEmpty, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";

const TONES: Record<PreviewRow["verdict"], BadgeTone> = {
  willRestart: "warning",
  alreadyEncrypted: "success",
  notEssd: "danger",
  restrictedFamily: "danger",
  notFound: "danger",
};

/** What the execution will do with each selected instance, before it runs. */
export function PreviewTable({ rows, maxErrors }: { rows: PreviewRow[]; maxErrors: number }) {
  const t = useTranslations("Oos.form");
  const restart = rows.filter((r) => r.verdict === "willRestart").length;
  const skipped = rows.filter((r) => r.verdict === "alreadyEncrypted").length;
  const flagged = rows.length - restart - skipped;
  return (
    <Card title={t("previewTitle")} description={t("previewSummary", { restart, skipped, flagged })}>
      {flagged > 0 ? (
        <Notice tone="warning" className="mb-3">
          {t("flaggedNotice", { maxErrors })}
        </Notice>
      ) : null}
      <Table caption={t("previewCaption")} className="[&_td]:px-3 [&_th]:px-3">
        <TableHead>
          <tr>
            <TableHeaderCell>{t("columns.instance")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.type")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.systemDisk")}</TableHeaderCell>
            <TableHeaderCell>{t("columns.outcome")}</TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {rows.length === 0 ? (
            <TableEmpty colSpan={5}>{t("previewEmpty")}</TableEmpty>
          ) : (
            rows.map((row) => (
              <TableRow key={row.instanceId}>
                <TableCell>
                  <span className="font-mono text-[13px]">{row.instanceId}</span>
                  {row.name ? <span className="block text-xs text-slate-500">{row.name}</span> : null}
                </TableCell>
                <TableCell className="text-xs">{row.status || "—"}</TableCell>
                <TableCell className="font-mono text-xs">{row.instanceType || "—"}</TableCell>
                <TableCell className="text-xs">
                  {row.systemDiskId ? (
                    <>
                      <span className="font-mono">{row.systemDiskId}</span>
                      <span className="block text-slate-500">{row.systemDiskCategory}</span>
                    </>
                  ) : (
                    "—"
                  )}
                </TableCell>
                <TableCell>
                  <Badge tone={TONES[row.verdict]}>{t(`verdicts.${row.verdict}`)}</Badge>
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
    </Card>
  );
}
