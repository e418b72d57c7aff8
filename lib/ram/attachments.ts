import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { ramResourceArn } from "@/lib/ram/arns";
import { ramErrors } from "@/lib/ram/errors";
import { forgetPrincipalPolicies } from "@/lib/ram/principal-policies";
import { checkPolicyType, getPolicyNameOrThrow } from "@/lib/ram/policy-documents";
import { policyResourceArn, policyViews, type PolicyView } from "@/lib/ram/policies";
import { findGroupRow } from "@/lib/ram/groups";
import { findRoleRow, roleArn } from "@/lib/ram/roles";
import { findUserRow } from "@/lib/ram/users";

/**
 * Policies attached to users, groups and roles — one table (RamPolicyAttachment) for all three:
 * AttachPolicyToUser / Group / Role, DetachPolicyFromUser / Group / Role, ListPoliciesForUser /
 * Group / Role, ListEntitiesForPolicy. The role store's ECS disk-encryption grant is a row here.
 */
export type PrincipalType = "User" | "Group" | "Role";
export type AttachmentInput = { principalType: PrincipalType; principalName: string; policyType: string; policyName: string };
export type AttachedPolicyView = Pick<PolicyView, "policyName" | "policyType" | "description" | "defaultVersion"> & { attachDate: Date };

const RESOURCE_TYPE = { User: "user", Group: "group", Role: "role" } as const;
const ACTION_SUFFIX = { User: "User", Group: "Group", Role: "Role" } as const;

/** The principal's stored name, or its not-found error. */
async function principalNameOrThrow(type: PrincipalType, name: string): Promise<string> {
  if (type === "User") return (await findUserRow(name))?.name ?? throwing(ramErrors.userNotFound());
  if (type === "Group") return (await findGroupRow(name))?.name ?? throwing(ramErrors.groupNotFound());
  return (await findRoleRow(name))?.name ?? throwing(ramErrors.roleNotFound(roleArn(name)));
}

function throwing(error: Error): never {
  throw error;
}

const ALREADY = { User: ramErrors.userPolicyAttached, Group: ramErrors.groupPolicyAttached, Role: ramErrors.rolePolicyAttached };
const NOT_ATTACHED = { User: ramErrors.userPolicyNotAttached, Group: ramErrors.groupPolicyNotAttached, Role: ramErrors.rolePolicyNotAttached };

function attachmentKey(type: PrincipalType, principalName: string, policyType: string, policyName: string) {
  return { principalType_principalName_policyType_policyName: { principalType: type, principalName, policyType, policyName } };
}

export function attachPolicy(ctx: RequestContext, input: AttachmentInput): Promise<void> {
  const policyType = checkPolicyType(input.policyType);
  const spec = {
    service: "ram" as const,
    action: `AttachPolicyTo${ACTION_SUFFIX[input.principalType]}`,
    resourceArn: ramResourceArn(RESOURCE_TYPE[input.principalType], input.principalName),
  };
  return operation(ctx, spec, async () => {
    const policyName = await getPolicyNameOrThrow(policyType, input.policyName);
    const principalName = await principalNameOrThrow(input.principalType, input.principalName);
    const { db } = getRuntime();
    const where = attachmentKey(input.principalType, principalName, policyType, policyName);
    if (await db.ramPolicyAttachment.findUnique({ where })) throw ALREADY[input.principalType]();
    await db.ramPolicyAttachment.create({
      data: { principalType: input.principalType, principalName, policyType, policyName, attachedAt: now() },
    });
    forgetPrincipalPolicies();
  });
}

export function detachPolicy(ctx: RequestContext, input: AttachmentInput): Promise<void> {
  const policyType = checkPolicyType(input.policyType);
  const spec = {
    service: "ram" as const,
    action: `DetachPolicyFrom${ACTION_SUFFIX[input.principalType]}`,
    resourceArn: ramResourceArn(RESOURCE_TYPE[input.principalType], input.principalName),
  };
  return operation(ctx, spec, async () => {
    const policyName = await getPolicyNameOrThrow(policyType, input.policyName);
    const principalName = await principalNameOrThrow(input.principalType, input.principalName);
    const { db } = getRuntime();
    const where = attachmentKey(input.principalType, principalName, policyType, policyName);
    if (!(await db.ramPolicyAttachment.findUnique({ where }))) throw NOT_ATTACHED[input.principalType]();
    await db.ramPolicyAttachment.delete({ where });
    forgetPrincipalPolicies();
  });
}

export function listPoliciesFor(
  ctx: RequestContext,
  input: { principalType: PrincipalType; principalName: string },
): Promise<AttachedPolicyView[]> {
  const spec = {
    service: "ram" as const,
    action: `ListPoliciesFor${ACTION_SUFFIX[input.principalType]}`,
    resourceArn: ramResourceArn(RESOURCE_TYPE[input.principalType], input.principalName),
  };
  return operation(ctx, spec, async () => {
    const principalName = await principalNameOrThrow(input.principalType, input.principalName);
    const rows = await getRuntime().db.ramPolicyAttachment.findMany({
      where: { principalType: input.principalType, principalName },
      orderBy: [{ attachedAt: "asc" }, { policyType: "asc" }, { policyName: "asc" }],
    });
    const views = await policyViews();
    return rows.flatMap((row) => {
      const view = views.find((v) => v.policyType === row.policyType && v.policyName === row.policyName);
      return view
        ? [{ policyName: view.policyName, policyType: view.policyType, description: view.description, defaultVersion: view.defaultVersion, attachDate: row.attachedAt }]
        : [];
    });
  });
}

export type PolicyEntities = {
  users: { userName: string; displayName: string; userId: string; attachDate: Date }[];
  groups: { groupName: string; comments: string; attachDate: Date }[];
  roles: { roleName: string; roleId: string; arn: string; description: string; attachDate: Date }[];
};

export function listEntitiesForPolicy(ctx: RequestContext, input: { policyType: string; policyName: string }): Promise<PolicyEntities> {
  const policyType = checkPolicyType(input.policyType);
  const spec = { service: "ram" as const, action: "ListEntitiesForPolicy", resourceArn: policyResourceArn(policyType, input.policyName) };
  return operation(ctx, spec, async () => {
    const policyName = await getPolicyNameOrThrow(policyType, input.policyName);
    const { db } = getRuntime();
    const rows = await db.ramPolicyAttachment.findMany({ where: { policyType, policyName }, orderBy: [{ attachedAt: "asc" }, { policyType: "asc" }, { policyName: "asc" }] });
    const named = (type: PrincipalType) => rows.filter((r) => r.principalType === type);
    const users = await db.ramUser.findMany({ where: { name: { in: named("User").map((r) => r.principalName) } } });
    const groups = await db.ramGroup.findMany({ where: { name: { in: named("Group").map((r) => r.principalName) } } });
    const roles = await db.ramRole.findMany({ where: { name: { in: named("Role").map((r) => r.principalName) } } });
    return {
      users: named("User").flatMap((r) => {
        const u = users.find((x) => x.name === r.principalName);
        return u ? [{ userName: u.name, displayName: u.displayName, userId: u.userId, attachDate: r.attachedAt }] : [];
      }),
      groups: named("Group").flatMap((r) => {
        const g = groups.find((x) => x.name === r.principalName);
        return g ? [{ groupName: g.name, comments: g.comments, attachDate: r.attachedAt }] : [];
      }),
      roles: named("Role").flatMap((r) => {
        const role = roles.find((x) => x.name === r.principalName);
        return role
          ? [{ roleName: role.name, roleId: role.roleId, arn: roleArn(role.name), description: role.description, attachDate: r.attachedAt }]
          : [];
      }),
    };
  });
}
