import { getRuntime } from "@/lib/runtime";

/**
 * Snapshots `progressing` become `accomplished` once their completesAt passed on the emulator
 * clock (DISKSEAL_TRANSITION_MS after creation). The data is in place from the start: only the
 * status and Progress wait. Scheduler handler "ecs.snapshots.transitions".
 */
export async function applyDueSnapshotTransitions(at: Date): Promise<void> {
  await getRuntime().db.snapshot.updateMany({
    where: { status: "progressing", completesAt: { lte: at } },
    data: { status: "accomplished", updatedAt: at },
  });
}
