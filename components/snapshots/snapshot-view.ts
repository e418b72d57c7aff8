import type { SnapshotRow } from "@/lib/ecs/snapshots/console-snapshots";

/** A snapshot as the Snapshots pages show it (lib/ecs/snapshots/console-snapshots.ts). */
export type SnapshotView = SnapshotRow;

export const SNAPSHOT_STATUSES = ["progressing", "accomplished", "failed"] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];
