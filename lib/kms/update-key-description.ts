import type { RequestContext } from "@/lib/context";
import { updateKey } from "./key-cache";
import { keyOperation } from "./key-operation";

export { MAX_KEY_DESCRIPTION_LENGTH } from "./limits";

/** KMS UpdateKeyDescription (refused while PendingDeletion, and on service keys). */
export function updateKeyDescription(
  ctx: RequestContext,
  input: { keyId: string; description: string },
): Promise<void> {
  return keyOperation(ctx, "UpdateKeyDescription", input.keyId, async (key) => {
    await updateKey(key.id, { description: input.description });
  });
}
