import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import type { ConsoleKey } from "@/lib/ecs/disks/console-keys";
import { listDisks } from "@/lib/ecs/disks/describe-disks";
import { describeSnapshots, type SnapshotWithUse } from "./describe-snapshots";
import type { SnapshotFilter } from "./snapshot-query";
import { snapshotProgress } from "./snapshot-wire";

/**
 * The console's reads of the Snapshots pages, through DescribeSnapshots and DescribeDisks
 * (authorized and audited as the API's), joined with what a page shows beside them: the key's
 * alias and state, whether the source disk still exists. The console engineer's file.
 */

/** A snapshot as the pages show it (client components get these: no wrapped data key). */
export type ConsoleSnapshot = {
  snapshotId: string;
  name: string;
  description: string;
  status: string;
  /** 0–100 */
  progress: number;
  encrypted: boolean;
  kmsKeyId: string | null;
  /** The key (alias, state, service key or not), when ListKeys could read it. */
  key?: ConsoleKey;
  sourceDiskId: string;
  /** Whether the source disk still exists (its snapshot outlives it). */
  isSourceDiskPresent: boolean;
  sourceDiskSize: number;
  sourceDiskType: string;
  sourceDiskCategory: string;
  /** Bytes held: what was written, not the disk's size. */
  sizeBytes: number;
  createdAt: Date;
  tags: { key: string; value: string }[];
};

function toConsoleSnapshot(
  snapshot: SnapshotWithUse,
  keys: ReadonlyMap<string, ConsoleKey>,
  presentDisks: ReadonlySet<string>,
  at: Date,
): ConsoleSnapshot {
  return {
    snapshotId: snapshot.id,
    name: snapshot.name,
    description: snapshot.description,
    status: snapshot.status,
    progress: snapshotProgress(snapshot, at),
    encrypted: snapshot.encrypted,
    kmsKeyId: snapshot.kmsKeyId,
    key: snapshot.kmsKeyId ? keys.get(snapshot.kmsKeyId) : undefined,
    sourceDiskId: snapshot.sourceDiskId,
    isSourceDiskPresent: presentDisks.has(snapshot.sourceDiskId),
    sourceDiskSize: snapshot.sourceDiskSize,
    sourceDiskType: snapshot.sourceDiskType,
    sourceDiskCategory: snapshot.sourceDiskCategory,
    sizeBytes: Number(snapshot.sizeBytes),
    createdAt: snapshot.createdAt,
    tags: snapshot.tags.map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
  };
}

/** One page of the region's snapshots (DescribeSnapshots), with keys and source disks. */
export async function listConsoleSnapshots(
  ctx: RequestContext,
  input: {
    filter: SnapshotFilter;
    pageNumber: number;
    pageSize: number;
    keys: readonly ConsoleKey[];
  },
): Promise<{ snapshots: ConsoleSnapshot[]; totalCount: number }> {
  const page = await describeSnapshots(ctx, {
    filter: input.filter,
    paging: { mode: "page", pageNumber: input.pageNumber, pageSize: input.pageSize },
  });
  const diskIds = [...new Set(page.snapshots.map((snapshot) => snapshot.sourceDiskId))];
  const disks =
    diskIds.length === 0
      ? []
      : (
          await listDisks(ctx, {
            filter: { diskIds },
            paging: { mode: "page", pageNumber: 1, pageSize: diskIds.length },
          })
        ).disks;
  const keys = new Map(input.keys.map((key) => [key.keyId, key]));
  const present = new Set(disks.map((disk) => disk.id));
  const at = now();
  return {
    totalCount: page.totalCount,
    snapshots: page.snapshots.map((snapshot) => toConsoleSnapshot(snapshot, keys, present, at)),
  };
}

/** One snapshot of the region, or undefined (another region's is not found). */
export async function getConsoleSnapshot(
  ctx: RequestContext,
  snapshotId: string,
  keys: readonly ConsoleKey[],
): Promise<ConsoleSnapshot | undefined> {
  const { snapshots } = await listConsoleSnapshots(ctx, {
    filter: { snapshotIds: [snapshotId] },
    pageNumber: 1,
    pageSize: 1,
    keys,
  });
  return snapshots[0];
}

/** Status and progress of some snapshots, for the pages that poll while they progress. */
export async function snapshotProgresses(
  ctx: RequestContext,
  snapshotIds: string[],
): Promise<Record<string, { status: string; progress: number }>> {
  if (snapshotIds.length === 0) return {};
  const page = await describeSnapshots(ctx, {
    filter: { snapshotIds },
    paging: { mode: "page", pageNumber: 1, pageSize: snapshotIds.length },
  });
  const at = now();
  return Object.fromEntries(
    page.snapshots.map((snapshot) => [
      snapshot.id,
      { status: snapshot.status, progress: snapshotProgress(snapshot, at) },
    ]),
  );
}
