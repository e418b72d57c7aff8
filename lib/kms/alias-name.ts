import { ALIAS_PREFIX } from "./key-reference";

/**
 * Alias names (CreateAlias): 1–255 characters, `alias/` then letters, digits, `_`, `-` and `/`;
 * never `alias/acs…`, the prefix of the cloud's own service keys (reference/alibaba-api-notes.md
 * "KMS CreateAlias"). Pure.
 */
export const MAX_ALIAS_NAME_LENGTH = 255;
/** Reserved for service keys; compared without case so `alias/ACS/x` cannot pass for one. */
export const RESERVED_ALIAS_PREFIX = "alias/acs";
const ALIAS_NAME = /^alias\/[A-Za-z0-9_/-]+$/;

export type AliasNameProblem = "format" | "reserved";

/** Why a user may not name an alias this, or undefined when the name is fine. */
export function aliasNameProblem(name: string): AliasNameProblem | undefined {
  if (name.length > MAX_ALIAS_NAME_LENGTH || !ALIAS_NAME.test(name) || name === ALIAS_PREFIX)
    return "format";
  if (isReservedAliasName(name)) return "reserved";
  return undefined;
}

export function isReservedAliasName(name: string): boolean {
  return name.toLowerCase().startsWith(RESERVED_ALIAS_PREFIX);
}
