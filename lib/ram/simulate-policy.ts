import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { operation } from "@/lib/service/operation";
import { ramResourceArn } from "@/lib/ram/arns";
import { ramErrors } from "@/lib/ram/errors";
import type { RequestConditions } from "@/lib/ram/evaluate/conditions";
import { evaluatePolicies } from "@/lib/ram/evaluate/evaluate-policies";
import type { PolicyStatement } from "@/lib/ram/evaluate/policy-document";
import { effectivePolicies } from "@/lib/ram/principal-policies";
import { findGroupRow } from "@/lib/ram/groups";
import { findRoleRow, roleArn } from "@/lib/ram/roles";
import { findUserRow } from "@/lib/ram/users";

/**
 * The console's policy simulator: what RAM would decide for a user, group or role asking for
 * `action` on `resourceArn` with the given condition values, and which statement decided. It
 * reads the principal's policies, so it is authorized — and audited — as RAM's
 * `ListPoliciesForUser` / `ListPoliciesForGroup` / `ListPoliciesForRole` on that principal.
 * `acs:CurrentTime` defaults to the emulator clock; other keys are present only when given.
 */
export type SimulationInput = {
  principal: { type: "user" | "group" | "role"; name: string };
  action: string;
  resourceArn: string;
  conditions?: RequestConditions;
};

export type SimulationResult = {
  effect: "Allow" | "Deny";
  type?: "ExplicitDeny" | "ImplicitDeny";
  policyName?: string;
  policyType?: "System" | "Custom";
  /** 0-based index of the deciding statement in the policy's default version. */
  statementIndex?: number;
  statement?: PolicyStatement;
  /** The group through which a user got the deciding policy, when not attached to the user. */
  viaGroup?: string;
};

const TYPES = {
  user: { entity: "User", resource: "user" },
  group: { entity: "Group", resource: "group" },
  role: { entity: "Role", resource: "role" },
} as const;

export function simulatePolicy(ctx: RequestContext, input: SimulationInput): Promise<SimulationResult> {
  const type = TYPES[input.principal.type];
  const spec = {
    service: "ram" as const,
    action: `ListPoliciesFor${type.entity}`,
    resourceArn: ramResourceArn(type.resource, input.principal.name),
  };
  return operation(ctx, spec, async () => {
    const name = await storedName(input.principal.type, input.principal.name);
    const policies = await effectivePolicies({ type: type.entity, name });
    const evaluation = evaluatePolicies(policies, {
      action: input.action,
      resourceArn: input.resourceArn,
      conditions: { "acs:CurrentTime": [now().toISOString()], ...input.conditions },
    });
    if (evaluation.effect === "Deny" && evaluation.type === "ImplicitDeny") return { effect: "Deny", type: "ImplicitDeny" };
    return {
      effect: evaluation.effect,
      ...(evaluation.effect === "Deny" ? { type: evaluation.type } : {}),
      policyName: evaluation.policyName,
      policyType: evaluation.policyType,
      statementIndex: evaluation.statementIndex,
      statement: evaluation.statement,
      ...(evaluation.via?.type === "Group" && input.principal.type === "user" ? { viaGroup: evaluation.via.name } : {}),
    };
  });
}

async function storedName(type: SimulationInput["principal"]["type"], name: string): Promise<string> {
  if (type === "user") {
    const row = await findUserRow(name);
    if (!row) throw ramErrors.userNotFound();
    return row.name;
  }
  if (type === "group") {
    const row = await findGroupRow(name);
    if (!row) throw ramErrors.groupNotFound();
    return row.name;
  }
  const row = await findRoleRow(name);
  if (!row) throw ramErrors.roleNotFound(roleArn(name));
  return row.name;
}
