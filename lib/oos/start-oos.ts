import { onShutdown } from "@/lib/boot";
import { onEmulatorReset } from "@/lib/emulator/reset-emulator";
import { getOosRunner } from "./runner";

/**
 * Starts OOS (server/domains.ts, after the ECS domains whose services its steps call): the
 * runner's loop, which picks up every unfinished execution where it was. On SIGTERM the steps
 * being run finish and are recorded before the database closes; ResetEmulator's drop of the
 * tables ends every execution with them.
 */
export function startOos(): void {
  const runner = getOosRunner();
  runner.start();
  onShutdown("oos.runner", async () => {
    runner.stop();
    await runner.settle();
  });
  onEmulatorReset("oos.runner", () => runner.settle());
}
