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
