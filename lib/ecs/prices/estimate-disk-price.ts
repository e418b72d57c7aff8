import priceList from "./price-list.json";

/**
 * The console's price estimate for a disk, from the one price-list file: pay-as-you-go, per
 * hour and per month, in CNY. Encryption and the use of the ECS service key cost nothing (as
 * Alibaba's encryption guide states), and the estimate shows them as 0. Pure.
 */
export type DiskPriceInput = {
  category: string;
  performanceLevel?: string;
  sizeGiB: number;
  encrypted: boolean;
};

export type DiskPriceEstimate = {
  currency: "CNY";
  /** The disk's capacity. */
  diskPerHour: number;
  diskPerMonth: number;
  /** Always 0: encryption is free. */
  encryptionPerHour: number;
  encryptionPerMonth: number;
  /** Always 0: no fee for the service key or its use. */
  keyPerMonth: number;
  totalPerHour: number;
  totalPerMonth: number;
};

type Rate = { perGiBHour: number; perGiBMonth: number };

export const PRICE_LIST = priceList;

/** The rate of a category (and ESSD level, default PL1); undefined for a category not sold here. */
export function diskRate(category: string, performanceLevel?: string): Rate | undefined {
  const disks = priceList.disks as Record<string, Rate | Record<string, Rate>>;
  const entry = Object.hasOwn(disks, category) ? disks[category] : undefined;
  if (!entry) return undefined;
  if ("perGiBHour" in entry) return entry as Rate;
  const levels = entry as Record<string, Rate>;
  const level = performanceLevel ?? "PL1";
  return Object.hasOwn(levels, level) ? levels[level] : undefined;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function estimateDiskPrice(input: DiskPriceInput): DiskPriceEstimate | undefined {
  const rate = diskRate(input.category, input.performanceLevel);
  if (!rate || !Number.isFinite(input.sizeGiB) || input.sizeGiB < 0) return undefined;
  const encryption = priceList.encryption;
  const encryptionPerHour = input.encrypted ? encryption.perGiBHour * input.sizeGiB : 0;
  const encryptionPerMonth = input.encrypted ? encryption.perGiBMonth * input.sizeGiB : 0;
  const keyPerMonth = input.encrypted ? priceList.kms.serviceKeyPerMonth : 0;
  const diskPerHour = rate.perGiBHour * input.sizeGiB;
  const diskPerMonth = rate.perGiBMonth * input.sizeGiB;
  return {
    currency: "CNY",
    diskPerHour: round(diskPerHour, 4),
    diskPerMonth: round(diskPerMonth, 2),
    encryptionPerHour: round(encryptionPerHour, 4),
    encryptionPerMonth: round(encryptionPerMonth, 2),
    keyPerMonth,
    totalPerHour: round(diskPerHour + encryptionPerHour, 4),
    totalPerMonth: round(diskPerMonth + encryptionPerMonth + keyPerMonth, 2),
  };
}
