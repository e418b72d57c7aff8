"use client";

import type { ActionResult } from "@/lib/console/server-action";
import { isTransitionalDiskStatus } from "@/components/disks/disk-status-badge";
import { diskQueryKeys } from "@/components/disks/query-keys";
import { useStatusPoller } from "@/components/shared/use-status-poller";

export type PollDiskStatuses = (input: {
  regionId: string;
  diskIds: string[];
}) => Promise<ActionResult<Record<string, string>>>;

/**
 * Keeps a server-rendered page current while some of its disks change status by themselves
 * (Creating → Available, Attaching → In use, …): polls their statuses (a console query over
 * DescribeDisks) and, once one differs from what the page shows, reads the page again. Renders
 * nothing; stops polling when no disk is in transit.
 */
export function DiskStatusPoller({
  regionId,
  disks,
  pollDiskStatuses,
}: {
  regionId: string;
  disks: { diskId: string; status: string }[];
  pollDiskStatuses: PollDiskStatuses;
}) {
  useStatusPoller({
    moving: disks
      .filter((disk) => isTransitionalDiskStatus(disk.status))
      .map((disk) => ({ id: disk.diskId, status: disk.status })),
    queryKeyOf: (signature) => diskQueryKeys.statuses(regionId, signature),
    poll: (diskIds) => pollDiskStatuses({ regionId, diskIds }),
  });
  return null;
}
