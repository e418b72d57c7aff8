"use client";

import { useTranslations } from "next-intl";
import type { estimateInstanceDisks } from "@/components/instances/create-instance-rules";
import { PriceEstimate } from "@/components/shared/price-estimate";

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
  const t = useTranslations("Instances.create");
  return (
    <PriceEstimate
      idPrefix="instance"
      estimate={estimate}
      scope={<p className="text-xs text-slate-500">{t("priceScope", { count: diskCount })}</p>}
    />
  );
}
