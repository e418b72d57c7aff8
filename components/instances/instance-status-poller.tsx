"use client";

import type { ActionResult } from "@/lib/console/server-action";
import { isTransitionalInstanceStatus } from "@/components/instances/instance-status-badge";
import { instanceQueryKeys } from "@/components/instances/query-keys";
import { useStatusPoller } from "@/components/shared/use-status-poller";

export type PollInstanceStatuses = (input: {
  regionId: string;
  instanceIds: string[];
}) => Promise<ActionResult<Record<string, string>>>;

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
  useStatusPoller({
    moving: instances
      .filter((i) => isTransitionalInstanceStatus(i.status))
      .map((i) => ({ id: i.instanceId, status: i.status })),
    queryKeyOf: (signature) => instanceQueryKeys.statuses(regionId, signature),
    poll: (instanceIds) => pollInstanceStatuses({ regionId, instanceIds }),
  });
  return null;
}
