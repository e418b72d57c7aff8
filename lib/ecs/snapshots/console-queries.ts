import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { describeSnapshots, type SnapshotWithUse } from "./describe-snapshots";
import type { SnapshotFilter } from "./snapshot-query";
import { snapshotProgress, snapshotRemainSeconds, type SnapshotUsage } from "./snapshot-wire";

/**
 * The console's reads of the Snapshots pages, through DescribeSnapshots (authorized and audited),
 * as plain serializable views: never the wrapped data key.
 */
export type SnapshotView = {
  snapshotId: string;
  name: string;
  description: string;
  status: "progressing" | "accomplished" | "failed";
  /** 0–100 on the emulator clock. */
  progress: number;
  remainSeconds: number;
  regionId: string;
  encrypted: boolean;
  kmsKeyId: string | null;
  sourceDiskId: string;
  /** GiB */
  sourceDiskSize: number;
  sourceDiskType: "system" | "data";
  sourceDiskCategory: string;
  /** The public image a system disk's snapshot descends from. */
  sourceImageId: string | null;
  /** Copies: where from. */
  sourceSnapshotId: string | null;
  sourceRegionId: string | null;
  /** What the snapshot holds (written data), bytes. */
  sizeBytes: number;
  usage: SnapshotUsage;
  /** ISO 8601 UTC */
  createdAt: string;
  tags: { key: string; value: string }[];
};

export function toSnapshotView(snapshot: SnapshotWithUse, at: Date = now()): SnapshotView {
  return {
    snapshotId: snapshot.id,
    name: snapshot.name,
    description: snapshot.description,
    status: snapshot.status as SnapshotView["status"],
    progress: snapshotProgress(snapshot, at),
    remainSeconds: snapshotRemainSeconds(snapshot, at),
    regionId: snapshot.regionId,
    encrypted: snapshot.encrypted,
    kmsKeyId: snapshot.kmsKeyId,
    sourceDiskId: snapshot.sourceDiskId,
    sourceDiskSize: snapshot.sourceDiskSize,
    sourceDiskType: snapshot.sourceDiskType === "system" ? "system" : "data",
    sourceDiskCategory: snapshot.sourceDiskCategory,
    sourceImageId: snapshot.sourceImageId,
    sourceSnapshotId: snapshot.sourceSnapshotId,
    sourceRegionId: snapshot.sourceRegionId,
    sizeBytes: Number(snapshot.sizeBytes),
    usage: snapshot.usage,
    createdAt: snapshot.createdAt.toISOString(),
    tags: snapshot.tags.map((t) => ({ key: t.TagKey, value: t.TagValue })),
  };
}

/** One page of the region's snapshots (DescribeSnapshots), newest first. */
export async function listConsoleSnapshots(
  ctx: RequestContext,
  input: { filter?: SnapshotFilter; pageNumber?: number; pageSize?: number } = {},
): Promise<{ snapshots: SnapshotView[]; totalCount: number; pageNumber: number; pageSize: number }> {
  const pageNumber = input.pageNumber ?? 1;
  const pageSize = input.pageSize ?? 10;
  const page = await describeSnapshots(ctx, { filter: input.filter ?? {}, paging: { mode: "page", pageNumber, pageSize } });
  const at = now();
  return { snapshots: page.snapshots.map((s) => toSnapshotView(s, at)), totalCount: page.totalCount, pageNumber, pageSize };
}

/** One snapshot of the region (DescribeSnapshots SnapshotIds), or null. */
export async function getConsoleSnapshot(ctx: RequestContext, input: { snapshotId: string }): Promise<SnapshotView | null> {
  const page = await describeSnapshots(ctx, {
    filter: { snapshotIds: [input.snapshotId] },
    paging: { mode: "page", pageNumber: 1, pageSize: 1 },
  });
  return page.snapshots[0] ? toSnapshotView(page.snapshots[0]) : null;
}
