"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import {
  disableDiskEncryptionByDefault,
  enableDiskEncryptionByDefault,
  modifyDiskDefaultKMSKeyId,
  resetDiskDefaultKMSKeyId,
} from "@/lib/ecs/encryption/default-encryption";
import { kmsKeyIdField } from "@/lib/ecs/disks/schemas";
import { inRegion, regionInputSchema } from "../../kms/keys/action-inputs";

/** Settings › Encryption by default, in the page's region (EnableDiskEncryptionByDefault & co). */
export const enableEncryptionByDefault = consoleAction(
  regionInputSchema,
  async (ctx) => {
    await enableDiskEncryptionByDefault(ctx);
    return null;
  },
  inRegion,
);

export const disableEncryptionByDefault = consoleAction(
  regionInputSchema,
  async (ctx) => {
    await disableDiskEncryptionByDefault(ctx);
    return null;
  },
  inRegion,
);

/** The default key: a customer master key (ModifyDiskDefaultKMSKeyId) or the service key. */
export const modifyDefaultKey = consoleAction(
  regionInputSchema.extend({ kmsKeyId: kmsKeyIdField().pipe(z.string().min(1)) }),
  async (ctx, input) => {
    await modifyDiskDefaultKMSKeyId(ctx, { kmsKeyId: input.kmsKeyId });
    return null;
  },
  inRegion,
);

export const resetDefaultKey = consoleAction(
  regionInputSchema,
  (ctx) => resetDiskDefaultKMSKeyId(ctx),
  inRegion,
);
