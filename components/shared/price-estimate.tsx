"use client";

import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";

/** What the fee box shows, in CNY: each line per month, the total per hour and per month. */
export type PriceEstimateLines = {
  diskPerMonth: number;
  encryptionPerMonth: number;
  keyPerMonth: number;
  totalPerHour: number;
  totalPerMonth: number;
};

/**
 * The fee box of the create pages: disk, encryption and key per month, the total per hour and
 * per month, or "unavailable" without an estimate. `idPrefix` names its title and lines
 * (`<idPrefix>-price-title`, `<idPrefix>-price-disk`, …); `scope` goes under the title; `source`
 * adds the price list's source line.
 */
export function PriceEstimate({
  idPrefix,
  estimate,
  scope,
  source = false,
}: {
  idPrefix: string;
  estimate: PriceEstimateLines | undefined;
  scope?: ReactNode;
  source?: boolean;
}) {
  const t = useTranslations("Disks.create.price");
  const format = useFormatter();
  const money = (value: number, digits: number) =>
    format.number(value, {
      style: "currency",
      currency: "CNY",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });

  return (
    <section aria-labelledby={`${idPrefix}-price-title`} className="space-y-3">
      <h2 id={`${idPrefix}-price-title`} className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h2>
      {scope}
      {estimate ? (
        <>
          <dl className="space-y-1.5 text-sm">
            {[
              { id: "disk", label: t("disk"), month: estimate.diskPerMonth },
              { id: "encryption", label: t("encryption"), month: estimate.encryptionPerMonth },
              { id: "key", label: t("key"), month: estimate.keyPerMonth },
            ].map((line) => (
              <div key={line.id} className="flex items-baseline justify-between gap-3">
                <dt id={`${idPrefix}-price-${line.id}`} className="text-slate-600">
                  {line.label}
                </dt>
                <dd
                  aria-labelledby={`${idPrefix}-price-${line.id}`}
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
          {source ? <p className="text-[11px] text-slate-400">{t("source")}</p> : null}
        </>
      ) : (
        <p className="text-sm text-slate-500">{t("unavailable")}</p>
      )}
    </section>
  );
}
