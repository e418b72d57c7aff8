"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { createDisk as createDiskService } from "@/lib/ecs/disks/create-disk";
import { diskStatuses } from "@/lib/ecs/disks/console-queries";
import { MAX_DISK_IDS } from "@/lib/ecs/disks/disk-query";
import { createDiskFormSchema } from "@/lib/ecs/disks/schemas";
import { normalizeTags } from "@/lib/ecs/tags/tag-rules";
import { grantEcsDiskEncryptRole } from "@/lib/ram/roles";
import { inRegion, regionInputSchema } from "../kms/keys/action-inputs";

/**
 * Disks › Create disk: the same CreateDisk service the API calls (authorization with the
 * effective encryption, every restriction, the data key from KMS), in the page's region — from a
 * snapshot too (the page's Create from snapshot, and the Encrypt this disk wizard).
 */
export const createDisk = consoleAction(
  createDiskFormSchema
    .extend(regionInputSchema.shape)
    .extend({ snapshotId: z.string().min(1).max(64).optional() }),
  (ctx, input) =>
    createDiskService(ctx, {
      zoneId: input.zoneId,
      category: input.category,
      performanceLevel: input.performanceLevel,
      sizeGiB: input.sizeGiB,
      name: input.name,
      description: input.description,
      encrypted: input.encrypted,
      kmsKeyId: input.encrypted ? input.kmsKeyId : undefined,
      tags: input.tags && input.tags.length > 0 ? normalizeTags(input.tags) : undefined,
      snapshotId: input.snapshotId,
    }),
  inRegion,
);

/**
 * "Confirm Authorization Policy": creates AliyunECSDiskEncryptDefaultRole (trusting
 * ecs.aliyuncs.com, with AliyunECSDiskEncryptRolePolicy), so ECS may use customer master keys.
 */
export const authorizeDiskEncryption = consoleAction(
  regionInputSchema,
  async (ctx) => {
    const role = await grantEcsDiskEncryptRole(ctx);
    return { roleName: role.roleName };
  },
  inRegion,
);

/** The statuses the list and detail pages poll while a disk is Creating, Attaching or Detaching. */
export const pollDiskStatuses = consoleAction(
  regionInputSchema.extend({ diskIds: z.array(z.string().min(1).max(64)).max(MAX_DISK_IDS) }),
  (ctx, input) => diskStatuses(ctx, input.diskIds),
  inRegion,
);
