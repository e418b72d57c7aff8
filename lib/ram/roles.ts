import { randomInt } from "node:crypto";
import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";

/**
 * The RAM role store (RamRole, RamRolePolicy). ECS needs `AliyunECSDiskEncryptDefaultRole` to
 * use a customer master key for disks (reference/ecs-kms-semantics.md): the console's "Go to
 * Authorize" → "Confirm Authorization Policy" creates it with `grantEcsDiskEncryptRole`. RAM's
 * own API (CreateRole, AttachPolicyToRole, …) comes in its issue, over this same store.
 */
export const ECS_DISK_ENCRYPT_ROLE = "AliyunECSDiskEncryptDefaultRole";
export const ECS_DISK_ENCRYPT_ROLE_POLICY = "AliyunECSDiskEncryptRolePolicy";
export const ECS_DISK_ENCRYPT_ROLE_DESCRIPTION =
  "ECS will use this role to access your resources in other services.";

/** The trust policy, exactly as Alibaba's service role has it. */
export const ECS_DISK_ENCRYPT_TRUST_POLICY = JSON.stringify({
  Statement: [
    { Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["ecs.aliyuncs.com"] } },
  ],
  Version: "1",
});

/**
 * What `AliyunECSDiskEncryptRolePolicy` allows here (the real document is not public;
 * ecs-kms-semantics.md "RAM"). RAM's policy store will serve it as a System policy.
 */
export const ECS_DISK_ENCRYPT_ROLE_POLICY_DOCUMENT = JSON.stringify({
  Version: "1",
  Statement: [
    {
      Effect: "Allow",
      Action: [
        "kms:Describe*",
        "kms:List*",
        "kms:TagResource",
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:GenerateDataKey*",
      ],
      Resource: ["*"],
    },
  ],
});

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
async function findRoleRow(name: string) {
  const { db } = getRuntime();
  const exact = await db.ramRole.findUnique({ where: { name }, include: { policies: true } });
  if (exact) return exact;
  const rows = await db.ramRole.findMany({ include: { policies: true } });
  return rows.find((row) => row.name.toLowerCase() === name.toLowerCase());
}

export async function hasRole(name: string): Promise<boolean> {
  return (await findRoleRow(name)) !== undefined;
}

export async function getRole(name: string): Promise<RoleView | undefined> {
  const row = await findRoleRow(name);
  if (!row) return undefined;
  return {
    roleName: row.name,
    roleId: row.roleId,
    arn: roleArn(row.name),
    description: row.description,
    assumeRolePolicyDocument: row.assumeRolePolicyDocument,
    maxSessionDuration: row.maxSessionDuration,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    policies: row.policies.map((p) => ({
      policyName: p.policyName,
      policyType: p.policyType,
      attachedAt: p.attachedAt,
    })),
  };
}

/**
 * Whether ECS can act through its disk-encryption role: the role exists, trusts
 * ecs.aliyuncs.com and has its System policy attached.
 */
export async function canEcsUseDiskEncryptRole(): Promise<boolean> {
  const role = await getRole(ECS_DISK_ENCRYPT_ROLE);
  if (!role) return false;
  const trustsEcs = role.assumeRolePolicyDocument.includes('"ecs.aliyuncs.com"');
  const attached = role.policies.some(
    (p) => p.policyType === "System" && p.policyName === ECS_DISK_ENCRYPT_ROLE_POLICY,
  );
  return trustsEcs && attached;
}

/** RAM role ids are 19 digits. */
function newRoleId(): string {
  return String(randomInt(1, 10)) + Array.from({ length: 18 }, () => randomInt(0, 10)).join("");
}

/**
 * Creates `AliyunECSDiskEncryptDefaultRole` with its trust policy and attaches
 * `AliyunECSDiskEncryptRolePolicy` (the console's "Confirm Authorization Policy"). Idempotent:
 * an existing role gets its policy attached if it lacks it. Audited as RAM CreateRole.
 */
export function grantEcsDiskEncryptRole(ctx: RequestContext): Promise<RoleView> {
  const arn = roleArn(ECS_DISK_ENCRYPT_ROLE);
  return operation(ctx, { service: "ram", action: "CreateRole", resourceArn: arn }, async () => {
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
      await tx.ramRolePolicy.upsert({
        where: {
          roleName_policyType_policyName: {
            roleName,
            policyType: "System",
            policyName: ECS_DISK_ENCRYPT_ROLE_POLICY,
          },
        },
        create: {
          roleName,
          policyType: "System",
          policyName: ECS_DISK_ENCRYPT_ROLE_POLICY,
          attachedAt: at,
        },
        update: {},
      });
    });
    return (await getRole(roleName))!;
  });
}

/** Deletes a role and its attachments (the store's primitive; RAM's DeleteRole adds its checks). */
export async function deleteRole(name: string): Promise<boolean> {
  const row = await findRoleRow(name);
  if (!row) return false;
  await getRuntime().db.ramRole.delete({ where: { name: row.name } });
  return true;
}
