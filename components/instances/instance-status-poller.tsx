"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ActionResult } from "@/lib/console/server-action";
import { isTransitionalInstanceStatus } from "@/components/instances/instance-status-badge";
import { instanceQueryKeys } from "@/components/instances/query-keys";

export type PollInstanceStatuses = (input: {
  regionId: string;
  instanceIds: string[];
}) => Promise<ActionResult<Record<string, string>>>;

const POLL_MS = 1_000;

/**
 * Keeps the list current while instances are Pending, Starting or Stopping: polls their
 * statuses and reads the page again once one differs from what it shows. Renders nothing.
 */
export function InstanceStatusPoller({
  regionId,
  instances,
  pollInstanceStatuses,
}: {
  regionId: string;
  instances: { instanceId: string; status: string }[];
  pollInstanceStatuses: PollInstanceStatuses;
}) {
  const router = useRouter();
  const moving = instances.filter((i) => isTransitionalInstanceStatus(i.status));
  const signature = moving.map((i) => `${i.instanceId}:${i.status}`).join(",");
  const statuses = useQuery({
    queryKey: instanceQueryKeys.statuses(regionId, signature),
    queryFn: async () => {
      const result = await pollInstanceStatuses({
        regionId,
        instanceIds: moving.map((i) => i.instanceId),
      });
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
    moving.some((i) => statuses.data[i.instanceId] !== i.status);
  useEffect(() => {
    if (hasChanged) router.refresh();
  }, [hasChanged, statuses.dataUpdatedAt, router]);
  return null;
}
