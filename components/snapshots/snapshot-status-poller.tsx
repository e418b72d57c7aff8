"use client";

import type { ActionResult } from "@/lib/console/server-action";
import { ProgressPoller } from "@/components/shared/progress-poller";
import { snapshotQueryKeys } from "@/components/snapshots/query-keys";

export type PollSnapshots = (input: {
  regionId: string;
  snapshotIds: string[];
}) => Promise<ActionResult<Record<string, { status: string; progress: number }>>>;

/** Keeps the Snapshots pages current while snapshots progress (bars move, badges turn). */
export function SnapshotStatusPoller({
  regionId,
  snapshots,
  pollSnapshots,
}: {
  regionId: string;
  snapshots: { snapshotId: string; status: string; progress: number }[];
  pollSnapshots: PollSnapshots;
}) {
  return (
    <ProgressPoller
      queryKey={snapshotQueryKeys.progress(regionId)}
      rows={snapshots.map((s) => ({ id: s.snapshotId, status: s.status, progress: s.progress }))}
      movingStatus="progressing"
      poll={(snapshotIds) => pollSnapshots({ regionId, snapshotIds })}
    />
  );
}
