import { SNAPSHOT_STATUSES, type SnapshotStatus } from "@/components/snapshots/snapshot-view";

/**
 * The snapshot list's URL: `?status=&encrypted=true|false&key=&disk=&page=` (filters and paging
 * live in the URL). Pure; unknown values are dropped.
 */
export type SnapshotListParams = {
  status?: SnapshotStatus;
  encrypted?: boolean;
  kmsKeyId?: string;
  diskId?: string;
  page: number;
};

export const SNAPSHOT_LIST_PAGE_SIZE = 20;

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseSnapshotListParams(searchParams: SearchParams): SnapshotListParams {
  const status = first(searchParams.status) ?? "";
  const encrypted = first(searchParams.encrypted);
  const key = (first(searchParams.key) ?? "").trim();
  const disk = (first(searchParams.disk) ?? "").trim();
  const pageText = first(searchParams.page) ?? "";
  return {
    status: (SNAPSHOT_STATUSES as readonly string[]).includes(status)
      ? (status as SnapshotStatus)
      : undefined,
    encrypted: encrypted === "true" ? true : encrypted === "false" ? false : undefined,
    kmsKeyId: key !== "" && key.length <= 2048 ? key : undefined,
    diskId: /^[A-Za-z0-9-]{1,64}$/.test(disk) ? disk : undefined,
    page: /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1,
  };
}

/** The list's URL; defaults (no filter, page 1) are left out. */
export function snapshotListHref(regionId: string, params: Partial<SnapshotListParams>): string {
  const query = new URLSearchParams();
  if (params.status) query.set("status", params.status);
  if (params.encrypted !== undefined) query.set("encrypted", String(params.encrypted));
  if (params.kmsKeyId) query.set("key", params.kmsKeyId);
  if (params.diskId) query.set("disk", params.diskId);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return `/${regionId}/snapshots${text ? `?${text}` : ""}`;
}

export function isSnapshotListFiltered(params: SnapshotListParams): boolean {
  return (
    params.status !== undefined ||
    params.encrypted !== undefined ||
    params.kmsKeyId !== undefined ||
    params.diskId !== undefined
  );
}
