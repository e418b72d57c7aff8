import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { ramResourceArn } from "@/lib/ram/arns";
import { ramErrors } from "@/lib/ram/errors";
import { checkLength, checkName, RAM_LIMITS } from "@/lib/ram/names";
import { markerPage, type MarkerInput, type MarkerPage } from "@/lib/ram/paging";
import { forgetPrincipalPolicies } from "@/lib/ram/principal-policies";
import { checkPolicyDocument, checkPolicyType, getPolicyNameOrThrow, type PolicyType } from "@/lib/ram/policy-documents";
import { findSystemPolicy, SYSTEM_POLICIES, SYSTEM_POLICY_CREATED_AT } from "@/lib/ram/system-policies";

/**
 * Policies: the System ones (data, lib/ram/system-policies.ts) and custom ones — CreatePolicy,
 * GetPolicy, ListPolicies, UpdatePolicyDescription, DeletePolicy. Versions are in
 * policy-versions.ts, attachments in attachments.ts.
 */
export type PolicyView = {
  policyName: string;
  policyType: PolicyType;
  description: string;
  defaultVersion: string;
  attachmentCount: number;
  createdAt: Date;
  updatedAt: Date;
};

export type PolicyVersionView = { versionId: string; isDefaultVersion: boolean; policyDocument: string; createdAt: Date };

/** The resource RAM authorizes policy actions on; System policies are `system:policy/<name>`. */
export function policyResourceArn(type: PolicyType | undefined, name = "*"): string {
  return type === "System" ? `acs:ram:*:system:policy/${name}` : ramResourceArn("policy", name);
}

async function attachmentCounts(type: PolicyType): Promise<Map<string, number>> {
  const rows = await getRuntime().db.ramPolicyAttachment.groupBy({
    by: ["policyName"],
    where: { policyType: type },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.policyName, row._count._all]));
}

/** Every policy of a type, as RAM lists them: System first (by name), then custom (by creation). */
export async function policyViews(type?: PolicyType): Promise<PolicyView[]> {
  const views: PolicyView[] = [];
  if (type !== "Custom") {
    const counts = await attachmentCounts("System");
    for (const p of SYSTEM_POLICIES) {
      views.push({
        policyName: p.policyName,
        policyType: "System",
        description: p.description,
        defaultVersion: p.defaultVersion,
        attachmentCount: counts.get(p.policyName) ?? 0,
        createdAt: SYSTEM_POLICY_CREATED_AT,
        updatedAt: SYSTEM_POLICY_CREATED_AT,
      });
    }
  }
  if (type !== "System") {
    const counts = await attachmentCounts("Custom");
    const rows = await getRuntime().db.ramPolicy.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
    for (const row of rows) {
      views.push({
        policyName: row.name,
        policyType: "Custom",
        description: row.description,
        defaultVersion: row.defaultVersion,
        attachmentCount: counts.get(row.name) ?? 0,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      });
    }
  }
  return views;
}

export async function policyViewOrThrow(type: PolicyType, name: string): Promise<PolicyView> {
  const stored = await getPolicyNameOrThrow(type, name);
  return (await policyViews(type)).find((p) => p.policyName === stored)!;
}

export function createPolicy(
  ctx: RequestContext,
  input: { policyName: string; policyDocument: string; description?: string },
): Promise<PolicyView> {
  checkName("PolicyName", input.policyName);
  checkLength("Description", input.description, RAM_LIMITS.description.max);
  checkPolicyDocument(input.policyDocument);
  return operation(ctx, { service: "ram", action: "CreatePolicy", resourceArn: policyResourceArn("Custom", input.policyName) }, async () => {
    const { db } = getRuntime();
    const existing = await db.ramPolicy.findMany({ select: { name: true } });
    if (existing.some((p) => p.name.toLowerCase() === input.policyName.toLowerCase())) throw ramErrors.policyExists();
    const at = now();
    await db.ramPolicy.create({
      data: {
        name: input.policyName,
        description: input.description ?? "",
        defaultVersion: "v1",
        nextVersion: 2,
        createdAt: at,
        updatedAt: at,
        versions: { create: { versionId: "v1", document: input.policyDocument, createdAt: at } },
      },
    });
    return policyViewOrThrow("Custom", input.policyName);
  });
}

export function getPolicy(
  ctx: RequestContext,
  input: { policyType: string; policyName: string },
): Promise<{ policy: PolicyView; defaultVersion: PolicyVersionView }> {
  const type = checkPolicyType(input.policyType);
  return operation(ctx, { service: "ram", action: "GetPolicy", resourceArn: policyResourceArn(type, input.policyName) }, async () => {
    const policy = await policyViewOrThrow(type, input.policyName);
    const document =
      type === "System"
        ? findSystemPolicy(policy.policyName)!.document
        : (await getRuntime().db.ramPolicyVersion.findUniqueOrThrow({
            where: { policyName_versionId: { policyName: policy.policyName, versionId: policy.defaultVersion } },
          })).document;
    return {
      policy,
      defaultVersion: { versionId: policy.defaultVersion, isDefaultVersion: true, policyDocument: document, createdAt: policy.updatedAt },
    };
  });
}

export function listPolicies(ctx: RequestContext, input: { policyType?: string } & MarkerInput = {}): Promise<MarkerPage<PolicyView>> {
  const type = input.policyType === undefined ? undefined : checkPolicyType(input.policyType);
  return operation(ctx, { service: "ram", action: "ListPolicies", resourceArn: policyResourceArn(type) }, async () =>
    markerPage(await policyViews(type), input),
  );
}

export function updatePolicyDescription(
  ctx: RequestContext,
  input: { policyName: string; newDescription: string },
): Promise<PolicyView> {
  checkLength("NewDescription", input.newDescription, RAM_LIMITS.description.max);
  return operation(ctx, { service: "ram", action: "UpdatePolicyDescription", resourceArn: policyResourceArn("Custom", input.policyName) }, async () => {
    const name = await getPolicyNameOrThrow("Custom", input.policyName);
    await getRuntime().db.ramPolicy.update({ where: { name }, data: { description: input.newDescription, updatedAt: now() } });
    return policyViewOrThrow("Custom", name);
  });
}

/**
 * DeletePolicy. Without CascadingDelete it is refused while the policy is attached
 * (DeleteConflict.Policy.User / Group / Role) or has versions besides the default; with it, the
 * policy is detached from everything and deleted with all its versions.
 */
export function deletePolicy(ctx: RequestContext, input: { policyName: string; cascadingDelete?: boolean }): Promise<void> {
  return operation(ctx, { service: "ram", action: "DeletePolicy", resourceArn: policyResourceArn("Custom", input.policyName) }, async () => {
    const name = await getPolicyNameOrThrow("Custom", input.policyName);
    const { db } = getRuntime();
    const where = { policyType: "Custom", policyName: name };
    if (!input.cascadingDelete) {
      const attachments = await db.ramPolicyAttachment.findMany({ where, select: { principalType: true } });
      for (const to of ["User", "Group", "Role"] as const) {
        if (attachments.some((a) => a.principalType === to)) throw ramErrors.policyAttached(to);
      }
      if ((await db.ramPolicyVersion.count({ where: { policyName: name } })) > 1) throw ramErrors.policyHasVersions();
    }
    await db.$transaction([
      db.ramPolicyAttachment.deleteMany({ where }),
      db.ramPolicyVersion.deleteMany({ where: { policyName: name } }),
      db.ramPolicy.delete({ where: { name } }),
    ]);
    forgetPrincipalPolicies();
  });
}
