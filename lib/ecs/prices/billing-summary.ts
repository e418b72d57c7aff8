import { estimateDiskPrice } from "./estimate-disk-price";

/**
 * The billing overview of the disks that exist now: per category (and ESSD level), how many,
 * their capacity and what they cost per month from the price list — with the encrypted share
 * and its cost, which is 0 (encryption and the service key are free). Pure.
 */
export type DiskGroup = { category: string; performanceLevel: string | null; encrypted: boolean; count: number; sizeGiB: number };
export type BillingLine = {
  category: string;
  performanceLevel: string | null;
  count: number;
  sizeGiB: number;
  encryptedCount: number;
  encryptedGiB: number;
  diskPerMonth: number;
  encryptionPerMonth: number;
};
export type BillingSummary = { currency: "CNY"; lines: BillingLine[]; totalPerMonth: number; encryptionPerMonth: number };

export function summarizeBilling(groups: DiskGroup[]): BillingSummary {
  const lines = new Map<string, BillingLine>();
  for (const group of groups) {
    const level = group.category === "cloud_essd" ? (group.performanceLevel ?? "PL1") : null;
    const id = `${group.category}/${level ?? ""}`;
    const line = lines.get(id) ?? {
      category: group.category, performanceLevel: level, count: 0, sizeGiB: 0,
      encryptedCount: 0, encryptedGiB: 0, diskPerMonth: 0, encryptionPerMonth: 0,
    };
    const price = estimateDiskPrice({ category: group.category, performanceLevel: level ?? undefined, sizeGiB: group.sizeGiB, encrypted: group.encrypted });
    line.count += group.count;
    line.sizeGiB += group.sizeGiB;
    if (group.encrypted) {
      line.encryptedCount += group.count;
      line.encryptedGiB += group.sizeGiB;
    }
    line.diskPerMonth = round(line.diskPerMonth + (price?.diskPerMonth ?? 0));
    line.encryptionPerMonth = round(line.encryptionPerMonth + (price?.encryptionPerMonth ?? 0));
    lines.set(id, line);
  }
  const sorted = [...lines.values()].sort((a, b) => b.diskPerMonth - a.diskPerMonth || a.category.localeCompare(b.category));
  return {
    currency: "CNY",
    lines: sorted,
    totalPerMonth: round(sorted.reduce((sum, l) => sum + l.diskPerMonth + l.encryptionPerMonth, 0)),
    encryptionPerMonth: round(sorted.reduce((sum, l) => sum + l.encryptionPerMonth, 0)),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
