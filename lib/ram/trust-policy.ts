/**
 * A role's trust policy (AssumeRolePolicyDocument): who may assume it. Checked for form when a
 * role is created or its trust policy changed; pure. `{"Version":"1","Statement":[{"Action":
 * "sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`.
 */
const PRINCIPAL_KINDS = new Set(["RAM", "Service", "Federated"]);

export function trustPolicyProblem(text: string): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return `the document is not valid JSON (${(error as Error).message}).`;
  }
  if (!isObject(raw)) return "the document must be a JSON object.";
  if (raw.Version !== "1") return '"Version" must be "1".';
  const statements = Array.isArray(raw.Statement) ? raw.Statement : undefined;
  if (!statements || statements.length === 0) return '"Statement" must be a non-empty list.';
  for (const [index, statement] of statements.entries()) {
    const at = `Statement ${index + 1}:`;
    if (!isObject(statement)) return `${at} a statement must be a JSON object.`;
    if (statement.Effect !== "Allow" && statement.Effect !== "Deny") return `${at} "Effect" must be "Allow" or "Deny".`;
    const actions = typeof statement.Action === "string" ? [statement.Action] : statement.Action;
    if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => typeof a === "string" && /^sts:AssumeRole$/i.test(a))) {
      return `${at} "Action" must be "sts:AssumeRole".`;
    }
    const principal = statement.Principal;
    if (!isObject(principal) || Object.keys(principal).length === 0) return `${at} "Principal" must name RAM, Service or Federated principals.`;
    for (const [kind, value] of Object.entries(principal)) {
      if (!PRINCIPAL_KINDS.has(kind)) return `${at} "${kind}" is not a principal type (RAM, Service, Federated).`;
      const values = typeof value === "string" ? [value] : value;
      if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string" && v !== "")) {
        return `${at} "Principal.${kind}" must be a string or a list of strings.`;
      }
    }
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
