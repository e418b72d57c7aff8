import type { RequestContext } from "@/lib/context";
import { kmsErrors } from "./errors";
import { updateKey } from "./key-cache";
import { keyOperation } from "./key-operation";
import { assertRotatable } from "./key-versions";
import { nextRotationDate } from "./rotation-interval";

export type UpdateRotationPolicyInput = {
  keyId: string;
  enableAutomaticRotation: boolean;
  /** Seconds; required when enabling (rotation-interval.ts parses `365d`). */
  rotationIntervalSeconds?: number;
};

/**
 * KMS UpdateRotationPolicy. Enabling sets the next rotation one interval after the last one
 * (so a key older than its interval rotates at the next scheduler run); disabling keeps the
 * interval for later. Needs an Enabled key, like the crypto operations.
 */
export function updateRotationPolicy(
  ctx: RequestContext,
  input: UpdateRotationPolicyInput,
): Promise<void> {
  return keyOperation(ctx, "UpdateRotationPolicy", input.keyId, async (key) => {
    assertRotatable(key);
    if (!input.enableAutomaticRotation) {
      await updateKey(key.id, { rotationEnabled: false, nextRotationDate: null });
      return;
    }
    const interval = input.rotationIntervalSeconds;
    if (interval === undefined) throw kmsErrors.missingParameter("RotationInterval");
    const last = key.lastRotationDate ?? key.createdAt;
    await updateKey(key.id, {
      rotationEnabled: true,
      rotationIntervalSeconds: interval,
      nextRotationDate: nextRotationDate(last, interval),
    });
  });
}
