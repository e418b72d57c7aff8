"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { deleteDisk as deleteDiskService } from "@/lib/ecs/disks/delete-disk";
import {
  modifyDiskAttribute as modifyDiskAttributeService,
  resizeDisk as resizeDiskService,
} from "@/lib/ecs/disks/modify-disk";
import { diskDescriptionField, diskNameField } from "@/lib/ecs/disks/schemas";
import {
  attachDisk as attachDiskService,
  detachDisk as detachDiskService,
} from "@/lib/ecs/instances/attach-detach";
import { createSnapshot as createSnapshotService } from "@/lib/ecs/snapshots/create-snapshot";
import { resetDisk as resetDiskService } from "@/lib/ecs/snapshots/reset-disk";
import { inRegion, regionInputSchema } from "../../kms/keys/action-inputs";

/** What every action of a disk's page carries: the page's region and the disk. */
const diskRefSchema = regionInputSchema.extend({ diskId: z.string().min(1).max(64) });

/** More › Attach (AttachDisk): a Running or Stopped instance of the disk's zone. */
export const attachDisk = consoleAction(
  diskRefSchema.extend({
    instanceId: z.string().min(1).max(64),
    deleteWithInstance: z.boolean().optional(),
  }),
  async (ctx, input) => {
    await attachDiskService(ctx, {
      diskId: input.diskId,
      instanceId: input.instanceId,
      deleteWithInstance: input.deleteWithInstance,
    });
    return null;
  },
  inRegion,
);

/** More › Detach (DetachDisk) from the instance it is attached to. */
export const detachDisk = consoleAction(
  diskRefSchema.extend({ instanceId: z.string().min(1).max(64) }),
  async (ctx, input) => {
    await detachDiskService(ctx, { diskId: input.diskId, instanceId: input.instanceId });
    return null;
  },
  inRegion,
);

/** More › Release (DeleteDisk): an Unattached disk, its data key blob and its medium go. */
export const deleteDisk = consoleAction(
  diskRefSchema,
  async (ctx, input) => {
    await deleteDiskService(ctx, { diskId: input.diskId });
    return null;
  },
  inRegion,
);

/** More › Resize disk (ResizeDisk): grow only, within the category's limits. */
export const resizeDisk = consoleAction(
  diskRefSchema.extend({ newSizeGiB: z.number().int().positive() }),
  async (ctx, input) => {
    await resizeDiskService(ctx, { diskId: input.diskId, newSizeGiB: input.newSizeGiB });
    return null;
  },
  inRegion,
);

/** More › Modify attributes (ModifyDiskAttribute): name, description, release with instance. */
export const modifyDiskAttribute = consoleAction(
  diskRefSchema.extend({
    name: diskNameField().optional(),
    description: diskDescriptionField().optional(),
    deleteWithInstance: z.boolean().optional(),
  }),
  async (ctx, input) => {
    await modifyDiskAttributeService(ctx, {
      diskIds: [input.diskId],
      name: input.name,
      description: input.description,
      deleteWithInstance: input.deleteWithInstance,
    });
    return null;
  },
  inRegion,
);

/** Create snapshot (CreateSnapshot): inherits the disk's encryption and key. */
export const createSnapshot = consoleAction(
  diskRefSchema.extend({
    name: diskNameField().optional(),
    description: diskDescriptionField().optional(),
  }),
  (ctx, input) =>
    createSnapshotService(ctx, {
      diskId: input.diskId,
      name: input.name,
      description: input.description,
    }),
  inRegion,
);

/** Roll back disk (ResetDisk) to one of its own snapshots; its instance Stopped. */
export const resetDisk = consoleAction(
  diskRefSchema.extend({ snapshotId: z.string().min(1).max(64) }),
  async (ctx, input) => {
    await resetDiskService(ctx, { diskId: input.diskId, snapshotId: input.snapshotId });
    return null;
  },
  inRegion,
);
