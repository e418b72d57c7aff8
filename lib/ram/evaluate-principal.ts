import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import type { Decision } from "@/lib/ram/authorize";
import type { RequestConditions } from "@/lib/ram/evaluate/conditions";
import { evaluatePolicies, type Evaluation } from "@/lib/ram/evaluate/evaluate-policies";
import { normalizeIp } from "@/lib/ram/evaluate/ip-match";
import { effectivePolicies, type PrincipalRef } from "@/lib/ram/principal-policies";

/**
 * RAM's decision for a RAM identity's request: its policies in force, the request's own
 * condition keys plus the global ones every request carries — `acs:SourceIp` (the socket's
 * address), `acs:CurrentTime` (the emulator clock, ISO 8601) and `acs:SecureTransport`.
 */
export async function evaluatePrincipal(
  ctx: RequestContext,
  action: string,
  resourceArn: string,
  conditions: RequestConditions,
): Promise<Decision> {
  const principal = principalRef(ctx);
  if (!principal) return { effect: "Deny", type: "ImplicitDeny" };
  const evaluation = evaluatePolicies(await effectivePolicies(principal), {
    action,
    resourceArn,
    conditions: withGlobalConditions(ctx, conditions),
  });
  return toDecision(evaluation);
}

export function principalRef(ctx: RequestContext): PrincipalRef | undefined {
  const p = ctx.principal;
  if (p.kind === "user") return { type: "User", name: p.userName };
  if (p.kind === "role") return { type: "Role", name: p.roleName };
  return undefined;
}

export function withGlobalConditions(ctx: RequestContext, conditions: RequestConditions): RequestConditions {
  return {
    "acs:CurrentTime": [now().toISOString()],
    "acs:SecureTransport": [ctx.secureTransport ? "true" : "false"],
    ...(ctx.sourceIp ? { "acs:SourceIp": [normalizeIp(ctx.sourceIp)] } : {}),
    ...conditions,
  };
}

export function toDecision(evaluation: Evaluation): Decision {
  if (evaluation.effect === "Deny" && evaluation.type === "ImplicitDeny") return { effect: "Deny", type: "ImplicitDeny" };
  const deciding = {
    policyName: evaluation.policyName,
    policyType: evaluation.policyType,
    statementIndex: evaluation.statementIndex,
  };
  return evaluation.effect === "Allow" ? { effect: "Allow", ...deciding } : { effect: "Deny", type: "ExplicitDeny", ...deciding };
}
