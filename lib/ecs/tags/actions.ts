import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { bool, list, str } from "@/lib/openapi/params";
import { listTagResources, tagResources, untagResources } from "./tag-resources";
import {
  MAX_RESOURCES_PER_REQUEST,
  MAX_TAGS_PER_REQUEST,
  normalizeTags,
  TAG_RESOURCE_TYPES,
  tagErrors,
  type TagResourceType,
} from "./tag-rules";

/** ResourceType: ECS takes more types than the emulator has (400 InvalidResourceType.NotSupported). */
const resourceTypeOf = (value: string): TagResourceType => {
  if (!(TAG_RESOURCE_TYPES as readonly string[]).includes(value))
    throw tagErrors.resourceTypeNotSupported();
  return value as TagResourceType;
};

const resourceIds = () => list(str({ min: 1, max: 64 }), MAX_RESOURCES_PER_REQUEST);
const tagList = () =>
  list(z.object({ Key: str({ max: 256 }).optional(), Value: str({ max: 256 }).optional() }), 1000);

/** TagResources, UntagResources, ListTagResources (ECS 2014-05-26) on disks, instances, snapshots and images. */
export const tagActions: Record<string, ActionDefinition> = {
  TagResources: defineAction(
    z.object({
      ResourceType: str({ min: 1, max: 64 }),
      ResourceId: resourceIds().min(1),
      Tag: tagList().min(1),
    }),
    async (ctx, p) => {
      const tags = normalizeTags(p.Tag.map((t) => ({ key: t.Key, value: t.Value })));
      await tagResources(ctx, {
        resourceType: resourceTypeOf(p.ResourceType),
        resourceIds: p.ResourceId,
        tags,
      });
      return {};
    },
  ),

  UntagResources: defineAction(
    z.object({
      ResourceType: str({ min: 1, max: 64 }),
      ResourceId: resourceIds().min(1),
      TagKey: list(str({ min: 1, max: 128 }), MAX_TAGS_PER_REQUEST).optional(),
      All: bool().optional(),
    }),
    async (ctx, p) => {
      await untagResources(ctx, {
        resourceType: resourceTypeOf(p.ResourceType),
        resourceIds: p.ResourceId,
        tagKeys: p.TagKey,
        all: p.All,
      });
      return {};
    },
  ),

  ListTagResources: defineAction(
    z.object({
      ResourceType: str({ min: 1, max: 64 }),
      ResourceId: resourceIds().optional(),
      Tag: list(
        z.object({ Key: str({ min: 1, max: 128 }), Value: str({ max: 128 }).optional() }),
        MAX_TAGS_PER_REQUEST,
      ).optional(),
      NextToken: str({ max: 256 }).optional(),
    }),
    async (ctx, p) => {
      const page = await listTagResources(ctx, {
        resourceType: resourceTypeOf(p.ResourceType),
        resourceIds: p.ResourceId,
        tags: p.Tag?.map((t) => ({ key: t.Key, value: t.Value })),
        nextToken: p.NextToken || undefined,
      });
      return {
        NextToken: page.nextToken,
        TagResources: {
          TagResource: page.tagResources.map((r) => ({
            ResourceId: r.resourceId,
            ResourceType: r.resourceType,
            TagKey: r.tagKey,
            TagValue: r.tagValue,
          })),
        },
      };
    },
  ),
};
