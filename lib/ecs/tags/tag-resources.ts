import type { RequestContext } from "@/lib/context";
import { missingParameter } from "@/lib/errors";
import { authorize } from "@/lib/ram/authorize";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import {
  exceedsTagLimit,
  LIST_TAG_RESOURCES_PAGE_SIZE,
  tagErrors,
  type Tag,
  type TagResourceType,
} from "./tag-rules";

/**
 * ECS TagResources / UntagResources / ListTagResources on disks, instances, snapshots and images of the
 * request's region. Every named resource must exist there (404 InvalidResourceId.NotFound);
 * the caller needs the action on each of them.
 */
function resourceArn(regionId: string, type: TagResourceType, id: string): string {
  return arn("ecs", regionId, getRuntime().accountId, `${type}/${id}`);
}

async function authorizeEach(
  ctx: RequestContext,
  action: string,
  type: TagResourceType,
  ids: string[],
) {
  for (const id of ids.slice(1))
    await authorize(ctx, `ecs:${action}`, resourceArn(ctx.regionId, type, id));
}

async function assertResourcesExist(regionId: string, type: TagResourceType, ids: string[]) {
  const { db } = getRuntime();
  const where = { id: { in: ids }, regionId };
  const counts: Record<TagResourceType, () => Promise<number>> = {
    disk: () => db.disk.count({ where }),
    instance: () => db.instance.count({ where }),
    snapshot: () => db.snapshot.count({ where }),
    image: () => db.image.count({ where }),
  };
  const count = await counts[type]();
  if (count !== new Set(ids).size) throw tagErrors.resourceNotFound();
}

export type TagResourcesInput = {
  resourceType: TagResourceType;
  resourceIds: string[];
  tags: Tag[];
};

export function tagResources(ctx: RequestContext, input: TagResourcesInput): Promise<void> {
  const { resourceType: type, resourceIds: ids } = input;
  const spec = {
    service: "ecs" as const,
    action: "TagResources",
    resourceArn: resourceArn(ctx.regionId, type, ids[0]),
  };
  return operation(ctx, spec, async () => {
    await authorizeEach(ctx, "TagResources", type, ids);
    await assertResourcesExist(ctx.regionId, type, ids);
    await getRuntime().db.$transaction(async (tx) => {
      for (const id of new Set(ids)) {
        const existing = await tx.resourceTag.findMany({
          where: { resourceType: type, resourceId: id },
          select: { tagKey: true },
        });
        if (
          exceedsTagLimit(
            existing.map((t) => t.tagKey),
            input.tags,
          )
        )
          throw tagErrors.tooManyTags();
        for (const tag of input.tags) {
          await tx.resourceTag.upsert({
            where: {
              resourceType_resourceId_tagKey: {
                resourceType: type,
                resourceId: id,
                tagKey: tag.key,
              },
            },
            create: {
              regionId: ctx.regionId,
              resourceType: type,
              resourceId: id,
              tagKey: tag.key,
              tagValue: tag.value,
            },
            update: { tagValue: tag.value },
          });
        }
      }
    });
  });
}

export type UntagResourcesInput = {
  resourceType: TagResourceType;
  resourceIds: string[];
  tagKeys?: string[];
  /** Removes every tag (ignored when TagKey.N is given, as in ECS). */
  all?: boolean;
};

export function untagResources(ctx: RequestContext, input: UntagResourcesInput): Promise<void> {
  const { resourceType: type, resourceIds: ids } = input;
  const spec = {
    service: "ecs" as const,
    action: "UntagResources",
    resourceArn: resourceArn(ctx.regionId, type, ids[0]),
  };
  return operation(ctx, spec, async () => {
    const tagKeys = input.tagKeys ?? [];
    if (tagKeys.length === 0 && !input.all) throw missingParameter("TagKey");
    await authorizeEach(ctx, "UntagResources", type, ids);
    await assertResourcesExist(ctx.regionId, type, ids);
    await getRuntime().db.resourceTag.deleteMany({
      where: {
        resourceType: type,
        resourceId: { in: ids },
        ...(tagKeys.length > 0 ? { tagKey: { in: tagKeys } } : {}),
      },
    });
  });
}

export type ListTagResourcesInput = {
  resourceType: TagResourceType;
  resourceIds?: string[];
  /** Resources carrying every one of these tags (no value: any value of the key). */
  tags?: { key: string; value?: string }[];
  nextToken?: string;
};

export type TagResourceRow = {
  resourceId: string;
  resourceType: string;
  tagKey: string;
  tagValue: string;
};

/**
 * The tags of the named resources, or of the resources carrying every tag of `tags` — 50 rows
 * a page. Unknown resource ids simply have no rows, as in ECS.
 */
export function listTagResources(
  ctx: RequestContext,
  input: ListTagResourcesInput,
): Promise<{ tagResources: TagResourceRow[]; nextToken: string }> {
  const type = input.resourceType;
  const target = input.resourceIds?.[0] ?? "*";
  const spec = {
    service: "ecs" as const,
    action: "ListTagResources",
    resourceArn: resourceArn(ctx.regionId, type, target),
  };
  return operation(ctx, spec, async () => {
    const ids = input.resourceIds?.length ? input.resourceIds : undefined;
    const tags = input.tags?.length ? input.tags : undefined;
    if (!ids && !tags) throw missingParameter("ResourceId");
    const { db } = getRuntime();
    let selected = ids ? new Set(ids) : undefined;
    for (const tag of tags ?? []) {
      const rows = await db.resourceTag.findMany({
        where: {
          regionId: ctx.regionId,
          resourceType: type,
          tagKey: tag.key,
          ...(tag.value !== undefined ? { tagValue: tag.value } : {}),
        },
        select: { resourceId: true },
      });
      const tagged = new Set(rows.map((r) => r.resourceId));
      selected = selected ? new Set([...selected].filter((id) => tagged.has(id))) : tagged;
    }
    const offset = input.nextToken ? decodeTagToken(input.nextToken) : 0;
    const rows = await db.resourceTag.findMany({
      where: {
        regionId: ctx.regionId,
        resourceType: type,
        resourceId: { in: [...(selected ?? [])] },
      },
      orderBy: [{ resourceId: "asc" }, { tagKey: "asc" }],
      skip: offset,
      take: LIST_TAG_RESOURCES_PAGE_SIZE + 1,
    });
    const page = rows.slice(0, LIST_TAG_RESOURCES_PAGE_SIZE);
    return {
      tagResources: page.map((r) => ({
        resourceId: r.resourceId,
        resourceType: type,
        tagKey: r.tagKey,
        tagValue: r.tagValue,
      })),
      nextToken:
        rows.length > LIST_TAG_RESOURCES_PAGE_SIZE
          ? `tag1.${(offset + page.length).toString(36)}`
          : "",
    };
  });
}

function decodeTagToken(token: string): number {
  const match = /^tag1\.([0-9a-z]{1,10})$/.exec(token);
  const offset = match ? parseInt(match[1], 36) : NaN;
  if (!Number.isSafeInteger(offset) || offset <= 0) {
    throw tagErrors.invalidNextToken();
  }
  return offset;
}
