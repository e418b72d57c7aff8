import { getRuntime, processSingleton } from "@/lib/runtime";
import { parsePolicyDocument } from "@/lib/ram/evaluate/policy-document";
import type { EffectivePolicy } from "@/lib/ram/evaluate/evaluate-policies";
import { defaultDocumentText, type PolicyType } from "@/lib/ram/policy-documents";

/**
 * The policies in force for a principal: a user's own and its groups', a group's, a role's —
 * each as its default version's parsed document. Every authorized request of a RAM identity
 * needs this set, so it is cached per principal; every RAM write (attachments, memberships,
 * policy versions, renames, deletions) calls `forgetPrincipalPolicies()` after it commits, and so
 * does ResetEmulator.
 */
export type PrincipalRef = { type: "User" | "Group" | "Role"; name: string };

const cache = processSingleton("ram.principalPolicies", () => new Map<string, EffectivePolicy[]>());
const MAX_CACHED = 10_000;

export function forgetPrincipalPolicies(): void {
  cache.clear();
}

export async function effectivePolicies(principal: PrincipalRef): Promise<EffectivePolicy[]> {
  const key = `${principal.type}:${principal.name.toLowerCase()}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { db } = getRuntime();
  const holders: PrincipalRef[] = [principal];
  if (principal.type === "User") {
    const memberships = await db.ramGroupMember.findMany({ where: { userName: principal.name }, orderBy: [{ joinedAt: "asc" }, { groupName: "asc" }, { userName: "asc" }] });
    holders.push(...memberships.map((m) => ({ type: "Group" as const, name: m.groupName })));
  }
  const policies: EffectivePolicy[] = [];
  for (const holder of holders) {
    const attachments = await db.ramPolicyAttachment.findMany({
      where: { principalType: holder.type, principalName: holder.name },
      orderBy: [{ attachedAt: "asc" }, { policyType: "asc" }, { policyName: "asc" }],
    });
    for (const attachment of attachments) {
      const policyType = attachment.policyType as PolicyType;
      const text = await defaultDocumentText(policyType, attachment.policyName);
      if (text === undefined) continue;
      const parsed = parsePolicyDocument(text);
      // Stored documents were validated when written; a System document is ours.
      if (!parsed.ok) continue;
      policies.push({ policyName: attachment.policyName, policyType, document: parsed.document, via: holder });
    }
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, policies);
  return policies;
}
