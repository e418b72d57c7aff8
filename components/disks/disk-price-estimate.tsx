"use client";

import { estimateDiskPrice } from "@/lib/ecs/prices/estimate-disk-price";
import { PriceEstimate } from "@/components/shared/price-estimate";

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
  const estimate = Number.isFinite(sizeGiB)
    ? estimateDiskPrice({ category, performanceLevel, sizeGiB, encrypted })
    : undefined;
  return <PriceEstimate idPrefix="disk" estimate={estimate} source />;
}
