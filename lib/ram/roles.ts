import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import type { Tx } from "@/lib/db/client";
import { operation } from "@/lib/service/operation";
import { ramResourceArn } from "@/lib/ram/arns";
import { numericId } from "@/lib/ram/names";
import { forgetPrincipalPolicies } from "@/lib/ram/principal-policies";
import {
  ECS_DISK_ENCRYPT_ROLE,
  ECS_DISK_ENCRYPT_ROLE_DESCRIPTION,
  ECS_DISK_ENCRYPT_ROLE_POLICY,
  ECS_DISK_ENCRYPT_TRUST_POLICY,
} from "@/lib/ram/ecs-disk-encrypt-role";

/**
 * The RAM role store (RamRole; its policies are RamPolicyAttachment rows of type Role). ECS
 * reads it to know whether it may use customer master keys for disks; the console's grant
 * (`grantEcsDiskEncryptRole`) and RAM's CreateRole / DeleteRole (lib/ram/manage-roles.ts)
 * write it.
 */
export type RoleView = {
  roleName: string;
  roleId: string;
  arn: string;
  description: string;
  assumeRolePolicyDocument: string;
  maxSessionDuration: number;
  createdAt: Date;
  updatedAt: Date;
  policies: { policyName: string; policyType: string; attachedAt: Date }[];
};

/** RAM ARNs name roles in lower case: `acs:ram::<account>:role/aliyunecsdiskencryptdefaultrole`. */
export function roleArn(roleName: string): string {
  return `acs:ram::${getRuntime().accountId}:role/${roleName.toLowerCase()}`;
}

/** Role names are case-insensitive in RAM; the stored name keeps its spelling. */
export async function findRoleRow(name: string, tx?: Tx) {
  const db = tx ?? getRuntime().db;
  const exact = await db.ramRole.findUnique({ where: { name } });
  if (exact) return exact;
  const rows = await db.ramRole.findMany();
  return rows.find((row) => row.name.toLowerCase() === name.toLowerCase());
}

export async function hasRole(name: string): Promise<boolean> {
  return (await findRoleRow(name)) !== undefined;
}

export async function findRole(name: string): Promise<RoleView | undefined> {
  const row = await findRoleRow(name);
  if (!row) return undefined;
  const policies = await getRuntime().db.ramPolicyAttachment.findMany({
    where: { principalType: "Role", principalName: row.name },
    orderBy: [{ attachedAt: "asc" }, { policyType: "asc" }, { policyName: "asc" }],
  });
  return {
    roleName: row.name,
    roleId: row.roleId,
    arn: roleArn(row.name),
    description: row.description,
    assumeRolePolicyDocument: row.assumeRolePolicyDocument,
    maxSessionDuration: row.maxSessionDuration,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    policies: policies.map((p) => ({ policyName: p.policyName, policyType: p.policyType, attachedAt: p.attachedAt })),
  };
}

/**
 * Whether ECS can act through its disk-encryption role: the role exists, trusts
 * ecs.aliyuncs.com and has its System policy attached.
 */
export async function canEcsUseDiskEncryptRole(): Promise<boolean> {
  const role = await findRole(ECS_DISK_ENCRYPT_ROLE);
  if (!role) return false;
  const trustsEcs = role.assumeRolePolicyDocument.includes('"ecs.aliyuncs.com"');
  const attached = role.policies.some(
    (p) => p.policyType === "System" && p.policyName === ECS_DISK_ENCRYPT_ROLE_POLICY,
  );
  return trustsEcs && attached;
}

/** RAM role ids are 19 digits. */
export const newRoleId = () => numericId(19);

/**
 * Attaches `AliyunECSDiskEncryptRolePolicy` to the disk-encryption role if it lacks it: the
 * service role comes with its policy, whether the console grants it or RAM CreateRole makes it.
 */
export async function attachEcsDiskEncryptPolicy(tx: Tx, roleName: string, at: Date): Promise<void> {
  const key = { principalType: "Role", principalName: roleName, policyType: "System", policyName: ECS_DISK_ENCRYPT_ROLE_POLICY };
  await tx.ramPolicyAttachment.upsert({
    where: { principalType_principalName_policyType_policyName: key },
    create: { ...key, attachedAt: at },
    update: {},
  });
}

/**
 * Creates `AliyunECSDiskEncryptDefaultRole` with its trust policy and attaches
 * `AliyunECSDiskEncryptRolePolicy` (the console's "Confirm Authorization Policy"). Idempotent:
 * an existing role gets its policy attached if it lacks it. Audited as RAM CreateRole.
 */
export function grantEcsDiskEncryptRole(ctx: RequestContext): Promise<RoleView> {
  const resourceArn = ramResourceArn("role", ECS_DISK_ENCRYPT_ROLE);
  return operation(ctx, { service: "ram", action: "CreateRole", resourceArn }, async () => {
    const at = now();
    const existing = await findRoleRow(ECS_DISK_ENCRYPT_ROLE);
    const roleName = existing?.name ?? ECS_DISK_ENCRYPT_ROLE;
    await getRuntime().db.$transaction(async (tx) => {
      if (!existing) {
        await tx.ramRole.create({
          data: {
            name: roleName,
            roleId: newRoleId(),
            description: ECS_DISK_ENCRYPT_ROLE_DESCRIPTION,
            assumeRolePolicyDocument: ECS_DISK_ENCRYPT_TRUST_POLICY,
            createdAt: at,
            updatedAt: at,
          },
        });
      }
      await attachEcsDiskEncryptPolicy(tx, roleName, at);
    });
    forgetPrincipalPolicies();
    return (await findRole(roleName))!;
  });
}

/** Deletes a role and its attachments (the store's primitive; RAM's DeleteRole adds its checks). */
export async function removeRole(name: string): Promise<boolean> {
  const row = await findRoleRow(name);
  if (!row) return false;
  await getRuntime().db.$transaction([
    getRuntime().db.ramPolicyAttachment.deleteMany({ where: { principalType: "Role", principalName: row.name } }),
    getRuntime().db.ramRole.delete({ where: { name: row.name } }),
  ]);
  forgetPrincipalPolicies();
  return true;
}
