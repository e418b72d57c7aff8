import "server-only";
import type { RequestContext } from "@/lib/context";
import { keyArn } from "@/lib/kms/key-reference";
import { getRuntime } from "@/lib/runtime";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { KEY_STATE_RAM_ACTIONS, type KeyStateAction } from "@/components/kms/kms-actions";

/** The state actions (Enable, Disable, …) the signed-in identity may not use, per key id. */
export async function deniedKeyStateActions(
  ctx: RequestContext,
  keyIds: string[],
): Promise<Record<string, Partial<Record<KeyStateAction, string>>>> {
  const { accountId } = getRuntime();
  const entries = await Promise.all(
    keyIds.map(async (keyId) => {
      const resourceArn = keyArn(ctx.regionId, accountId, keyId);
      const checks = Object.fromEntries(
        Object.entries(KEY_STATE_RAM_ACTIONS).map(([name, action]) => [
          name,
          { action, resourceArn },
        ]),
      ) as Record<KeyStateAction, { action: string; resourceArn: string }>;
      return [keyId, await deniedReasons(ctx, checks)] as const;
    }),
  );
  return Object.fromEntries(entries);
}
