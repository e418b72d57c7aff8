import { onShutdown } from "@/lib/boot";
import { onEmulatorReset } from "@/lib/emulator/reset-emulator";
import { getRuntime } from "@/lib/runtime";
import { startCloudAssistant } from "@/lib/ecs/cloud-assistant/start-cloud-assistant";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import { attachedDisks, vmSpecOf } from "@/lib/ecs/instances/instance-lookup";
import { applyDueInstanceTransitions, markStoppedFromGuest } from "@/lib/ecs/instances/transitions";

/**
 * Starts the instances domain once the runtime is booted (server/domains.ts; call it before
 * startDisks, whose reset hook deletes media the hypervisor must have closed):
 * - the scheduler handler of instance and attach/detach transitions;
 * - the hypervisor: an in-guest power-off stops the instance; ResetEmulator powers everything
 *   off; SIGTERM lets running guests commit, then flushes and closes every medium and zeroes
 *   every key (lib/boot.ts `onShutdown`);
 * - Cloud Assistant (invocations a previous process left running end as failed);
 * - a server start is a restart of every instance that was running (or starting): their data
 *   keys are asked of KMS again, in the background; a key that is not Enabled hangs that boot.
 */
export function startInstances(): void {
  const { scheduler } = getRuntime();
  scheduler.register("ecs.instances.transitions", applyDueInstanceTransitions);
  const hypervisor = getHypervisor();
  hypervisor.onGuestPowerOff = (instanceId) => {
    void markStoppedFromGuest(instanceId).catch((error: unknown) => console.error("in-guest power-off", error));
  };
  hypervisor.onSettled = () => scheduler.wakeIn(0);
  onEmulatorReset("ecs.hypervisor", () => hypervisor.resetAll());
  onShutdown("ecs.hypervisor", async () => {
    hypervisor.onSettled = () => {}; // the scheduler is stopped: nothing to wake
    await hypervisor.shutdownAll();
  });
  startCloudAssistant();
  void restartInstances().catch((error: unknown) => console.error("hypervisor: restarting instances failed", error));
}

/** What was running when the last process ended runs again; what was stopping is Stopped. */
export async function restartInstances(): Promise<void> {
  const { db } = getRuntime();
  await db.instance.updateMany({
    where: { status: "Stopping" },
    data: { status: "Stopped", targetStatus: null, transitionDueAt: null },
  });
  const instances = await db.instance.findMany({ where: { status: { in: ["Pending", "Starting", "Running"] } } });
  for (const instance of instances) {
    const disks = await attachedDisks(instance.id);
    if (!disks.some((d) => d.id === instance.systemDiskId)) continue;
    void getHypervisor().powerOn(vmSpecOf(instance, disks), { causedBy: undefined });
  }
}
