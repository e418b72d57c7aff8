import type { RequestContext } from "@/lib/context";
import { updateKey } from "./key-cache";
import { keyOperation } from "./key-operation";

/**
 * KMS EnableKey / DisableKey. Allowed from Enabled and Disabled (either way, idempotent),
 * refused with 409 Rejected.StateModifiedFailed while PendingDeletion or PendingImport; a
 * user's on a service key: 400 Rejected.UnsupportedOperation. Data under a disabled key stays
 * where it is but cannot be decrypted until the key is enabled again.
 */
export function enableKey(ctx: RequestContext, input: { keyId: string }): Promise<void> {
  return keyOperation(ctx, "EnableKey", input.keyId, async (key) => {
    await updateKey(key.id, { keyState: "Enabled" });
  });
}

export function disableKey(ctx: RequestContext, input: { keyId: string }): Promise<void> {
  return keyOperation(ctx, "DisableKey", input.keyId, async (key) => {
    await updateKey(key.id, { keyState: "Disabled" });
  });
}
