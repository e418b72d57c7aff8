"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ActionResult } from "@/lib/console/server-action";
import { isTransitionalDiskStatus } from "@/components/disks/disk-status-badge";
import { diskQueryKeys } from "@/components/disks/query-keys";

export type PollDiskStatuses = (input: {
  regionId: string;
  diskIds: string[];
}) => Promise<ActionResult<Record<string, string>>>;

const POLL_MS = 1_000;

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
  const router = useRouter();
  const moving = disks.filter((disk) => isTransitionalDiskStatus(disk.status));
  const signature = moving.map((disk) => `${disk.diskId}:${disk.status}`).join(",");
  const statuses = useQuery({
    queryKey: diskQueryKeys.statuses(regionId, signature),
    queryFn: async () => {
      const result = await pollDiskStatuses({ regionId, diskIds: moving.map((d) => d.diskId) });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    enabled: moving.length > 0,
    refetchInterval: POLL_MS,
    staleTime: 0,
    gcTime: 0,
  });

  const hasChanged =
    statuses.data !== undefined &&
    moving.some((disk) => statuses.data[disk.diskId] !== disk.status);
  // Each poll that still differs reads the page again (a refresh may race the transition).
  useEffect(() => {
    if (hasChanged) router.refresh();
  }, [hasChanged, statuses.dataUpdatedAt, router]);

  return null;
}
