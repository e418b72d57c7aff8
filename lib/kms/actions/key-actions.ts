import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { bool, coded, int, oneOf, str } from "@/lib/openapi/params";
import { createKey } from "../create-key";
import { describeKey } from "../describe-key";
import { disableKey, enableKey } from "../enable-disable-key";
import {
  cancelKeyDeletion,
  PENDING_WINDOW_DAYS,
  scheduleKeyDeletion,
  setDeletionProtection,
} from "../key-deletion";
import { KEY_ORIGINS, KEY_SPECS, KEY_USAGES, PROTECTION_LEVELS } from "../key-specs";
import { listResourceTags, tagResource, untagResource } from "../key-tags";
import { keyMetadataWire } from "../key-view";
import { listKeys } from "../list-keys";
import { parseListKeysFilters } from "../list-keys-filters";
import { parseTagKeys, parseTags } from "../tag-params";
import { MAX_KEY_DESCRIPTION_LENGTH, updateKeyDescription } from "../update-key-description";
import { keyIdParam, pageParams, pageWire, parsedJsonParam, rotationIntervalParam } from "./params";

/** Keys: lifecycle, metadata, deletion, tags (KMS 2016-01-20). */
export const keyActions: Record<string, ActionDefinition> = {
  CreateKey: defineAction(
    z.object({
      Description: str({ max: MAX_KEY_DESCRIPTION_LENGTH }).optional(),
      KeySpec: oneOf(KEY_SPECS).optional(),
      KeyUsage: oneOf(KEY_USAGES).optional(),
      Origin: oneOf(KEY_ORIGINS).optional(),
      ProtectionLevel: oneOf(PROTECTION_LEVELS).optional(),
      EnableAutomaticRotation: bool().optional(),
      RotationInterval: rotationIntervalParam().optional(),
      Tags: parsedJsonParam("Tags", parseTags).optional(),
      // Keys of dedicated KMS instances do not exist here.
      DKMSInstanceId: z
        .literal("", {
          message: coded(
            "InvalidParameter",
            'The specified parameter "DKMSInstanceId" is not valid. DiskSeal has no dedicated KMS instances.',
          ),
        })
        .optional(),
    }),
    async (ctx, p) => {
      const key = await createKey(ctx, {
        description: p.Description,
        keySpec: p.KeySpec,
        keyUsage: p.KeyUsage,
        origin: p.Origin,
        protectionLevel: p.ProtectionLevel,
        enableAutomaticRotation: p.EnableAutomaticRotation,
        rotationIntervalSeconds: p.RotationInterval,
        tags: p.Tags,
      });
      return { KeyMetadata: keyMetadataWire(key) };
    },
  ),

  DescribeKey: defineAction(z.object({ KeyId: keyIdParam() }), async (ctx, p) => ({
    KeyMetadata: keyMetadataWire(await describeKey(ctx, { keyId: p.KeyId })),
  })),

  ListKeys: defineAction(
    z.object({
      ...pageParams,
      Filters: parsedJsonParam("Filters", parseListKeysFilters).optional(),
    }),
    async (ctx, p) => {
      const page = await listKeys(ctx, {
        pageNumber: p.PageNumber,
        pageSize: p.PageSize,
        filters: p.Filters,
      });
      return {
        Keys: { Key: page.items.map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })) },
        ...pageWire(page),
      };
    },
  ),

  UpdateKeyDescription: defineAction(
    z.object({ KeyId: keyIdParam(), Description: str({ max: MAX_KEY_DESCRIPTION_LENGTH }) }),
    async (ctx, p) => {
      await updateKeyDescription(ctx, { keyId: p.KeyId, description: p.Description });
      return {};
    },
  ),

  EnableKey: defineAction(z.object({ KeyId: keyIdParam() }), async (ctx, p) => {
    await enableKey(ctx, { keyId: p.KeyId });
    return {};
  }),

  DisableKey: defineAction(z.object({ KeyId: keyIdParam() }), async (ctx, p) => {
    await disableKey(ctx, { keyId: p.KeyId });
    return {};
  }),

  ScheduleKeyDeletion: defineAction(
    z.object({
      KeyId: keyIdParam(),
      PendingWindowInDays: int({ min: PENDING_WINDOW_DAYS.min, max: PENDING_WINDOW_DAYS.max }),
    }),
    async (ctx, p) => {
      await scheduleKeyDeletion(ctx, {
        keyId: p.KeyId,
        pendingWindowInDays: p.PendingWindowInDays,
      });
      return {};
    },
  ),

  CancelKeyDeletion: defineAction(z.object({ KeyId: keyIdParam() }), async (ctx, p) => {
    await cancelKeyDeletion(ctx, { keyId: p.KeyId });
    return {};
  }),

  SetDeletionProtection: defineAction(
    z
      .object({
        ProtectedResourceArn: keyIdParam().optional(),
        KeyId: keyIdParam().optional(),
        EnableDeletionProtection: bool(),
        DeletionProtectionDescription: str({ max: 1024 }).optional(),
      })
      .refine((p) => p.ProtectedResourceArn !== undefined || p.KeyId !== undefined, {
        message: coded(
          "MissingParameter",
          'The parameter "ProtectedResourceArn" is needed but not provided.',
        ),
      }),
    async (ctx, p) => {
      await setDeletionProtection(ctx, {
        keyId: (p.ProtectedResourceArn ?? p.KeyId)!,
        enableDeletionProtection: p.EnableDeletionProtection,
        deletionProtectionDescription: p.DeletionProtectionDescription,
      });
      return {};
    },
  ),

  TagResource: defineAction(
    z.object({ KeyId: keyIdParam(), Tags: parsedJsonParam("Tags", parseTags) }),
    async (ctx, p) => {
      await tagResource(ctx, { keyId: p.KeyId, tags: p.Tags });
      return {};
    },
  ),

  UntagResource: defineAction(
    z.object({ KeyId: keyIdParam(), TagKeys: parsedJsonParam("TagKeys", parseTagKeys) }),
    async (ctx, p) => {
      await untagResource(ctx, { keyId: p.KeyId, tagKeys: p.TagKeys });
      return {};
    },
  ),

  ListResourceTags: defineAction(z.object({ KeyId: keyIdParam() }), async (ctx, p) => {
    const { keyId, tags } = await listResourceTags(ctx, { keyId: p.KeyId });
    return {
      Tags: {
        Tag: tags.map((tag) => ({ KeyId: keyId, TagKey: tag.tagKey, TagValue: tag.tagValue })),
      },
    };
  }),
};
