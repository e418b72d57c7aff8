import { ipMatches } from "./ip-match";
import { matchesWildcard } from "./wildcard";

/**
 * Condition operators. A condition block is true when every operator in it is true; an
 * operator is true when every key under it is true; a key is true when a request value matches
 * one of the policy's values. Keys are multi-valued (RunInstances carries one
 * `ecs:IsDiskEncrypted` per data disk): the key matches if any request value matches.
 *
 * A key the request does not carry makes its condition false — the negated operators too
 * (emulator-contract.md "Conditions") — unless the operator ends in `IfExists`, which is true
 * for an absent key. For a negated operator a request value matches when it equals none of
 * the policy's values.
 */
export type RequestConditions = Record<string, string[]>;

type Compare = (policyValue: string, requestValue: string) => boolean;

const POSITIVE: Record<string, Compare> = {
  StringEquals: (p, r) => p === r,
  StringEqualsIgnoreCase: (p, r) => p.toLowerCase() === r.toLowerCase(),
  StringLike: (p, r) => matchesWildcard(p, r),
  NumericEquals: numeric((p, r) => r === p),
  NumericLessThan: numeric((p, r) => r < p),
  NumericLessThanEquals: numeric((p, r) => r <= p),
  NumericGreaterThan: numeric((p, r) => r > p),
  NumericGreaterThanEquals: numeric((p, r) => r >= p),
  DateEquals: date((p, r) => r === p),
  DateLessThan: date((p, r) => r < p),
  DateLessThanEquals: date((p, r) => r <= p),
  DateGreaterThan: date((p, r) => r > p),
  DateGreaterThanEquals: date((p, r) => r >= p),
  Bool: (p, r) => p.toLowerCase() === r.toLowerCase(),
  IpAddress: (p, r) => ipMatches(p, r),
};

/** Negated operator → the positive one whose every value must fail. */
const NEGATED: Record<string, string> = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  NumericNotEquals: "NumericEquals",
  DateNotEquals: "DateEquals",
  NotIpAddress: "IpAddress",
};

export const CONDITION_OPERATORS: readonly string[] = [...Object.keys(POSITIVE), ...Object.keys(NEGATED)];

/** `StringEqualsIfExists` → { base: "StringEquals", ifExists: true }; unknown → undefined. */
export function parseOperator(operator: string): { base: string; ifExists: boolean } | undefined {
  const ifExists = operator.endsWith("IfExists");
  const base = ifExists ? operator.slice(0, -"IfExists".length) : operator;
  return Object.hasOwn(POSITIVE, base) || Object.hasOwn(NEGATED, base) ? { base, ifExists } : undefined;
}

export function isConditionOperator(operator: string): boolean {
  return parseOperator(operator) !== undefined;
}

/** The request's values for a key; condition keys are case-insensitive. */
export function requestValues(conditions: RequestConditions, key: string): string[] | undefined {
  if (Object.hasOwn(conditions, key)) return conditions[key];
  const lower = key.toLowerCase();
  const found = Object.keys(conditions).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : conditions[found];
}

export function conditionsHold(
  condition: Record<string, Record<string, string[]>> | undefined,
  request: RequestConditions,
): boolean {
  if (!condition) return true;
  for (const [operator, keys] of Object.entries(condition)) {
    const parsed = parseOperator(operator);
    if (!parsed) return false;
    for (const [key, policyValues] of Object.entries(keys)) {
      const values = requestValues(request, key);
      if (values === undefined || values.length === 0) {
        if (parsed.ifExists) continue;
        return false;
      }
      if (!keyHolds(parsed.base, policyValues, values)) return false;
    }
  }
  return true;
}

function keyHolds(base: string, policyValues: string[], values: string[]): boolean {
  const negatedOf = NEGATED[base];
  if (negatedOf) {
    const compare = POSITIVE[negatedOf];
    return values.some((r) => policyValues.every((p) => !compare(p, r)));
  }
  const compare = POSITIVE[base];
  return values.some((r) => policyValues.some((p) => compare(p, r)));
}

function numeric(compare: (policy: number, request: number) => boolean): Compare {
  return (p, r) => {
    if (r.trim() === "") return false;
    const a = Number(p);
    const b = Number(r);
    return Number.isFinite(a) && Number.isFinite(b) && compare(a, b);
  };
}

/** Dates are ISO 8601 (`2026-01-01T00:00:00Z`) or epoch seconds. */
export function parseConditionDate(value: string): number {
  return /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value);
}

function date(compare: (policy: number, request: number) => boolean): Compare {
  return (p, r) => {
    const a = parseConditionDate(p);
    const b = parseConditionDate(r);
    return !Number.isNaN(a) && !Number.isNaN(b) && compare(a, b);
  };
}
