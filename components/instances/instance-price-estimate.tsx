"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { estimateInstanceDisks } from "@/components/instances/create-instance-rules";

/**
 * The fee box of the Create disk page, for every disk of the new instance together (the
 * instance type's own price is not in DiskSeal's price list): capacity, encryption and key at 0.
 */
export function InstancePriceEstimate({
  estimate,
  diskCount,
}: {
  estimate: ReturnType<typeof estimateInstanceDisks>;
  diskCount: number;
}) {
  const t = useTranslations("Disks.create.price");
  const tI = useTranslations("Instances.create");
  const format = useFormatter();
  const money = (value: number, digits: number) =>
    format.number(value, {
      style: "currency",
      currency: "CNY",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  return (
    <section aria-labelledby="instance-price-title" className="space-y-3">
      <h2 id="instance-price-title" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-xs text-slate-500">{tI("priceScope", { count: diskCount })}</p>
      {estimate ? (
        <>
          <dl className="space-y-1.5 text-sm">
            {[
              { id: "disk", label: t("disk"), month: estimate.diskPerMonth },
              { id: "encryption", label: t("encryption"), month: estimate.encryptionPerMonth },
              { id: "key", label: t("key"), month: estimate.keyPerMonth },
            ].map((line) => (
              <div key={line.id} className="flex items-baseline justify-between gap-3">
                <dt id={`instance-price-${line.id}`} className="text-slate-600">
                  {line.label}
                </dt>
                <dd
                  aria-labelledby={`instance-price-${line.id}`}
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
        </>
      ) : (
        <p className="text-sm text-slate-500">{t("unavailable")}</p>
      )}
    </section>
  );
}
