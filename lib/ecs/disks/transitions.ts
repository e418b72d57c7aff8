import { getRuntime } from "@/lib/runtime";

/**
 * Disks created `Creating` become `Available` — or `In_use` when created with an instance —
 * once their transitionDueAt passed (DISKSEAL_TRANSITION_MS after creation, emulator clock).
 * Registered as the scheduler handler "ecs.disks.transitions". Other statuses are the
 * instances domain's (Attaching, Detaching).
 */
export async function applyDueDiskTransitions(now: Date): Promise<void> {
  const { db } = getRuntime();
  const due = { status: "Creating", transitionDueAt: { lte: now } };
  await db.$transaction([
    db.disk.updateMany({
      where: { ...due, instanceId: null },
      data: { status: "Available", transitionDueAt: null },
    }),
    db.disk.updateMany({
      where: { ...due, instanceId: { not: null } },
      data: { status: "In_use", transitionDueAt: null },
    }),
  ]);
}
