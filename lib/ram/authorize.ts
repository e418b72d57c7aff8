import { AppError } from "@/lib/errors";
import type { Principal, RequestContext } from "@/lib/context";
import type { RequestConditions } from "@/lib/ram/evaluate/conditions";
import { evaluatePrincipal } from "@/lib/ram/evaluate-principal";
import { encodeDiagnosticMessage } from "@/lib/ram/diagnostic-message";

export type { RequestConditions };

/** Which policy statement decided (absent for the root account and for an implicit deny). */
export type DecidingPolicy = { policyName?: string; policyType?: "System" | "Custom"; statementIndex?: number };

export type Decision =
  | ({ effect: "Allow" } & DecidingPolicy)
  | ({ effect: "Deny"; type: "ImplicitDeny" | "ExplicitDeny" } & DecidingPolicy);

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
 * only by an Allow in its policies (its own and its groups') and no Deny. Called inside every
 * service right after input validation, before any resource lookup.
 */
export async function authorize(
  ctx: RequestContext,
  action: string,
  resourceArn: string,
  conditions: RequestConditions = {},
): Promise<void> {
  const decision = await decide(ctx, action, resourceArn, conditions);
  if (decision.effect === "Allow") return;
  throw accessDenied(ctx, action, resourceArn, decision, conditions);
}

/** The 403 of a denied request: the product's code and an AccessDeniedDetail naming the deciding policy. */
export function accessDenied(
  ctx: RequestContext,
  action: string,
  resourceArn: string,
  decision: Extract<Decision, { effect: "Deny" }>,
  conditions: RequestConditions = {},
): AppError {
  const service = action.split(":")[0].toLowerCase();
  const denial = DENIALS[service] ?? DENIALS.ecs;
  return new AppError(denial.code, denial.message(action, resourceArn), 403, {
    AccessDeniedDetail: accessDeniedDetail(ctx.principal, action, resourceArn, conditions, decision),
  });
}

export async function decide(
  ctx: RequestContext,
  action: string,
  resourceArn: string,
  conditions: RequestConditions,
): Promise<Decision> {
  if (ctx.principal.kind === "root" || ctx.principal.kind === "service") return { effect: "Allow" };
  const evaluate = policyEvaluator.current ?? evaluatePrincipal;
  return evaluate(ctx, action, resourceArn, conditions);
}

/** Tests may put a fixed evaluator here; otherwise RAM's (lib/ram/evaluate-principal.ts) decides. */
export const policyEvaluator: {
  current?: (ctx: RequestContext, action: string, resourceArn: string, conditions: RequestConditions) => Promise<Decision>;
} = {};

function accessDeniedDetail(
  principal: Principal,
  action: string,
  resourceArn: string,
  conditions: RequestConditions,
  decision: Extract<Decision, { effect: "Deny" }>,
) {
  const detail = {
    AuthAction: action,
    AuthPrincipalType: principal.kind === "role" ? "AssumedRoleUser" : "SubUser",
    AuthPrincipalDisplayName:
      principal.kind === "user" ? principal.userName : principal.kind === "role" ? `${principal.roleName}:${principal.sessionName}` : "",
    AuthPrincipalOwnerId: principal.accountId,
    NoPermissionType: decision.type,
    PolicyType: "AccountLevelIdentityBasedPolicy",
  };
  return {
    ...detail,
    // DiskSeal's additions: which policy and statement denied (absent for an implicit deny).
    ...(decision.policyName ? { PolicyName: decision.policyName, PolicySourceType: decision.policyType } : {}),
    ...(decision.statementIndex !== undefined ? { StatementIndex: decision.statementIndex } : {}),
    EncodedDiagnosticMessage: encodeDiagnosticMessage({ ...detail, resourceArn, conditions, decision }),
  };
}
