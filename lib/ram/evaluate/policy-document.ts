import { isConditionOperator, parseConditionDate, parseOperator } from "./conditions";
import { isIpPattern } from "./ip-match";

/**
 * A RAM identity-based policy document, normalized: every list is a list and every condition
 * value a string (`true` → "true", `5` → "5"), so the evaluator never checks shapes again.
 */
export type PolicyStatement = {
  Effect: "Allow" | "Deny";
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  /** Operator (as written, e.g. "StringEqualsIfExists") → condition key → values. */
  Condition?: Record<string, Record<string, string[]>>;
};

export type PolicyDocument = { Version: "1"; Statement: PolicyStatement[] };

export type ParsedPolicy = { ok: true; document: PolicyDocument } | { ok: false; reason: string };

/** RAM's limit on a policy document's length (characters). */
export const POLICY_DOCUMENT_MAX_LENGTH = 6144;

const STATEMENT_KEYS = new Set(["Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"]);

/**
 * Parses and validates a policy document. The reason names the statement (1-based, as the
 * console shows it) and the element at fault, e.g. `Statement 2: "Effect" must be "Allow" or "Deny".`
 */
export function parsePolicyDocument(text: string): ParsedPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail(`the document is not valid JSON (${(error as Error).message}).`);
  }
  if (!isObject(raw)) return fail("the document must be a JSON object.");
  for (const key of Object.keys(raw)) {
    if (key !== "Version" && key !== "Statement") return fail(`unknown element "${key}".`);
  }
  if (raw.Version !== "1") return fail('"Version" must be "1".');
  const statements = Array.isArray(raw.Statement) ? raw.Statement : isObject(raw.Statement) ? [raw.Statement] : undefined;
  if (!statements || statements.length === 0) return fail('"Statement" must be a statement or a non-empty list of statements.');
  const parsed: PolicyStatement[] = [];
  for (const [index, statement] of statements.entries()) {
    const result = parseStatement(statement);
    if (typeof result === "string") return fail(`Statement ${index + 1}: ${result}`);
    parsed.push(result);
  }
  return { ok: true, document: { Version: "1", Statement: parsed } };
}

function parseStatement(raw: unknown): PolicyStatement | string {
  if (!isObject(raw)) return "a statement must be a JSON object.";
  for (const key of Object.keys(raw)) {
    if (key === "Principal") return '"Principal" belongs in a role\'s trust policy, not in a permission policy.';
    if (!STATEMENT_KEYS.has(key)) return `unknown element "${key}".`;
  }
  if (raw.Effect !== "Allow" && raw.Effect !== "Deny") return '"Effect" must be "Allow" or "Deny".';
  const statement: PolicyStatement = { Effect: raw.Effect };

  const action = pickOne(raw, "Action", "NotAction");
  if (typeof action === "string") return action;
  for (const value of action.values) {
    if (value !== "*" && !/^[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+$/.test(value)) {
      return `"${action.name}" value "${value}" is not "<service>:<Api>" (wildcards * and ? allowed) or "*".`;
    }
  }
  statement[action.name] = action.values;

  const resource = pickOne(raw, "Resource", "NotResource");
  if (typeof resource === "string") return resource;
  for (const value of resource.values) {
    if (value !== "*" && !value.startsWith("acs:")) return `"${resource.name}" value "${value}" is not an ARN ("acs:…") or "*".`;
  }
  statement[resource.name] = resource.values;

  if (raw.Condition !== undefined) {
    const condition = parseCondition(raw.Condition);
    if (typeof condition === "string") return condition;
    statement.Condition = condition;
  }
  return statement;
}

function pickOne<A extends string, B extends string>(
  raw: Record<string, unknown>,
  name: A,
  notName: B,
): { name: A | B; values: string[] } | string {
  const has = raw[name] !== undefined;
  const hasNot = raw[notName] !== undefined;
  if (has && hasNot) return `"${name}" and "${notName}" cannot both be given.`;
  if (!has && !hasNot) return `"${name}" (or "${notName}") is required.`;
  const key = has ? name : notName;
  const value = raw[key];
  const values = typeof value === "string" ? [value] : value;
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string" && v !== "")) {
    return `"${key}" must be a non-empty string or a non-empty list of strings.`;
  }
  return { name: key, values: values as string[] };
}

function parseCondition(raw: unknown): Record<string, Record<string, string[]>> | string {
  if (!isObject(raw) || Object.keys(raw).length === 0) return '"Condition" must be a non-empty object of operators.';
  const result: Record<string, Record<string, string[]>> = {};
  for (const [operator, block] of Object.entries(raw)) {
    if (!isConditionOperator(operator)) return `"${operator}" is not a condition operator.`;
    if (!isObject(block) || Object.keys(block).length === 0) return `"${operator}" must map condition keys to values.`;
    const { base } = parseOperator(operator)!;
    const keys: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(block)) {
      if (!/^[A-Za-z0-9-]+:[^\s]+$/.test(key)) return `condition key "${key}" is not "<service>:<Key>".`;
      const values = Array.isArray(value) ? value : [value];
      if (values.length === 0 || !values.every((v) => ["string", "number", "boolean"].includes(typeof v))) {
        return `the values of "${operator}" "${key}" must be strings, numbers or booleans.`;
      }
      const strings = values.map(String);
      const bad = strings.find((v) => !isValidOperand(base, v));
      if (bad !== undefined) return `"${bad}" is not a valid value for "${operator}".`;
      keys[key] = strings;
    }
    result[operator] = keys;
  }
  return result;
}

function isValidOperand(base: string, value: string): boolean {
  if (base.startsWith("Numeric")) return value.trim() !== "" && Number.isFinite(Number(value));
  if (base.startsWith("Date")) return !Number.isNaN(parseConditionDate(value));
  if (base === "Bool") return /^(true|false)$/i.test(value);
  if (base === "IpAddress" || base === "NotIpAddress") return isIpPattern(value);
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(reason: string): ParsedPolicy {
  return { ok: false, reason };
}
