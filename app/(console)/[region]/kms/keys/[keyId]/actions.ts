"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import {
  createAlias as createAliasService,
  deleteAlias as deleteAliasService,
} from "@/lib/kms/alias-changes";
import { aliasInputSchema } from "@/lib/kms/console-schemas";
import { setDeletionProtection as setDeletionProtectionService } from "@/lib/kms/key-deletion";
import { tagResource, untagResource } from "@/lib/kms/key-tags";
import { createKeyVersion as createKeyVersionService } from "@/lib/kms/key-versions";
import { parseRotationInterval } from "@/lib/kms/rotation-interval";
import { updateRotationPolicy as updateRotationPolicyService } from "@/lib/kms/rotation-policy";
import { isValidTagKey, MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH } from "@/lib/kms/tag-params";
import { inRegion, keyRefInputSchema } from "../action-inputs";

/** Key detail › Aliases › Add alias (the service checks the name's rules and uniqueness). */
export const createAlias = consoleAction(
  keyRefInputSchema.extend({ aliasName: aliasInputSchema.shape.aliasName }),
  async (ctx, input) => {
    await createAliasService(ctx, { aliasName: input.aliasName, keyId: input.keyId });
    return null;
  },
  inRegion,
);

export const deleteAlias = consoleAction(
  keyRefInputSchema.extend({ aliasName: aliasInputSchema.shape.aliasName }),
  async (ctx, input) => {
    await deleteAliasService(ctx, { aliasName: input.aliasName });
    return null;
  },
  inRegion,
);

/** Key detail › Tags: one tag at a time (TagResource replaces the value of an existing key). */
export const tagKey = consoleAction(
  keyRefInputSchema.extend({
    tagKey: z
      .string()
      .refine(isValidTagKey, "Tag keys are 1 to 128 characters, not acs: or aliyun…"),
    tagValue: z.string().max(MAX_TAG_VALUE_LENGTH),
  }),
  async (ctx, input) => {
    await tagResource(ctx, {
      keyId: input.keyId,
      tags: [{ tagKey: input.tagKey, tagValue: input.tagValue }],
    });
    return null;
  },
  inRegion,
);

export const untagKey = consoleAction(
  keyRefInputSchema.extend({ tagKey: z.string().min(1).max(MAX_TAG_KEY_LENGTH) }),
  async (ctx, input) => {
    await untagResource(ctx, { keyId: input.keyId, tagKeys: [input.tagKey] });
    return null;
  },
  inRegion,
);

/** Key detail › Rotation policy; the period arrives as the API writes it (`365d`). */
export const updateRotationPolicy = consoleAction(
  keyRefInputSchema.extend({
    enableAutomaticRotation: z.boolean(),
    rotationInterval: z
      .string()
      .refine((text) => parseRotationInterval(text) !== undefined, "7 to 730 days, e.g. 365d")
      .optional(),
  }),
  async (ctx, input) => {
    await updateRotationPolicyService(ctx, {
      keyId: input.keyId,
      enableAutomaticRotation: input.enableAutomaticRotation,
      rotationIntervalSeconds:
        input.rotationInterval === undefined
          ? undefined
          : parseRotationInterval(input.rotationInterval),
    });
    return null;
  },
  inRegion,
);

export const setDeletionProtection = consoleAction(
  keyRefInputSchema.extend({ enableDeletionProtection: z.boolean() }),
  async (ctx, input) => {
    await setDeletionProtectionService(ctx, {
      keyId: input.keyId,
      enableDeletionProtection: input.enableDeletionProtection,
    });
    return null;
  },
  inRegion,
);

/** Key versions › Rotate now: a new primary version (CreateKeyVersion). */
export const createKeyVersion = consoleAction(
  keyRefInputSchema,
  async (ctx, input) => {
    await createKeyVersionService(ctx, { keyId: input.keyId });
    return null;
  },
  inRegion,
);
