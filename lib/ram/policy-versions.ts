import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { ramErrors } from "@/lib/ram/errors";
import { RAM_LIMITS } from "@/lib/ram/names";
import { forgetPrincipalPolicies } from "@/lib/ram/principal-policies";
import { checkPolicyDocument, checkPolicyType, getPolicyNameOrThrow } from "@/lib/ram/policy-documents";
import { policyResourceArn, type PolicyVersionView } from "@/lib/ram/policies";
import { findSystemPolicy, SYSTEM_POLICY_CREATED_AT } from "@/lib/ram/system-policies";

/**
 * A custom policy's versions: at most 5, one of them the default (the one in force).
 * CreatePolicyVersion (SetAsDefault, RotateStrategy), GetPolicyVersion, ListPolicyVersions,
 * SetDefaultPolicyVersion, DeletePolicyVersion. Version ids are never reused.
 */
export type RotateStrategy = "None" | "DeleteOldestNonDefaultVersionWhenLimitExceeded";

function checkVersionId(versionId: string): string {
  if (!/^v[1-9]\d{0,8}$/.test(versionId)) throw ramErrors.versionIdFormat();
  return versionId;
}

async function customVersions(policyName: string) {
  const { db } = getRuntime();
  const policy = await db.ramPolicy.findUniqueOrThrow({ where: { name: policyName } });
  const versions = await db.ramPolicyVersion.findMany({ where: { policyName }, orderBy: { createdAt: "asc" } });
  // Creation times can tie within a millisecond; the number orders them.
  versions.sort((a, b) => Number(a.versionId.slice(1)) - Number(b.versionId.slice(1)));
  return { policy, versions };
}

export function createPolicyVersion(
  ctx: RequestContext,
  input: { policyName: string; policyDocument: string; setAsDefault?: boolean; rotateStrategy?: RotateStrategy },
): Promise<PolicyVersionView> {
  checkPolicyDocument(input.policyDocument);
  return operation(ctx, { service: "ram", action: "CreatePolicyVersion", resourceArn: policyResourceArn("Custom", input.policyName) }, async () => {
    const name = await getPolicyNameOrThrow("Custom", input.policyName);
    const { policy, versions } = await customVersions(name);
    let evict: string | undefined;
    if (versions.length >= RAM_LIMITS.policyVersions) {
      const oldest = versions.find((v) => v.versionId !== policy.defaultVersion);
      if (input.rotateStrategy !== "DeleteOldestNonDefaultVersionWhenLimitExceeded" || !oldest) throw ramErrors.tooManyVersions();
      evict = oldest.versionId;
    }
    const versionId = `v${policy.nextVersion}`;
    const at = now();
    const { db } = getRuntime();
    await db.$transaction([
      ...(evict ? [db.ramPolicyVersion.delete({ where: { policyName_versionId: { policyName: name, versionId: evict } } })] : []),
      db.ramPolicyVersion.create({ data: { policyName: name, versionId, document: input.policyDocument, createdAt: at } }),
      db.ramPolicy.update({
        where: { name },
        data: { nextVersion: policy.nextVersion + 1, updatedAt: at, ...(input.setAsDefault ? { defaultVersion: versionId } : {}) },
      }),
    ]);
    if (input.setAsDefault) forgetPrincipalPolicies();
    return { versionId, isDefaultVersion: input.setAsDefault === true, policyDocument: input.policyDocument, createdAt: at };
  });
}

export function listPolicyVersions(
  ctx: RequestContext,
  input: { policyType: string; policyName: string },
): Promise<PolicyVersionView[]> {
  const type = checkPolicyType(input.policyType);
  return operation(ctx, { service: "ram", action: "ListPolicyVersions", resourceArn: policyResourceArn(type, input.policyName) }, async () => {
    const name = await getPolicyNameOrThrow(type, input.policyName);
    if (type === "System") {
      const system = findSystemPolicy(name)!;
      return [{ versionId: system.defaultVersion, isDefaultVersion: true, policyDocument: system.document, createdAt: SYSTEM_POLICY_CREATED_AT }];
    }
    const { policy, versions } = await customVersions(name);
    return versions.map((v) => ({
      versionId: v.versionId,
      isDefaultVersion: v.versionId === policy.defaultVersion,
      policyDocument: v.document,
      createdAt: v.createdAt,
    }));
  });
}

export function getPolicyVersion(
  ctx: RequestContext,
  input: { policyType: string; policyName: string; versionId: string },
): Promise<PolicyVersionView> {
  const type = checkPolicyType(input.policyType);
  checkVersionId(input.versionId);
  return operation(ctx, { service: "ram", action: "GetPolicyVersion", resourceArn: policyResourceArn(type, input.policyName) }, async () => {
    const name = await getPolicyNameOrThrow(type, input.policyName);
    if (type === "System") {
      const system = findSystemPolicy(name)!;
      if (input.versionId !== system.defaultVersion) throw ramErrors.policyVersionNotFound();
      return { versionId: system.defaultVersion, isDefaultVersion: true, policyDocument: system.document, createdAt: SYSTEM_POLICY_CREATED_AT };
    }
    const { policy, versions } = await customVersions(name);
    const version = versions.find((v) => v.versionId === input.versionId);
    if (!version) throw ramErrors.policyVersionNotFound();
    return {
      versionId: version.versionId,
      isDefaultVersion: version.versionId === policy.defaultVersion,
      policyDocument: version.document,
      createdAt: version.createdAt,
    };
  });
}

export function setDefaultPolicyVersion(ctx: RequestContext, input: { policyName: string; versionId: string }): Promise<void> {
  checkVersionId(input.versionId);
  return operation(ctx, { service: "ram", action: "SetDefaultPolicyVersion", resourceArn: policyResourceArn("Custom", input.policyName) }, async () => {
    const name = await getPolicyNameOrThrow("Custom", input.policyName);
    const { versions } = await customVersions(name);
    if (!versions.some((v) => v.versionId === input.versionId)) throw ramErrors.policyVersionNotFound();
    await getRuntime().db.ramPolicy.update({ where: { name }, data: { defaultVersion: input.versionId, updatedAt: now() } });
    forgetPrincipalPolicies();
  });
}

/** DeletePolicyVersion: the default version cannot be deleted (DeleteConflict.Policy.Version.Default). */
export function deletePolicyVersion(ctx: RequestContext, input: { policyName: string; versionId: string }): Promise<void> {
  checkVersionId(input.versionId);
  return operation(ctx, { service: "ram", action: "DeletePolicyVersion", resourceArn: policyResourceArn("Custom", input.policyName) }, async () => {
    const name = await getPolicyNameOrThrow("Custom", input.policyName);
    const { policy, versions } = await customVersions(name);
    if (!versions.some((v) => v.versionId === input.versionId)) throw ramErrors.policyVersionNotFound();
    if (input.versionId === policy.defaultVersion) throw ramErrors.defaultVersion();
    await getRuntime().db.ramPolicyVersion.delete({ where: { policyName_versionId: { policyName: name, versionId: input.versionId } } });
  });
}
