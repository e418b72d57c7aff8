import { getRuntime } from "@/lib/runtime";
import type { Tx } from "@/lib/db/client";
import { ramErrors } from "@/lib/ram/errors";
import { findSystemPolicy } from "@/lib/ram/system-policies";
import { parsePolicyDocument, POLICY_DOCUMENT_MAX_LENGTH, type PolicyDocument } from "@/lib/ram/evaluate/policy-document";

export type PolicyType = "System" | "Custom";

/** A policy document given to CreatePolicy / CreatePolicyVersion: its length, then its content. */
export function checkPolicyDocument(text: string, parameter = "PolicyDocument"): PolicyDocument {
  if (text.length === 0 || text.length > POLICY_DOCUMENT_MAX_LENGTH) throw ramErrors.tooLong(parameter);
  const parsed = parsePolicyDocument(text);
  if (!parsed.ok) throw ramErrors.malformedPolicy(parsed.reason);
  return parsed.document;
}

export function checkPolicyType(value: string): PolicyType {
  if (value !== "System" && value !== "Custom") throw ramErrors.policyType();
  return value;
}

/** A policy by type and name (names case-insensitive); its stored spelling, or undefined. */
export async function findPolicyName(type: PolicyType, name: string, tx?: Tx): Promise<string | undefined> {
  if (type === "System") return findSystemPolicy(name)?.policyName;
  const db = tx ?? getRuntime().db;
  const exact = await db.ramPolicy.findUnique({ where: { name }, select: { name: true } });
  if (exact) return exact.name;
  const rows = await db.ramPolicy.findMany({ select: { name: true } });
  return rows.find((row) => row.name.toLowerCase() === name.toLowerCase())?.name;
}

export async function getPolicyNameOrThrow(type: PolicyType, name: string, tx?: Tx): Promise<string> {
  const found = await findPolicyName(type, name, tx);
  if (!found) throw ramErrors.policyNotFound();
  return found;
}

/** The default version's document text of a policy (what is in force). */
export async function defaultDocumentText(type: PolicyType, name: string): Promise<string | undefined> {
  if (type === "System") return findSystemPolicy(name)?.document;
  const policy = await getRuntime().db.ramPolicy.findUnique({ where: { name } });
  if (!policy) return undefined;
  const version = await getRuntime().db.ramPolicyVersion.findUnique({
    where: { policyName_versionId: { policyName: name, versionId: policy.defaultVersion } },
  });
  return version?.document;
}
