"use client";

import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ActionResult } from "@/lib/console/server-action";

export type PollProgress = (
  ids: string[],
) => Promise<ActionResult<Record<string, { status: string; progress: number }>>>;

const POLL_MS = 700;

/**
 * Keeps a server-rendered page current while some of its rows progress by themselves (a
 * snapshot `progressing`, an image `Creating`): polls their status and progress and reads the
 * page again whenever either changes, so the bars move and the badge turns by itself. Renders
 * nothing; stops when nothing moves. (useStatusPoller does the same for statuses alone.)
 */
export function ProgressPoller({
  queryKey,
  rows,
  movingStatus,
  poll,
}: {
  queryKey: readonly unknown[];
  rows: { id: string; status: string; progress: number }[];
  movingStatus: string;
  poll: PollProgress;
}) {
  const router = useRouter();
  const moving = rows.filter((row) => row.status === movingStatus);
  const signature = moving.map((row) => `${row.id}:${row.progress}`).join(",");
  const polled = useQuery({
    queryKey: [...queryKey, signature],
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
    polled.data !== undefined &&
    moving.some((row) => {
      const now = polled.data[row.id];
      return !now || now.status !== row.status || now.progress !== row.progress;
    });
  useEffect(() => {
    if (hasChanged) router.refresh();
  }, [hasChanged, polled.dataUpdatedAt, router]);
  return null;
}
