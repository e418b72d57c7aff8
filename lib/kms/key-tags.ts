import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { kmsErrors } from "./errors";
import { keyOperation } from "./key-operation";
import { MAX_TAGS_PER_KEY, type KeyTag } from "./tag-params";

/**
 * KMS TagResource / UntagResource / ListResourceTags on a key. Setting an existing tag key
 * replaces its value; a key holds at most 10 tags (400 Rejected.LimitExceeded beyond).
 */
export function tagResource(
  ctx: RequestContext,
  input: { keyId: string; tags: KeyTag[] },
): Promise<void> {
  return keyOperation(ctx, "TagResource", input.keyId, async (key) => {
    await getRuntime().db.$transaction(async (tx) => {
      const existing = await tx.kmsKeyTag.findMany({
        where: { keyId: key.id },
        select: { tagKey: true },
      });
      const keys = new Set([
        ...existing.map((tag) => tag.tagKey),
        ...input.tags.map((tag) => tag.tagKey),
      ]);
      if (keys.size > MAX_TAGS_PER_KEY)
        throw kmsErrors.limitExceeded(`A key holds at most ${MAX_TAGS_PER_KEY} tags.`);
      for (const tag of input.tags) {
        await tx.kmsKeyTag.upsert({
          where: { keyId_tagKey: { keyId: key.id, tagKey: tag.tagKey } },
          create: { keyId: key.id, tagKey: tag.tagKey, tagValue: tag.tagValue },
          update: { tagValue: tag.tagValue },
        });
      }
    });
  });
}

/** Removing a tag key the key does not have is not an error. */
export function untagResource(
  ctx: RequestContext,
  input: { keyId: string; tagKeys: string[] },
): Promise<void> {
  return keyOperation(ctx, "UntagResource", input.keyId, async (key) => {
    await getRuntime().db.kmsKeyTag.deleteMany({
      where: { keyId: key.id, tagKey: { in: input.tagKeys } },
    });
  });
}

export function listResourceTags(
  ctx: RequestContext,
  input: { keyId: string },
): Promise<{ keyId: string; tags: KeyTag[] }> {
  return keyOperation(ctx, "ListResourceTags", input.keyId, async (key) => {
    const tags = await getRuntime().db.kmsKeyTag.findMany({
      where: { keyId: key.id },
      orderBy: { tagKey: "asc" },
      select: { tagKey: true, tagValue: true },
    });
    return { keyId: key.id, tags };
  });
}
