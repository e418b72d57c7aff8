import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { ramResourceArn } from "@/lib/ram/arns";
import { ramErrors } from "@/lib/ram/errors";
import { checkLength, checkName, RAM_LIMITS } from "@/lib/ram/names";
import { markerPage, type MarkerInput, type MarkerPage } from "@/lib/ram/paging";
import { forgetPrincipalPolicies } from "@/lib/ram/principal-policies";
import { ECS_DISK_ENCRYPT_ROLE } from "@/lib/ram/ecs-disk-encrypt-role";
import { attachEcsDiskEncryptPolicy, findRole, findRoleRow, newRoleId, roleArn, type RoleView } from "@/lib/ram/roles";
import { trustPolicyProblem } from "@/lib/ram/trust-policy";

/**
 * RAM's role API over the role store: CreateRole, GetRole, ListRoles, UpdateRole, DeleteRole.
 * Creating `AliyunECSDiskEncryptDefaultRole` is the console's grant (the service role comes
 * with AliyunECSDiskEncryptRolePolicy attached); DeleteRole — refused while policies are
 * attached, as RAM does — takes it away, and ECS's use of CMKs fails with KMSUnauthorized again.
 */
export type CreateRoleInput = {
  roleName: string;
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration?: number;
};

export type UpdateRoleInput = {
  roleName: string;
  newAssumeRolePolicyDocument?: string;
  newDescription?: string;
  newMaxSessionDuration?: number;
};

function checkTrustPolicy(parameter: string, text: string | undefined): void {
  if (text === undefined) return;
  if (text.length === 0 || text.length > RAM_LIMITS.assumeRolePolicyDocument.max) throw ramErrors.tooLong(parameter);
  const problem = trustPolicyProblem(text);
  if (problem) throw ramErrors.malformedPolicy(problem);
}

function checkSessionDuration(parameter: string, value: number | undefined): void {
  const { min, max } = RAM_LIMITS.maxSessionDuration;
  if (value !== undefined && (value < min || value > max)) {
    throw ramErrors.badFormat(parameter);
  }
}

async function getRoleOrThrow(name: string): Promise<RoleView> {
  const role = await findRole(name);
  if (!role) throw ramErrors.roleNotFound(roleArn(name));
  return role;
}

export function createRole(ctx: RequestContext, input: CreateRoleInput): Promise<RoleView> {
  checkName("RoleName", input.roleName);
  checkTrustPolicy("AssumeRolePolicyDocument", input.assumeRolePolicyDocument);
  checkLength("Description", input.description, RAM_LIMITS.description.max);
  checkSessionDuration("MaxSessionDuration", input.maxSessionDuration);
  return operation(ctx, { service: "ram", action: "CreateRole", resourceArn: ramResourceArn("role", input.roleName) }, async () => {
    if (await findRoleRow(input.roleName)) throw ramErrors.roleExists();
    const at = now();
    await getRuntime().db.$transaction(async (tx) => {
      await tx.ramRole.create({
        data: {
          name: input.roleName,
          roleId: newRoleId(),
          description: input.description ?? "",
          assumeRolePolicyDocument: input.assumeRolePolicyDocument,
          maxSessionDuration: input.maxSessionDuration ?? RAM_LIMITS.maxSessionDuration.default,
          createdAt: at,
          updatedAt: at,
        },
      });
      if (input.roleName.toLowerCase() === ECS_DISK_ENCRYPT_ROLE.toLowerCase()) {
        await attachEcsDiskEncryptPolicy(tx, input.roleName, at);
      }
    });
    forgetPrincipalPolicies();
    return getRoleOrThrow(input.roleName);
  });
}

export function getRole(ctx: RequestContext, input: { roleName: string }): Promise<RoleView> {
  return operation(ctx, { service: "ram", action: "GetRole", resourceArn: ramResourceArn("role", input.roleName) }, () =>
    getRoleOrThrow(input.roleName),
  );
}

export function listRoles(ctx: RequestContext, input: MarkerInput = {}): Promise<MarkerPage<RoleView>> {
  return operation(ctx, { service: "ram", action: "ListRoles", resourceArn: ramResourceArn("role") }, async () => {
    const rows = await getRuntime().db.ramRole.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }], select: { name: true } });
    const roles = await Promise.all(rows.map((row) => getRoleOrThrow(row.name)));
    return markerPage(roles, input);
  });
}

export function updateRole(ctx: RequestContext, input: UpdateRoleInput): Promise<RoleView> {
  checkTrustPolicy("NewAssumeRolePolicyDocument", input.newAssumeRolePolicyDocument);
  checkLength("NewDescription", input.newDescription, RAM_LIMITS.description.max);
  checkSessionDuration("NewMaxSessionDuration", input.newMaxSessionDuration);
  return operation(ctx, { service: "ram", action: "UpdateRole", resourceArn: ramResourceArn("role", input.roleName) }, async () => {
    const role = await getRoleOrThrow(input.roleName);
    await getRuntime().db.ramRole.update({
      where: { name: role.roleName },
      data: {
        ...(input.newAssumeRolePolicyDocument !== undefined ? { assumeRolePolicyDocument: input.newAssumeRolePolicyDocument } : {}),
        ...(input.newDescription !== undefined ? { description: input.newDescription } : {}),
        ...(input.newMaxSessionDuration !== undefined ? { maxSessionDuration: input.newMaxSessionDuration } : {}),
        updatedAt: now(),
      },
    });
    return getRoleOrThrow(role.roleName);
  });
}

export function deleteRole(ctx: RequestContext, input: { roleName: string }): Promise<void> {
  return operation(ctx, { service: "ram", action: "DeleteRole", resourceArn: ramResourceArn("role", input.roleName) }, async () => {
    const role = await getRoleOrThrow(input.roleName);
    if (role.policies.length > 0) throw ramErrors.roleHasPolicies();
    await getRuntime().db.ramRole.delete({ where: { name: role.roleName } });
    forgetPrincipalPolicies();
  });
}
