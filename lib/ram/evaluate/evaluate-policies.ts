import { conditionsHold, type RequestConditions } from "./conditions";
import type { PolicyDocument, PolicyStatement } from "./policy-document";
import { matchesWildcard } from "./wildcard";

/** A policy in force for a principal: attached to it, or to one of its groups (`via`). */
export type EffectivePolicy = {
  policyName: string;
  policyType: "System" | "Custom";
  document: PolicyDocument;
  via?: { type: "User" | "Group" | "Role"; name: string };
};

export type EvaluationRequest = {
  /** `<service>:<Api>`, e.g. "ecs:CreateDisk". */
  action: string;
  resourceArn: string;
  conditions: RequestConditions;
};

/** The statement that decided, so a denial can name it. `statementIndex` is 0-based. */
export type DecidingStatement = {
  policyName: string;
  policyType: "System" | "Custom";
  statementIndex: number;
  statement: PolicyStatement;
  via?: EffectivePolicy["via"];
};

export type Evaluation =
  | ({ effect: "Allow" } & DecidingStatement)
  | ({ effect: "Deny"; type: "ExplicitDeny" } & DecidingStatement)
  | { effect: "Deny"; type: "ImplicitDeny" };

/**
 * RAM's decision: an explicit Deny in any policy wins; otherwise an Allow allows; otherwise
 * the request is implicitly denied. The first matching statement (policy order, then statement
 * order) is the one reported.
 */
export function evaluatePolicies(policies: readonly EffectivePolicy[], request: EvaluationRequest): Evaluation {
  let allow: DecidingStatement | undefined;
  for (const policy of policies) {
    for (const [statementIndex, statement] of policy.document.Statement.entries()) {
      if (statement.Effect === "Allow" && allow) continue;
      if (!statementMatches(statement, request)) continue;
      const deciding: DecidingStatement = {
        policyName: policy.policyName,
        policyType: policy.policyType,
        statementIndex,
        statement,
        ...(policy.via ? { via: policy.via } : {}),
      };
      if (statement.Effect === "Deny") return { effect: "Deny", type: "ExplicitDeny", ...deciding };
      allow = deciding;
    }
  }
  return allow ? { effect: "Allow", ...allow } : { effect: "Deny", type: "ImplicitDeny" };
}

export function statementMatches(statement: PolicyStatement, request: EvaluationRequest): boolean {
  const actionMatches = statement.Action
    ? statement.Action.some((p) => matchesWildcard(p, request.action, true))
    : !statement.NotAction!.some((p) => matchesWildcard(p, request.action, true));
  if (!actionMatches) return false;
  const resourceMatches = statement.Resource
    ? statement.Resource.some((p) => matchesWildcard(p, request.resourceArn))
    : !statement.NotResource!.some((p) => matchesWildcard(p, request.resourceArn));
  if (!resourceMatches) return false;
  return conditionsHold(statement.Condition, request.conditions);
}
