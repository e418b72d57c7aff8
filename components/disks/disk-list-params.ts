import { DATA_DISK_CATEGORIES } from "@/lib/ecs/catalog/disk-categories";
import { DISK_STATUSES, type DiskFilter } from "@/lib/ecs/disks/disk-query";

/**
 * The disk list's URL: `?zone=&status=&category=&encrypted=true|false&key=<key id or alias>&page=`
 * (STYLE.md: filters and paging live in the URL). Pure; unknown values are dropped.
 */
export type DiskListParams = {
  zoneId?: string;
  status?: (typeof DISK_STATUSES)[number];
  category?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
  page: number;
};

export const DISK_LIST_PAGE_SIZE = 20;

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseDiskListParams(searchParams: SearchParams): DiskListParams {
  const zone = first(searchParams.zone) ?? "";
  const status = first(searchParams.status) ?? "";
  const category = first(searchParams.category) ?? "";
  const encrypted = first(searchParams.encrypted);
  const key = (first(searchParams.key) ?? "").trim();
  const pageText = first(searchParams.page) ?? "";
  return {
    zoneId: /^[a-z0-9-]{1,64}$/.test(zone) ? zone : undefined,
    status: (DISK_STATUSES as readonly string[]).includes(status)
      ? (status as DiskListParams["status"])
      : undefined,
    category: (DATA_DISK_CATEGORIES as readonly string[]).includes(category) ? category : undefined,
    encrypted: encrypted === "true" ? true : encrypted === "false" ? false : undefined,
    kmsKeyId: key !== "" && key.length <= 2048 ? key : undefined,
    page: /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1,
  };
}

/** The list's URL; defaults (no filter, page 1) are left out. */
export function diskListHref(regionId: string, params: Partial<DiskListParams>): string {
  const query = new URLSearchParams();
  if (params.zoneId) query.set("zone", params.zoneId);
  if (params.status) query.set("status", params.status);
  if (params.category) query.set("category", params.category);
  if (params.encrypted !== undefined) query.set("encrypted", String(params.encrypted));
  if (params.kmsKeyId) query.set("key", params.kmsKeyId);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return `/${regionId}/disks${text ? `?${text}` : ""}`;
}

/** DescribeDisks' filter for the list's params (a key filter implies encrypted disks). */
export function diskFilterOf(params: DiskListParams): DiskFilter {
  return {
    zoneId: params.zoneId,
    status: params.status,
    category: params.category,
    encrypted: params.encrypted,
    kmsKeyId: params.kmsKeyId,
  };
}

export function isFiltered(params: DiskListParams): boolean {
  return (
    params.zoneId !== undefined ||
    params.status !== undefined ||
    params.category !== undefined ||
    params.encrypted !== undefined ||
    params.kmsKeyId !== undefined
  );
}
