import type { ActionResult } from "@/lib/console/server-action";
import type { AuthorizeDiskEncryption } from "@/components/disks/authorize-role-dialog";
import type { CreateDiskAction } from "@/components/disks/create-disk-form";
import type { DiskPageActions } from "@/components/disks/disk-actions-types";
import type { Observed, WizardKind } from "@/components/encrypt-wizard/wizard-plan";

/** The resources the wizard has made so far (in the URL too, so a reload resumes from them). */
export type WizardIds = {
  snapshotId?: string;
  newDiskId?: string;
  imageId?: string;
  copyId?: string;
  replacedDiskId?: string;
};

/** The disk being encrypted and its instance, as the page read them. */
export type WizardSubject = {
  kind: WizardKind;
  diskId: string;
  name: string;
  category: string;
  performanceLevel: string | null;
  sizeGiB: number;
  zoneId: string;
  status: string;
  deleteWithInstance: boolean;
  instance?: { instanceId: string; instanceType: string; status: string };
};

type Ref = { regionId: string };

/**
 * The server actions the wizard runs, step by step: the very actions the Disks, Images and
 * Instances pages use (one service path), plus `observe`, which reads every resource at once.
 */
export type WizardActions = {
  observe: (
    input: Ref & { kind: WizardKind; diskId: string; instanceId?: string } & WizardIds,
  ) => Promise<ActionResult<Observed>>;
  createSnapshot: DiskPageActions["createSnapshot"];
  createDisk: CreateDiskAction;
  detachDisk: DiskPageActions["detachDisk"];
  attachDisk: DiskPageActions["attachDisk"];
  createImage: (
    input: Ref & { instanceId?: string; snapshotId?: string; name?: string; description?: string },
  ) => Promise<ActionResult<{ imageId: string }>>;
  copyImage: (
    input: Ref & {
      imageId: string;
      destinationRegionId: string;
      name?: string;
      description?: string;
      encrypted: boolean;
      kmsKeyId?: string;
    },
  ) => Promise<ActionResult<{ imageId: string }>>;
  stopInstance: (
    input: Ref & { instanceId: string; forceStop: boolean },
  ) => Promise<ActionResult<null>>;
  startInstance: (input: Ref & { instanceId: string }) => Promise<ActionResult<null>>;
  replaceSystemDisk: (
    input: Ref & { instanceId: string; imageId: string; encrypted?: boolean; kmsKeyId?: string },
  ) => Promise<ActionResult<{ diskId: string }>>;
  authorize: AuthorizeDiskEncryption;
};
