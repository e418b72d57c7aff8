"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { snapshotProgresses } from "@/lib/ecs/snapshots/console-snapshots";
import { copySnapshot as copySnapshotService } from "@/lib/ecs/snapshots/copy-snapshot";
import { deleteSnapshot as deleteSnapshotService } from "@/lib/ecs/snapshots/delete-snapshot";
import { MAX_SNAPSHOT_IDS } from "@/lib/ecs/snapshots/snapshot-query";
import { consoleContext } from "@/lib/console/context";
import { AppError } from "@/lib/errors";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import { copyEncryption, copyRequestFields } from "../copy-request-input";
import { inRegion, regionInputSchema } from "../kms/keys/action-inputs";

const snapshotRefSchema = regionInputSchema.extend({ snapshotId: z.string().min(1).max(64) });

/** Copy / Copy and Encrypt (CopySnapshot) to this or another region. */
export const copySnapshot = consoleAction(
  snapshotRefSchema.extend(copyRequestFields),
  (ctx, input) =>
    copySnapshotService(ctx, {
      snapshotId: input.snapshotId,
      destinationRegionId: input.destinationRegionId,
      destinationSnapshotName: input.name,
      destinationSnapshotDescription: input.description,
      ...copyEncryption(input),
    }),
  inRegion,
);

/** Delete (DeleteSnapshot). */
export const deleteSnapshot = consoleAction(
  snapshotRefSchema,
  async (ctx, input) => {
    await deleteSnapshotService(ctx, { snapshotId: input.snapshotId });
    return null;
  },
  inRegion,
);

/** Status and progress of the snapshots a page shows progressing. */
export const pollSnapshots = consoleAction(
  regionInputSchema.extend({
    snapshotIds: z.array(z.string().min(1).max(64)).max(MAX_SNAPSHOT_IDS),
  }),
  (ctx, input) => snapshotProgresses(ctx, input.snapshotIds),
  inRegion,
);

/**
 * Another region's encryption options (its keys, rules, the role), for a copy's key selector:
 * the same read as the create pages', in that region.
 */
export const loadEncryptionOptions = consoleAction(
  regionInputSchema,
  async (_ctx, input) => {
    const options = await loadCreateEncryptionOptions(await consoleContext(input.regionId));
    if (!options.data) throw new AppError(options.refusal.code, options.refusal.message, 403);
    return options.data;
  },
  inRegion,
);
