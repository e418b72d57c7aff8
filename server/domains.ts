/**
 * Starts the long-lived parts of each domain once the runtime is booted: their scheduler
 * handlers (due key deletions, rotations, transitions) and the scheduler's tick.
 */
import { getRuntime } from "@/lib/runtime";
import { startKms } from "@/lib/kms/start-kms";
import { startDisks } from "@/lib/ecs/disks/start-disks";
import { startInstances } from "@/lib/ecs/instances/start-instances";
import { startImages } from "@/lib/ecs/images/start-images";
import { startSnapshots } from "@/lib/ecs/snapshots/start-snapshots";
import { startOos } from "@/lib/oos/start-oos";

export function startDomainServices(): void {
  startKms();
  // Before startDisks: the hypervisor's reset hook closes the media the disks' hook deletes.
  startInstances();
  startDisks();
  // Snapshots before images: an image becomes Available only after its snapshots.
  startSnapshots();
  startImages();
  // Last: its runner resumes executions whose steps call the services above.
  startOos();
  getRuntime().scheduler.start();
}
