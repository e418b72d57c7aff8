import "server-only";
import type { RequestContext } from "@/lib/context";
import { decide, type RequestConditions } from "@/lib/ram/authorize";

export type PermissionCheck = { action: string; resourceArn: string; conditions?: RequestConditions };

/** Whether the console may offer a control: allowed, or the action that would be refused. */
export type Permission = { allowed: true } | { allowed: false; action: string; policyName?: string };

/**
 * Asks the same decision `authorize()` makes, without auditing or throwing, so a page can
 * disable the controls the signed-in user may not use and say why. This is only courtesy: the
 * service authorizes again when the action is posted (a hidden or disabled button protects
 * nothing). Conditions the page cannot know yet (the encryption a form will choose) are left
 * out; a Deny that depends on them is reported when the form is submitted.
 */
export async function probePermissions<K extends string>(
  ctx: RequestContext,
  checks: Record<K, PermissionCheck>,
): Promise<Record<K, Permission>> {
  const entries = await Promise.all(
    (Object.entries(checks) as [K, PermissionCheck][]).map(async ([name, check]) => {
      const decision = await decide(ctx, check.action, check.resourceArn, check.conditions ?? {});
      const permission: Permission =
        decision.effect === "Allow" ? { allowed: true } : { allowed: false, action: check.action, policyName: decision.policyName };
      return [name, permission] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<K, Permission>;
}
