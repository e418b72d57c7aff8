"use client";

import { useFormatter, useTranslations } from "next-intl";
import { estimateDiskPrice } from "@/lib/ecs/prices/estimate-disk-price";

/**
 * The fee box: pay-as-you-go per hour and per month for the disk as configured, with encryption
 * and the service key on their own lines at 0 — encryption is free, as Alibaba's guide states.
 */
export function DiskPriceEstimate({
  category,
  performanceLevel,
  sizeGiB,
  encrypted,
}: {
  category: string;
  performanceLevel?: string;
  sizeGiB: number;
  encrypted: boolean;
}) {
  const t = useTranslations("Disks.create.price");
  const format = useFormatter();
  const estimate = Number.isFinite(sizeGiB)
    ? estimateDiskPrice({ category, performanceLevel, sizeGiB, encrypted })
    : undefined;
  const money = (value: number, digits: number) =>
    format.number(value, {
      style: "currency",
      currency: "CNY",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });

  return (
    <section aria-labelledby="disk-price-title" className="space-y-3">
      <h2 id="disk-price-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      {estimate ? (
        <>
          <dl className="space-y-1.5 text-sm">
            {[
              { id: "disk", label: t("disk"), month: estimate.diskPerMonth },
              {
                id: "encryption",
                label: t("encryption"),
                month: estimate.encryptionPerMonth,
              },
              { id: "key", label: t("key"), month: estimate.keyPerMonth },
            ].map((line) => (
              <div key={line.id} className="flex items-baseline justify-between gap-3">
                <dt id={`disk-price-${line.id}`} className="text-slate-600">
                  {line.label}
                </dt>
                <dd
                  aria-labelledby={`disk-price-${line.id}`}
                  className="text-right text-slate-900 tabular-nums"
                >
                  {t("perMonth", { amount: money(line.month, 2) })}
                </dd>
              </div>
            ))}
          </dl>
          <div className="border-t border-slate-100 pt-2">
            <p className="flex items-baseline justify-between gap-3 text-sm">
              <span className="font-medium text-slate-700">{t("total")}</span>
              <span className="text-lg font-semibold text-orange-600 tabular-nums">
                {t("perHour", { amount: money(estimate.totalPerHour, 4) })}
              </span>
            </p>
            <p className="text-right text-xs text-slate-500 tabular-nums">
              {t("perMonth", { amount: money(estimate.totalPerMonth, 2) })}
            </p>
          </div>
          <p className="text-xs text-slate-500">{t("free")}</p>
          <p className="text-[11px] text-slate-400">{t("source")}</p>
        </>
      ) : (
        <p className="text-sm text-slate-500">{t("unavailable")}</p>
      )}
    </section>
  );
}
