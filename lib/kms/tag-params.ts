/**
 * TagResource's `Tags` (`[{"TagKey":"k","TagValue":"v"}]`) and UntagResource's `TagKeys`
 * (`["k"]`), both JSON strings. A key holds at most 10 tags (reference/alibaba-api-notes.md
 * "KMS misc"). Pure: returns undefined for what the API answers with InvalidParameter.
 */
export const MAX_TAGS_PER_KEY = 10;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 128;

export type KeyTag = { tagKey: string; tagValue: string };

/** Tag keys starting with these are the cloud's own. */
const RESERVED_TAG_PREFIXES = ["acs:", "aliyun"];

export function isValidTagKey(key: unknown): key is string {
  return (
    typeof key === "string" &&
    key.length >= 1 &&
    key.length <= MAX_TAG_KEY_LENGTH &&
    !RESERVED_TAG_PREFIXES.some((prefix) => key.toLowerCase().startsWith(prefix))
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The tags to set, or undefined if the JSON is not 1–10 distinct, valid tags. */
export function parseTags(text: string): KeyTag[] | undefined {
  const value = parseJson(text);
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TAGS_PER_KEY)
    return undefined;
  const tags: KeyTag[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return undefined;
    const { TagKey, TagValue } = item as Record<string, unknown>;
    if (!isValidTagKey(TagKey)) return undefined;
    if (typeof TagValue !== "string" || TagValue.length > MAX_TAG_VALUE_LENGTH) return undefined;
    if (tags.some((tag) => tag.tagKey === TagKey)) return undefined;
    tags.push({ tagKey: TagKey, tagValue: TagValue });
  }
  return tags;
}

/** The tag keys to remove, or undefined if the JSON is not a list of 1–10 strings. */
export function parseTagKeys(text: string): string[] | undefined {
  const value = parseJson(text);
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TAGS_PER_KEY)
    return undefined;
  if (
    !value.every(
      (key) => typeof key === "string" && key.length >= 1 && key.length <= MAX_TAG_KEY_LENGTH,
    )
  )
    return undefined;
  return [...new Set(value as string[])];
}
