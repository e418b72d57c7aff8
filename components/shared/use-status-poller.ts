"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ActionResult } from "@/lib/console/server-action";

const POLL_MS = 1_000;

/**
 * Keeps a server-rendered page current while some of its rows change status by themselves:
 * polls the statuses of the rows in transit (`moving`) every second and, once one differs from
 * what the page shows, reads the page again (router.refresh). Stops polling when nothing is in
 * transit. `queryKeyOf` builds the React Query key from the moving rows' signature.
 */
export function useStatusPoller({
  moving,
  queryKeyOf,
  poll,
}: {
  moving: { id: string; status: string }[];
  queryKeyOf: (signature: string) => readonly unknown[];
  poll: (ids: string[]) => Promise<ActionResult<Record<string, string>>>;
}): void {
  const router = useRouter();
  const signature = moving.map((row) => `${row.id}:${row.status}`).join(",");
  const statuses = useQuery({
    queryKey: queryKeyOf(signature),
    queryFn: async () => {
      const result = await poll(moving.map((row) => row.id));
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    enabled: moving.length > 0,
    refetchInterval: POLL_MS,
    staleTime: 0,
    gcTime: 0,
  });

  const hasChanged =
    statuses.data !== undefined && moving.some((row) => statuses.data[row.id] !== row.status);
  // Each poll that still differs reads the page again (a refresh may race the transition).
  useEffect(() => {
    if (hasChanged) router.refresh();
  }, [hasChanged, statuses.dataUpdatedAt, router]);
}
