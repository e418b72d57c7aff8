import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { str } from "@/lib/openapi/params";
import {
  describeDiskDefaultKMSKeyId,
  describeDiskEncryptionByDefaultStatus,
  disableDiskEncryptionByDefault,
  enableDiskEncryptionByDefault,
  modifyDiskDefaultKMSKeyId,
  resetDiskDefaultKMSKeyId,
} from "./default-encryption";

/** Encryption by default (ECS 2014-05-26); RegionId is the endpoint's (ctx.regionId). */
export const encryptionByDefaultActions: Record<string, ActionDefinition> = {
  EnableDiskEncryptionByDefault: defineAction(z.object({}), async (ctx) => {
    await enableDiskEncryptionByDefault(ctx);
    return {};
  }),

  DisableDiskEncryptionByDefault: defineAction(z.object({}), async (ctx) => {
    await disableDiskEncryptionByDefault(ctx);
    return {};
  }),

  DescribeDiskEncryptionByDefaultStatus: defineAction(z.object({}), async (ctx) => ({
    Encrypted: (await describeDiskEncryptionByDefaultStatus(ctx)).encrypted,
  })),

  DescribeDiskDefaultKMSKeyId: defineAction(z.object({}), async (ctx) => ({
    KMSKeyId: (await describeDiskDefaultKMSKeyId(ctx)).kmsKeyId,
  })),

  ModifyDiskDefaultKMSKeyId: defineAction(
    z.object({ KMSKeyId: str({ min: 1, max: 2048 }) }),
    async (ctx, p) => {
      await modifyDiskDefaultKMSKeyId(ctx, { kmsKeyId: p.KMSKeyId });
      return {};
    },
  ),

  ResetDiskDefaultKMSKeyId: defineAction(z.object({}), async (ctx) => ({
    KMSKeyId: (await resetDiskDefaultKMSKeyId(ctx)).kmsKeyId,
  })),
};
