import { randomInt } from "node:crypto";
import { ramErrors } from "@/lib/ram/errors";

/**
 * RAM's parameter rules (api-extras.md §2.1), shared by the API, the console and the services:
 * each service checks its input with these, so both paths refuse alike.
 */
export const RAM_LIMITS = {
  userName: { max: 64, pattern: /^[A-Za-z0-9._-]+$/ },
  groupName: { max: 64, pattern: /^[A-Za-z0-9._-]+$/ },
  roleName: { max: 64, pattern: /^[A-Za-z0-9.-]+$/ },
  policyName: { max: 128, pattern: /^[A-Za-z0-9-]+$/ },
  displayName: { max: 128 },
  comments: { max: 128 },
  description: { max: 1024 },
  assumeRolePolicyDocument: { max: 2048 },
  maxSessionDuration: { min: 3600, max: 43200, default: 3600 },
  accessKeysPerUser: 2,
  policyVersions: 5,
  maxItems: { min: 1, max: 1000, default: 100 },
} as const;

type Named = "UserName" | "NewUserName" | "GroupName" | "NewGroupName" | "RoleName" | "PolicyName";
const RULE_OF: Record<Named, { max: number; pattern: RegExp }> = {
  UserName: RAM_LIMITS.userName,
  NewUserName: RAM_LIMITS.userName,
  GroupName: RAM_LIMITS.groupName,
  NewGroupName: RAM_LIMITS.groupName,
  RoleName: RAM_LIMITS.roleName,
  PolicyName: RAM_LIMITS.policyName,
};

/** An entity name: 1–max characters from its alphabet (`InvalidParameter.<Name>.Length / .InvalidChars`). */
export function checkName(parameter: Named, value: string): string {
  const rule = RULE_OF[parameter];
  if (value.length === 0 || value.length > rule.max) throw ramErrors.tooLong(parameter);
  if (!rule.pattern.test(value)) throw ramErrors.invalidChars(parameter);
  return value;
}

/** A free-text field with a length limit (`InvalidParameter.<Name>.Length`). */
export function checkLength(parameter: string, value: string | undefined, max: number): string | undefined {
  if (value !== undefined && value.length > max) throw ramErrors.tooLong(parameter);
  return value;
}

/** `86-1868888****`: country code, a dash, the number. */
export function checkMobilePhone(parameter: string, value: string | undefined): string | undefined {
  if (value !== undefined && value !== "" && !/^\d{1,4}-\d{5,15}$/.test(value)) throw ramErrors.badFormat(parameter);
  return value;
}

export function checkEmail(parameter: string, value: string | undefined): string | undefined {
  if (value !== undefined && value !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw ramErrors.badFormat(parameter);
  return value;
}

/** RAM's numeric ids (UserId 16 digits, RoleId 19), not starting with 0. */
export function numericId(digits: number): string {
  return String(randomInt(1, 10)) + Array.from({ length: digits - 1 }, () => randomInt(0, 10)).join("");
}

/** RAM names compare case-insensitively; the stored name keeps its spelling. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
