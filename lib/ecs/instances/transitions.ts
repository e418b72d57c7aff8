import { getRuntime } from "@/lib/runtime";
import { getHypervisor } from "@/lib/ecs/hypervisor";

/**
 * The instances' asynchronous transitions on the emulator clock (scheduler handler
 * "ecs.instances.transitions"): `Pending → Starting → Running` (RunInstances: one
 * DISKSEAL_TRANSITION_MS each), `Starting → Running` (Start/RebootInstance), `Stopping →
 * Stopped`; and the disks' `Attaching → In_use`, `Detaching → Available`. A status is only
 * moved from the one it was read in, so a call that changed it meanwhile wins. The database
 * never runs ahead of the hypervisor: an instance is Running only once its guest has been set
 * up, Stopped only once its media are closed (the hypervisor wakes the scheduler when done).
 */
export async function applyDueInstanceTransitions(at: Date): Promise<void> {
  const { db, config, scheduler } = getRuntime();
  const due = await db.instance.findMany({
    where: { transitionDueAt: { lte: at } },
    select: { id: true, status: true, transitionDueAt: true },
  });
  let isMoreDue = false;
  const hypervisor = getHypervisor();
  for (const row of due) {
    const where = { id: row.id, status: row.status, transitionDueAt: row.transitionDueAt };
    if (hypervisor.isBusy(row.id)) continue;
    if (row.status === "Stopping" && hypervisor.isRunning(row.id)) continue;
    if (row.status === "Pending") {
      const next = new Date(row.transitionDueAt!.getTime() + config.transitionMs);
      await db.instance.updateMany({ where, data: { status: "Starting", transitionDueAt: next } });
      isMoreDue = true;
    } else if (row.status === "Starting") {
      await db.instance.updateMany({
        where,
        data: { status: "Running", targetStatus: null, transitionDueAt: null, startedAt: at },
      });
    } else if (row.status === "Stopping") {
      await db.instance.updateMany({ where, data: { status: "Stopped", targetStatus: null, transitionDueAt: null } });
    } else {
      await db.instance.updateMany({ where, data: { targetStatus: null, transitionDueAt: null } });
    }
  }
  await db.$transaction([
    db.disk.updateMany({
      where: { status: "Attaching", transitionDueAt: { lte: at } },
      data: { status: "In_use", transitionDueAt: null },
    }),
    db.disk.updateMany({
      where: { status: "Detaching", transitionDueAt: { lte: at } },
      data: { status: "Available", transitionDueAt: null },
    }),
  ]);
  if (isMoreDue) scheduler.wakeIn(config.transitionMs);
}

/** An in-guest power-off (`poweroff`, `Stop-Computer`): the instance is Stopped at once. */
export async function markStoppedFromGuest(instanceId: string): Promise<void> {
  await getRuntime().db.instance.updateMany({
    where: { id: instanceId, status: { in: ["Running", "Starting"] } },
    data: { status: "Stopped", targetStatus: null, transitionDueAt: null },
  });
}
