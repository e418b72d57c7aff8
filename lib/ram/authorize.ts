import { AppError } from "@/lib/errors";
import type { Principal, RequestContext } from "@/lib/context";

/** Condition values a request carries (`ecs:IsDiskEncrypted` → ["true"], `acs:SourceIp` → [ip]). */
export type RequestConditions = Record<string, string[]>;

export type Decision =
  | { effect: "Allow"; policy?: string }
  | { effect: "Deny"; type: "ImplicitDeny" | "ExplicitDeny"; policy?: string };

/** The denial each product answers with (emulator-contract.md "Denials"). */
const DENIALS: Record<string, { code: string; message: (action: string, resource: string) => string }> = {
  ecs: { code: "Forbidden.RAM", message: () => "User not authorized to operate on the specified resource, or this API doesn't support RAM." },
  oos: { code: "Forbidden.RAM", message: () => "User not authorized to operate on the specified resource, or this API doesn't support RAM." },
  diskseal: { code: "Forbidden.RAM", message: () => "User not authorized to operate on the specified resource, or this API doesn't support RAM." },
  kms: { code: "Forbidden.NoPermission", message: (_a, resource) => `This operation for ${resource} is forbidden by permission system.` },
  ram: { code: "NoPermission", message: (action, resource) => `You are not authorized to do this action. Resource: ${resource} Action: ${action}` },
};

/**
 * Decides whether the caller may perform `action` ("ecs:CreateDisk") on `resourceArn`. The
 * root account and the cloud's own services are always allowed; a RAM identity is allowed
 * only by an Allow in its policies and no Deny (an identity without policies is denied).
 * Called inside every service right after input validation, before any resource lookup.
 */
export async function authorize(
  ctx: RequestContext,
  action: string,
  resourceArn: string,
  conditions: RequestConditions = {},
): Promise<void> {
  const decision = await decide(ctx, action, resourceArn, conditions);
  if (decision.effect === "Allow") return;
  const service = action.split(":")[0].toLowerCase();
  const denial = DENIALS[service] ?? DENIALS.ecs;
  throw new AppError(denial.code, denial.message(action, resourceArn), 403, {
    AccessDeniedDetail: accessDeniedDetail(ctx.principal, action, decision),
  });
}

export async function decide(
  ctx: RequestContext,
  action: string,
  resourceArn: string,
  conditions: RequestConditions,
): Promise<Decision> {
  if (ctx.principal.kind === "root" || ctx.principal.kind === "service") return { effect: "Allow" };
  const evaluate = policyEvaluator.current;
  if (!evaluate) return { effect: "Deny", type: "ImplicitDeny" };
  return evaluate(ctx, action, resourceArn, conditions);
}

/** RAM's evaluator plugs in here when the RAM domain loads (it owns users, groups and policies). */
export const policyEvaluator: {
  current?: (ctx: RequestContext, action: string, resourceArn: string, conditions: RequestConditions) => Promise<Decision>;
} = {};

function accessDeniedDetail(principal: Principal, action: string, decision: Extract<Decision, { effect: "Deny" }>) {
  return {
    AuthAction: action,
    AuthPrincipalType: principal.kind === "role" ? "AssumedRoleUser" : "SubUser",
    AuthPrincipalDisplayName:
      principal.kind === "user" ? principal.userName : principal.kind === "role" ? `${principal.roleName}:${principal.sessionName}` : "",
    AuthPrincipalOwnerId: principal.accountId,
    NoPermissionType: decision.type,
    PolicyType: "AccountLevelIdentityBasedPolicy",
    ...(decision.policy ? { PolicyName: decision.policy } : {}),
  };
}
