/**
 * Starts the long-lived parts of each domain once the runtime is booted: their scheduler
 * handlers (due key deletions, rotations, transitions) and the scheduler's tick.
 */
import { getRuntime } from "@/lib/runtime";
import { startKms } from "@/lib/kms/start-kms";

export function startDomainServices(): void {
  startKms();
  getRuntime().scheduler.start();
}
