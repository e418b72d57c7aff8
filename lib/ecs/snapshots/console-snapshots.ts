import type { RequestContext } from "@/lib/context";
import type { ConsoleKey } from "@/lib/ecs/disks/console-keys";
import { listDisks } from "@/lib/ecs/disks/describe-disks";
import { listConsoleSnapshots, type SnapshotView } from "./console-queries";
import type { SnapshotFilter } from "./snapshot-query";

/**
 * The Snapshots pages' rows: the snapshot views of console-queries.ts (DescribeSnapshots) with
 * what the pages show beside them — the key's alias and state (ListKeys, read once per page) and
 * whether the source disk still exists (DescribeDisks): a snapshot outlives its disk.
 */
export type SnapshotRow = Omit<SnapshotView, "createdAt"> & {
  createdAt: Date;
  key?: ConsoleKey;
  isSourceDiskPresent: boolean;
};

export async function listSnapshotRows(
  ctx: RequestContext,
  input: {
    filter: SnapshotFilter;
    pageNumber: number;
    pageSize: number;
    keys: readonly ConsoleKey[];
  },
): Promise<{ snapshots: SnapshotRow[]; totalCount: number }> {
  const page = await listConsoleSnapshots(ctx, input);
  const diskIds = [...new Set(page.snapshots.map((snapshot) => snapshot.sourceDiskId))];
  const present =
    diskIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await listDisks(ctx, {
              filter: { diskIds },
              paging: { mode: "page", pageNumber: 1, pageSize: diskIds.length },
            })
          ).disks.map((disk) => disk.id),
        );
  const keys = new Map(input.keys.map((key) => [key.keyId, key]));
  return {
    totalCount: page.totalCount,
    snapshots: page.snapshots.map((snapshot) => ({
      ...snapshot,
      createdAt: new Date(snapshot.createdAt),
      key: snapshot.kmsKeyId ? keys.get(snapshot.kmsKeyId) : undefined,
      isSourceDiskPresent: present.has(snapshot.sourceDiskId),
    })),
  };
}

/** One snapshot's row, or undefined (another region's is not found). */
export async function getSnapshotRow(
  ctx: RequestContext,
  snapshotId: string,
  keys: readonly ConsoleKey[],
): Promise<SnapshotRow | undefined> {
  const { snapshots } = await listSnapshotRows(ctx, {
    filter: { snapshotIds: [snapshotId] },
    pageNumber: 1,
    pageSize: 1,
    keys,
  });
  return snapshots[0];
}

/** Status and progress of some snapshots, for the pages and the wizard that poll them. */
export async function snapshotProgresses(
  ctx: RequestContext,
  snapshotIds: string[],
): Promise<Record<string, { status: string; progress: number }>> {
  if (snapshotIds.length === 0) return {};
  const page = await listConsoleSnapshots(ctx, {
    filter: { snapshotIds },
    pageNumber: 1,
    pageSize: snapshotIds.length,
  });
  return Object.fromEntries(
    page.snapshots.map((s) => [s.snapshotId, { status: s.status, progress: s.progress }]),
  );
}
