/**
 * ListKeys `Filters`: a JSON list such as `[{"Key":"KeyState","Values":["Enabled","Disabled"]}]`.
 * Filters combine with AND, the values of one filter with OR (reference/alibaba-api-notes.md
 * "KMS misc", ListKeys). Pure: parse, then match against a key's summary.
 */
export const LIST_KEYS_FILTER_KEYS = [
  "KeyState",
  "KeySpec",
  "KeyUsage",
  "ProtectionLevel",
  "CreatorType",
  "Creator",
  "Origin",
  "KeyId",
  "AliasName",
  "TagKey",
  "TagValue",
  "DKMSInstanceId",
] as const;
export type ListKeysFilterKey = (typeof LIST_KEYS_FILTER_KEYS)[number];
export type ListKeysFilter = { key: ListKeysFilterKey; values: string[] };

const MAX_FILTERS = 10;
const MAX_VALUES = 10;
/** Alibaba's docs spell the id filter `keyId`; both spellings mean the same. */
const KEY_SPELLINGS: Record<string, ListKeysFilterKey> = { keyId: "KeyId" };

/** What a key offers to the filters. */
export type FilterableKey = {
  keyId: string;
  keyState: string;
  keySpec: string;
  keyUsage: string;
  protectionLevel: string;
  creatorType: string;
  creator: string;
  origin: string;
  aliasNames: string[];
  tags: { tagKey: string; tagValue: string }[];
};

/** The filters, or undefined when the text is not such a list (the API's InvalidParameter). */
export function parseListKeysFilters(text: string): ListKeysFilter[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length > MAX_FILTERS) return undefined;
  const filters: ListKeysFilter[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return undefined;
    const { Key, Values } = item as Record<string, unknown>;
    const key = typeof Key === "string" ? (KEY_SPELLINGS[Key] ?? Key) : undefined;
    if (!key || !(LIST_KEYS_FILTER_KEYS as readonly string[]).includes(key)) return undefined;
    if (!Array.isArray(Values) || Values.length === 0 || Values.length > MAX_VALUES)
      return undefined;
    if (!Values.every((v) => typeof v === "string")) return undefined;
    filters.push({ key: key as ListKeysFilterKey, values: Values as string[] });
  }
  return filters;
}

export function matchesListKeysFilters(
  key: FilterableKey,
  filters: readonly ListKeysFilter[],
): boolean {
  return filters.every((filter) =>
    valuesOf(key, filter.key).some((value) => filter.values.includes(value)),
  );
}

function valuesOf(key: FilterableKey, name: ListKeysFilterKey): string[] {
  switch (name) {
    case "KeyState":
      return [key.keyState];
    case "KeySpec":
      return [key.keySpec];
    case "KeyUsage":
      return [key.keyUsage];
    case "ProtectionLevel":
      return [key.protectionLevel];
    case "CreatorType":
      return [key.creatorType];
    case "Creator":
      return [key.creator];
    case "Origin":
      return [key.origin];
    case "KeyId":
      return [key.keyId];
    case "AliasName":
      return key.aliasNames;
    case "TagKey":
      return key.tags.map((tag) => tag.tagKey);
    case "TagValue":
      return key.tags.map((tag) => tag.tagValue);
    // No key lives in a dedicated KMS instance here.
    case "DKMSInstanceId":
      return [];
  }
}
