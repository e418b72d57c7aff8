import type { ActionResult } from "@/lib/console/server-action";
import type { CreateSnapshotAction } from "@/components/snapshots/create-snapshot-dialog";
import type { ResetDiskAction } from "@/components/snapshots/reset-disk-dialog";

/**
 * The server actions a disk's page hands to its client components (app/(console)/[region]/
 * disks/[diskId]/actions.ts). Every input names the region, so each runs in the page's region.
 */
export type DiskRef = { regionId: string; diskId: string };

export type DiskPageActions = {
  attachDisk: (
    input: DiskRef & { instanceId: string; deleteWithInstance?: boolean },
  ) => Promise<ActionResult<null>>;
  detachDisk: (input: DiskRef & { instanceId: string }) => Promise<ActionResult<null>>;
  deleteDisk: (input: DiskRef) => Promise<ActionResult<null>>;
  resizeDisk: (input: DiskRef & { newSizeGiB: number }) => Promise<ActionResult<null>>;
  modifyDiskAttribute: (
    input: DiskRef & { name?: string; description?: string; deleteWithInstance?: boolean },
  ) => Promise<ActionResult<null>>;
  createSnapshot: CreateSnapshotAction;
  resetDisk: ResetDiskAction;
};
