/**
 * ECS tags (TagResources, UntagResources, ListTagResources, and Tag.N of CreateDisk and
 * RunInstances) as pure rules: which resources take tags, the limits, what a key and a value
 * may be, and the errors. The console's tag editor and the API validate through these.
 */
import { AppError } from "@/lib/errors";

export const TAG_RESOURCE_TYPES = ["disk", "instance", "snapshot", "image"] as const;
export type TagResourceType = (typeof TAG_RESOURCE_TYPES)[number];

export const MAX_TAGS_PER_RESOURCE = 20;
export const MAX_TAGS_PER_REQUEST = 20;
export const MAX_RESOURCES_PER_REQUEST = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 128;
export const LIST_TAG_RESOURCES_PAGE_SIZE = 50;

export type Tag = { key: string; value: string };

export const tagErrors = {
  invalidKey: () =>
    new AppError("InvalidTagKey.Malformed", "The specified Tag.n.Key is not valid.", 400),
  invalidValue: () =>
    new AppError("InvalidTagValue.Malformed", "The specified Tag.n.Value is not valid.", 400),
  tooManyTags: () =>
    new AppError("InvalidTagCount", "The specified tags are beyond the permitted range.", 400),
  resourceTypeNotSupported: () =>
    new AppError(
      "InvalidResourceType.NotSupported",
      "This resource type is not supported; please try other resource types.",
      400,
    ),
  invalidNextToken: () =>
    new AppError("InvalidParameter", 'The specified parameter "NextToken" is not valid.', 400),
  resourceNotFound: () =>
    new AppError(
      "InvalidResourceId.NotFound",
      "The specified ResourceIds are not found in our records.",
      404,
    ),
};

const URL_IN_TEXT = /https?:\/\//i;

/** 1–128 characters, not starting with `aliyun` or `acs:`, no `http://` / `https://`. */
export function tagKeyProblem(key: string): boolean {
  return (
    key.length === 0 ||
    key.length > MAX_TAG_KEY_LENGTH ||
    /^(aliyun|acs:)/i.test(key) ||
    URL_IN_TEXT.test(key)
  );
}

/** 0–128 characters, no `http://` / `https://`. */
export function tagValueProblem(value: string): boolean {
  return value.length > MAX_TAG_VALUE_LENGTH || URL_IN_TEXT.test(value);
}

/** Validates Tag.N (keys and values, ≤ 20); a key given twice keeps its last value. */
export function normalizeTags(tags: readonly { key?: string; value?: string }[]): Tag[] {
  if (tags.length > MAX_TAGS_PER_REQUEST) throw tagErrors.tooManyTags();
  const byKey = new Map<string, string>();
  for (const tag of tags) {
    const key = tag.key ?? "";
    const value = tag.value ?? "";
    if (tagKeyProblem(key)) throw tagErrors.invalidKey();
    if (tagValueProblem(value)) throw tagErrors.invalidValue();
    byKey.set(key, value);
  }
  return [...byKey].map(([key, value]) => ({ key, value }));
}

/** Whether a resource would hold more than 20 tags after adding `added`. */
export function exceedsTagLimit(existingKeys: readonly string[], added: readonly Tag[]): boolean {
  return new Set([...existingKeys, ...added.map((t) => t.key)]).size > MAX_TAGS_PER_RESOURCE;
}
