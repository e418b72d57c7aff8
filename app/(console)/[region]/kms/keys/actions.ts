"use server";

import { consoleAction } from "@/lib/console/server-action";
import { isAppError } from "@/lib/errors";
import { createAlias } from "@/lib/kms/alias-changes";
import { scheduleKeyDeletionInputSchema } from "@/lib/kms/console-schemas";
import { createKey as createKeyService } from "@/lib/kms/create-key";
import {
  disableKey as disableKeyService,
  enableKey as enableKeyService,
} from "@/lib/kms/enable-disable-key";
import { listKeyAssociations as listKeyAssociationsService } from "@/lib/kms/key-associations";
import {
  cancelKeyDeletion as cancelKeyDeletionService,
  scheduleKeyDeletion as scheduleKeyDeletionService,
} from "@/lib/kms/key-deletion";
import { createKeyFormSchema } from "@/components/kms/create-key-schema";
import type { CreateKeyResult } from "@/components/kms/kms-actions";
import { inRegion, keyRefInputSchema, regionInputSchema } from "./action-inputs";

/** KMS › Keys › Create key; the alias, when one is asked for, is added right after. */
export const createKey = consoleAction(
  createKeyFormSchema.and(regionInputSchema),
  async (ctx, input): Promise<CreateKeyResult> => {
    const key = await createKeyService(ctx, input.key);
    if (!input.aliasName) return { keyId: key.keyId };
    try {
      await createAlias(ctx, { aliasName: input.aliasName, keyId: key.keyId });
      return { keyId: key.keyId };
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { keyId: key.keyId, aliasError: { code: error.code, message: error.message } };
    }
  },
  inRegion,
);

export const enableKey = consoleAction(
  keyRefInputSchema,
  async (ctx, input) => {
    await enableKeyService(ctx, { keyId: input.keyId });
    return null;
  },
  inRegion,
);

export const disableKey = consoleAction(
  keyRefInputSchema,
  async (ctx, input) => {
    await disableKeyService(ctx, { keyId: input.keyId });
    return null;
  },
  inRegion,
);

export const scheduleKeyDeletion = consoleAction(
  scheduleKeyDeletionInputSchema.extend(regionInputSchema.shape),
  (ctx, input) =>
    scheduleKeyDeletionService(ctx, {
      keyId: input.keyId,
      pendingWindowInDays: input.pendingWindowInDays,
    }),
  inRegion,
);

export const cancelKeyDeletion = consoleAction(
  keyRefInputSchema,
  async (ctx, input) => {
    await cancelKeyDeletionService(ctx, { keyId: input.keyId });
    return null;
  },
  inRegion,
);

/** The key association check, which the Disable and Schedule deletion dialogs show first. */
export const listKeyAssociations = consoleAction(
  keyRefInputSchema,
  (ctx, input) => listKeyAssociationsService(ctx, { keyId: input.keyId }),
  inRegion,
);
