import { getTranslations } from "next-intl/server";
import type { KeyUsageHour } from "@/lib/audit/key-usage";
import { Card } from "@/components/ui/card";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";

const SERIES = [
  { key: "decrypt", color: "#2563eb" },
  { key: "generateDataKey", color: "#16a34a" },
  { key: "encrypt", color: "#f59e0b" },
] as const;

/** The key's successful Decrypt / GenerateDataKey* / Encrypt calls per hour, from the audit trail. */
export async function KeyUsageCard({ keyId, hours }: { keyId: string; hours: KeyUsageHour[] }) {
  const t = await getTranslations("Kms.usage");
  const total = hours.reduce((sum, h) => sum + h.decrypt + h.generateDataKey + h.encrypt, 0);
  return (
    <Card id="key-usage" title={t("title")} description={t("description", { hours: hours.length })}>
      <p className="mb-3 text-sm text-slate-700">{t("total", { count: total, hours: hours.length })}</p>
      <StackedBarChart
        caption={t("caption", { keyId })}
        valueLabel={t("hour")}
        rows={hours.map((h) => ({
          label: `${h.hour.slice(11, 16)}`,
          decrypt: h.decrypt,
          generateDataKey: h.generateDataKey,
          encrypt: h.encrypt,
        }))}
        series={SERIES.map((s) => ({ ...s, label: t(`series.${s.key}`) }))}
      />
    </Card>
  );
}
