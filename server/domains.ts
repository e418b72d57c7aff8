/**
 * Starts the long-lived parts of each domain once the runtime is booted: their scheduler
 * handlers (due key deletions, rotations, transitions) and the scheduler's tick.
 */
import { getRuntime } from "@/lib/runtime";
import { startKms } from "@/lib/kms/start-kms";
import { startDisks } from "@/lib/ecs/disks/start-disks";
import { startInstances } from "@/lib/ecs/instances/start-instances";

export function startDomainServices(): void {
  startKms();
  // Before startDisks: the hypervisor's reset hook closes the media the disks' hook deletes.
  startInstances();
  startDisks();
  getRuntime().scheduler.start();
}
