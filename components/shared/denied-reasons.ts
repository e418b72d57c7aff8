import "server-only";
import { getTranslations } from "next-intl/server";
import type { RequestContext } from "@/lib/context";
import { probePermissions, type PermissionCheck } from "@/lib/console/permissions";

/**
 * For each control a page offers, undefined when the signed-in identity may use it, else the
 * reason it is disabled, naming the RAM action (and the policy whose Deny decided, if one did).
 */
export async function deniedReasons<K extends string>(
  ctx: RequestContext,
  checks: Record<K, PermissionCheck>,
): Promise<Partial<Record<K, string>>> {
  const [permissions, t] = await Promise.all([
    probePermissions(ctx, checks),
    getTranslations("Permissions"),
  ]);
  const reasons: Partial<Record<K, string>> = {};
  for (const name of Object.keys(checks) as K[]) {
    const permission = permissions[name];
    if (permission.allowed) continue;
    reasons[name] = permission.policyName
      ? t("deniedByPolicy", { action: permission.action, policy: permission.policyName })
      : t("notAllowed", { action: permission.action });
  }
  return reasons;
}

/**
 * The same for a list's rows: for each resource id, the reasons its row's controls are disabled
 * (`actions` maps a control to its RAM action; `arnOf` names the row's resource).
 */
export async function rowDeniedReasons<K extends string>(
  ctx: RequestContext,
  ids: string[],
  arnOf: (id: string) => string,
  actions: Record<K, string>,
): Promise<Record<string, Partial<Record<K, string>>>> {
  const controls = Object.entries(actions) as [K, string][];
  const checks: Record<string, PermissionCheck> = {};
  for (const id of ids)
    for (const [control, action] of controls)
      checks[`${id} ${control}`] = { action, resourceArn: arnOf(id) };
  const reasons = await deniedReasons(ctx, checks);
  return Object.fromEntries(
    ids.map((id) => [
      id,
      Object.fromEntries(
        controls.flatMap(([control]) => {
          const reason = reasons[`${id} ${control}`];
          return reason ? [[control, reason]] : [];
        }),
      ) as Partial<Record<K, string>>,
    ]),
  );
}
