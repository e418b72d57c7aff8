import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { RegionEncryption } from "@/lib/ecs/disks/disk-summary";
import { regionName } from "@/lib/ecs/catalog/regions";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { Card } from "@/components/ui/card";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";

/** Encrypted and unencrypted disks in each region that has disks. */
export async function DiskEncryptionCard({ regions, regionId }: { regions: RegionEncryption[]; regionId: string }) {
  const t = await getTranslations("Overview.encryption");
  const language = catalogLanguageOf(await getLocale());
  const encrypted = regions.reduce((sum, r) => sum + r.encrypted, 0);
  const total = encrypted + regions.reduce((sum, r) => sum + r.unencrypted, 0);
  return (
    <Card id="overview-encryption" title={t("title")} description={t("description")}>
      {total === 0 ? (
        <p className="text-sm text-slate-600">
          {t("none")}{" "}
          <Link href={`/${regionId}/disks/create`} className="text-blue-700 hover:underline">
            {t("create")}
          </Link>
        </p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">{t("summary", { encrypted, total })}</p>
          <StackedBarChart
            caption={t("caption")}
            valueLabel={t("region")}
            layout="vertical"
            height={Math.max(120, 48 + regions.length * 36)}
            rows={regions.map((r) => ({
              label: regionName(r.regionId, language),
              encrypted: r.encrypted,
              unencrypted: r.unencrypted,
            }))}
            series={[
              { key: "encrypted", label: t("encrypted"), color: "#2563eb" },
              { key: "unencrypted", label: t("unencrypted"), color: "#cbd5e1" },
            ]}
          />
        </>
      )}
    </Card>
  );
}
