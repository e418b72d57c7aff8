/**
 * DescribeSnapshots' filters and paging as pure data and rules. Paging is DescribeDisks' (the
 * NextToken/MaxResults pair, or the deprecated PageNumber/PageSize): lib/ecs/disks/disk-query.ts.
 */
import { snapshotErrors } from "./errors";
import type { SnapshotUsage } from "./snapshot-wire";

export const SNAPSHOT_STATUS_FILTERS = ["progressing", "accomplished", "failed", "all"] as const;
export const SNAPSHOT_TYPE_FILTERS = ["auto", "user", "all"] as const;
export const SNAPSHOT_USAGE_FILTERS = ["image", "disk", "image_disk", "none"] as const;
export const MAX_SNAPSHOT_IDS = 100;
/** DescribeSnapshots: MaxResults ≤ 100 (default 10); PageSize ≤ 100. */
export const SNAPSHOT_MAX_RESULTS = { min: 1, max: 100, default: 10 } as const;

export type SnapshotFilter = {
  snapshotIds?: string[];
  diskId?: string;
  /** Snapshots of the disks attached to this instance now. */
  instanceId?: string;
  /** true: encrypted only; false: unencrypted only; undefined: both. */
  encrypted?: boolean;
  /** id, alias or ARN; matched against the resolved key id. */
  kmsKeyId?: string;
  status?: (typeof SNAPSHOT_STATUS_FILTERS)[number];
  snapshotName?: string;
  snapshotType?: (typeof SNAPSHOT_TYPE_FILTERS)[number];
  /** system | data, any case. */
  sourceDiskType?: string;
  usage?: SnapshotUsage;
  /** Every tag must be on the snapshot; a tag without value matches any value of its key. */
  tags?: { key: string; value?: string }[];
};

/** SnapshotIds' JSON: an array of strings (400 InvalidParameter.SnapshotIds), at most 100. */
export function parseSnapshotIds(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw snapshotErrors.invalidSnapshotIds();
  }
  if (!Array.isArray(value) || !value.every((id) => typeof id === "string")) throw snapshotErrors.invalidSnapshotIds();
  if (value.length > MAX_SNAPSHOT_IDS) throw snapshotErrors.tooManySnapshotIds();
  return value;
}
