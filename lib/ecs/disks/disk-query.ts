/**
 * DescribeDisks' filters and paging as pure data and rules: the values each filter accepts,
 * the two paging styles (NextToken/MaxResults and the deprecated PageNumber/PageSize) and the
 * NextToken format. describe-disks.ts turns them into a query.
 */
import { DISK_CATEGORIES } from "@/lib/ecs/catalog/disk-categories";
import { diskErrors } from "./errors";

export const DISK_STATUSES = [
  "Creating",
  "Available",
  "Attaching",
  "In_use",
  "Detaching",
  "ReIniting",
] as const;
export type DiskStatus = (typeof DISK_STATUSES)[number];

export const DISK_STATUS_FILTERS = [...DISK_STATUSES, "All"] as const;
export const DISK_TYPE_FILTERS = ["all", "system", "data"] as const;
export const DISK_CATEGORY_FILTERS = ["all", ...DISK_CATEGORIES] as const;

/** DiskIds: a JSON array of at most 100 ids. */
export const MAX_DISK_IDS = 100;
export const MAX_RESULTS = { min: 10, max: 500, default: 10 } as const;
export const PAGE_SIZE = { min: 1, max: 100, default: 10 } as const;

export type DiskFilter = {
  zoneId?: string;
  diskIds?: string[];
  instanceId?: string;
  diskType?: (typeof DISK_TYPE_FILTERS)[number];
  category?: string;
  status?: string;
  /** true: encrypted disks only; false: unencrypted disks only; undefined: both. */
  encrypted?: boolean;
  /** id, alias or ARN; matched against the resolved key id. */
  kmsKeyId?: string;
  /** Every tag must be on the disk; a tag without value matches any value of its key. */
  tags?: { key: string; value?: string }[];
  diskName?: string;
  snapshotId?: string;
  deleteWithInstance?: boolean;
  portable?: boolean;
};

export type DiskPaging =
  | { mode: "token"; maxResults: number; nextToken?: string }
  | { mode: "page"; pageNumber: number; pageSize: number };

/** NextToken/MaxResults wins when either is given; otherwise PageNumber/PageSize (defaults 1/10). */
export function diskPaging(input: {
  nextToken?: string;
  maxResults?: number;
  pageNumber?: number;
  pageSize?: number;
}): DiskPaging {
  if (input.nextToken !== undefined || input.maxResults !== undefined) {
    return {
      mode: "token",
      maxResults: input.maxResults ?? MAX_RESULTS.default,
      nextToken: input.nextToken || undefined,
    };
  }
  return {
    mode: "page",
    pageNumber: input.pageNumber ?? 1,
    pageSize: input.pageSize ?? PAGE_SIZE.default,
  };
}

/** Offset and limit of a paging request (400 InvalidParameter for a token we did not issue). */
export function pageWindow(paging: DiskPaging): { skip: number; take: number } {
  if (paging.mode === "page") {
    return { skip: (paging.pageNumber - 1) * paging.pageSize, take: paging.pageSize };
  }
  return {
    skip: paging.nextToken ? decodeNextToken(paging.nextToken) : 0,
    take: paging.maxResults,
  };
}

const TOKEN_PREFIX = "dsk1.";

export function encodeNextToken(offset: number): string {
  return TOKEN_PREFIX + offset.toString(36);
}

export function decodeNextToken(token: string): number {
  const body = token.startsWith(TOKEN_PREFIX) ? token.slice(TOKEN_PREFIX.length) : "";
  if (!/^[0-9a-z]{1,10}$/.test(body)) throw diskErrors.invalidNextToken();
  const offset = parseInt(body, 36);
  if (!Number.isSafeInteger(offset) || offset <= 0) throw diskErrors.invalidNextToken();
  return offset;
}

/** DiskIds' JSON: an array of strings (400 InvalidParameter.DiskIds), ≤100 (403 InvalidDiskIds.Malformed). */
export function parseDiskIds(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw diskErrors.invalidDiskIds();
  }
  if (!Array.isArray(value) || !value.every((id) => typeof id === "string")) {
    throw diskErrors.invalidDiskIds();
  }
  if (value.length > MAX_DISK_IDS) throw diskErrors.tooManyDiskIds();
  return value;
}
