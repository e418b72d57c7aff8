"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { observeEncryptWizard } from "@/lib/ecs/disks/console-encrypt-wizard";
import { inRegion, regionInputSchema } from "../../../kms/keys/action-inputs";

const id = z.string().min(1).max(64);

/**
 * What the Encrypt this disk wizard polls: the disk, its instance and what the wizard made so
 * far. The steps themselves run through the Disks, Images and Instances pages' own actions.
 */
export const observeWizard = consoleAction(
  regionInputSchema.extend({
    kind: z.enum(["data", "system"]),
    diskId: id,
    instanceId: id.optional(),
    snapshotId: id.optional(),
    newDiskId: id.optional(),
    imageId: id.optional(),
    copyId: id.optional(),
    replacedDiskId: id.optional(),
  }),
  (ctx, input) => observeEncryptWizard(ctx, input),
  inRegion,
);
