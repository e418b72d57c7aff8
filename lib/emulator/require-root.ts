import type { RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";

/**
 * Emulator control (clock, reset, raw media, key material) belongs to the account's root
 * identity alone: no RAM policy can grant it, since it reaches past the cloud's own rules.
 */
export function requireRoot(ctx: RequestContext): void {
  if (ctx.principal.kind === "root") return;
  throw new AppError("Forbidden.RAM", "This DiskSeal emulator action is available to the root account only.", 403, {
    AccessDeniedDetail: { NoPermissionType: "ImplicitDeny", PolicyType: "AccountLevelIdentityBasedPolicy" },
  });
}
