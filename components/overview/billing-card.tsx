import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { BillingSummary } from "@/lib/ecs/prices/billing-summary";
import { Card } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { categoryWithLevel } from "@/components/disks/category-name";

/**
 * Billing overview of the disks that exist now, pay-as-you-go per month from the price list:
 * each category's capacity cost, and encryption — the encrypted share's cost — at 0.
 */
export async function BillingCard({ billing }: { billing: BillingSummary }) {
  const t = await getTranslations("Overview.billing");
  const locale = await getLocale();
  const format = await getFormatter();
  const money = (value: number) => format.number(value, { style: "currency", currency: billing.currency });
  return (
    <Card id="overview-billing" title={t("title")} description={t("description")}>
      {billing.lines.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="space-y-4">
          <StackedBarChart
            caption={t("chartCaption")}
            valueLabel={t("columns.category")}
            layout="vertical"
            height={Math.max(120, 48 + billing.lines.length * 36)}
            rows={billing.lines.map((line) => ({
              label: categoryWithLevel(line.category, line.performanceLevel, locale),
              disk: line.diskPerMonth,
              encryption: line.encryptionPerMonth,
            }))}
            series={[
              { key: "disk", label: t("series.disk"), color: "#2563eb" },
              { key: "encryption", label: t("series.encryption"), color: "#16a34a" },
            ]}
          />
          <Table caption={t("caption")}>
            <TableHead>
              <tr>
                <TableHeaderCell>{t("columns.category")}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t("columns.disks")}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t("columns.capacity")}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t("columns.encrypted")}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t("columns.diskCost")}</TableHeaderCell>
                <TableHeaderCell className="text-right">{t("columns.encryptionCost")}</TableHeaderCell>
              </tr>
            </TableHead>
            <TableBody>
              {billing.lines.map((line) => (
                <TableRow key={`${line.category}/${line.performanceLevel ?? ""}`}>
                  <TableCell>{categoryWithLevel(line.category, line.performanceLevel, locale)}</TableCell>
                  <TableCell className="text-right tabular-nums">{line.count}</TableCell>
                  <TableCell className="text-right tabular-nums">{t("gib", { size: line.sizeGiB })}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {t("encryptedShare", { count: line.encryptedCount, size: line.encryptedGiB })}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{money(line.diskPerMonth)}</TableCell>
                  <TableCell className="text-right tabular-nums">{money(line.encryptionPerMonth)}</TableCell>
                </TableRow>
              ))}
              <TableRow className="bg-slate-50 font-medium">
                <TableCell colSpan={4}>{t("total")}</TableCell>
                <TableCell className="text-right tabular-nums">{money(billing.totalPerMonth)}</TableCell>
                <TableCell className="text-right tabular-nums">{money(billing.encryptionPerMonth)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <p className="text-xs text-slate-500">{t("note")}</p>
        </div>
      )}
    </Card>
  );
}
