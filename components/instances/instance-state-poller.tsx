"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ActionResult } from "@/lib/console/server-action";
import { instanceQueryKeys } from "@/components/instances/query-keys";

export type InstanceState = { status: string; guestState: string; hangs: string };
export type PollInstanceState = (input: {
  regionId: string;
  instanceId: string;
}) => Promise<ActionResult<InstanceState>>;

const POLL_MS = 1_000;

/**
 * Keeps an instance's page current: its status, what its guest is doing and whether it hangs
 * on I/O all change by themselves (a transition, a boot, a key enabled again), so the page
 * polls them and reads itself again when one differs from what it shows. Renders nothing.
 */
export function InstanceStatePoller({
  regionId,
  instanceId,
  shown,
  pollInstanceState,
}: {
  regionId: string;
  instanceId: string;
  shown: InstanceState;
  pollInstanceState: PollInstanceState;
}) {
  const router = useRouter();
  const state = useQuery({
    queryKey: instanceQueryKeys.state(regionId, instanceId),
    queryFn: async () => {
      const result = await pollInstanceState({ regionId, instanceId });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    refetchInterval: POLL_MS,
    staleTime: 0,
    gcTime: 0,
  });
  const data = state.data;
  const hasChanged =
    data !== undefined &&
    (data.status !== shown.status ||
      data.guestState !== shown.guestState ||
      data.hangs !== shown.hangs);
  useEffect(() => {
    if (hasChanged) router.refresh();
  }, [hasChanged, state.dataUpdatedAt, router]);
  return null;
}
