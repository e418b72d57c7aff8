"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { getInstanceDetail } from "@/lib/ecs/instances/console-queries";
import { deleteInstance } from "@/lib/ecs/instances/delete-modify";
import { rebootInstance, startInstance, stopInstance } from "@/lib/ecs/instances/power-actions";
import { kmsKeyIdField } from "@/lib/ecs/disks/schemas";
import { replaceSystemDisk } from "@/lib/ecs/instances/replace-system-disk";
import { inRegion, regionInputSchema } from "../../kms/keys/action-inputs";

const instanceInputSchema = regionInputSchema.extend({ instanceId: z.string().min(1).max(64) });

/** The instance page's buttons: the same services as StartInstance, StopInstance, … */
export const startInstanceAction = consoleAction(
  instanceInputSchema,
  async (ctx, input) => {
    await startInstance(ctx, { instanceId: input.instanceId });
    return null;
  },
  inRegion,
);

export const stopInstanceAction = consoleAction(
  instanceInputSchema.extend({ forceStop: z.boolean() }),
  async (ctx, input) => {
    await stopInstance(ctx, { instanceId: input.instanceId, forceStop: input.forceStop });
    return null;
  },
  inRegion,
);

export const rebootInstanceAction = consoleAction(
  instanceInputSchema.extend({ forceStop: z.boolean() }),
  async (ctx, input) => {
    await rebootInstance(ctx, { instanceId: input.instanceId, forceStop: input.forceStop });
    return null;
  },
  inRegion,
);

export const deleteInstanceAction = consoleAction(
  instanceInputSchema.extend({ force: z.boolean() }),
  async (ctx, input) => {
    await deleteInstance(ctx, { instanceId: input.instanceId, force: input.force });
    return null;
  },
  inRegion,
);

/**
 * What the instance page polls: its status and whether it hangs on I/O (and on which keys), so
 * that it reads itself again when either changes — a hung instance recovers on its own.
 */
export const pollInstanceState = consoleAction(
  instanceInputSchema,
  async (ctx, input) => {
    const detail = await getInstanceDetail(ctx, { instanceId: input.instanceId });
    return {
      status: detail.instance.status,
      guestState: detail.guestState,
      hangs: detail.hangs.map((hang) => `${hang.diskId}:${hang.keyState}`).join(","),
    };
  },
  inRegion,
);

/**
 * Replace system disk (ReplaceSystemDisk): the instance Stopped; a new system disk from the
 * image (encrypted when the image is, or when asked), the old one released once it is in use.
 */
export const replaceSystemDiskAction = consoleAction(
  instanceInputSchema.extend({
    imageId: z.string().min(1).max(64),
    encrypted: z.boolean().optional(),
    kmsKeyId: kmsKeyIdField().optional(),
  }),
  (ctx, input) =>
    replaceSystemDisk(ctx, {
      instanceId: input.instanceId,
      imageId: input.imageId,
      encrypted: input.encrypted,
      kmsKeyId: input.encrypted ? input.kmsKeyId : undefined,
    }),
  inRegion,
);
