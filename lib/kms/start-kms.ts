import { onEmulatorReset } from "@/lib/emulator/reset-emulator";
import { getRuntime } from "@/lib/runtime";
import { deleteDueKeys } from "./key-deletion";
import { expireDueMaterial } from "./key-import";
import { rotateDueKeys } from "./key-versions";
import { clearKeyCache } from "./key-cache";
import { clearMaterialCache } from "./material-cache";

/**
 * Starts KMS's due work on the emulator clock (server/domains.ts calls this once the runtime
 * is booted; tests that boot in-process call it too). Each runs on every scheduler tick and
 * after every AdvanceEmulatorClock, so what became due is applied before that call answers:
 *   kms.deletion  keys whose deletion window ended are deleted with their material
 *   kms.rotation  keys whose automatic rotation is due get a new primary version
 *   kms.material  imported material past its expiry is deleted (key → PendingImport); expired import tokens go
 * Expiry runs before rotation and deletion after both, so one advance past several due
 * times ends in the same state as a clock that ticked through them.
 */
export function startKms(): void {
  const { scheduler } = getRuntime();
  scheduler.register("kms.material", expireDueMaterial);
  scheduler.register("kms.rotation", rotateDueKeys);
  scheduler.register("kms.deletion", deleteDueKeys);
  onEmulatorReset("kms.caches", async () => {
    clearMaterialCache();
    clearKeyCache();
  });
}
