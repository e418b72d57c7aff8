import type { ActionResult } from "@/lib/console/server-action";
import type { AuthorizeDiskEncryption } from "@/components/disks/authorize-role-dialog";
import type { LoadEncryptionOptions } from "@/components/shared/encryption-choice";

/**
 * The server actions the Snapshots pages hand to their client components
 * (app/(console)/[region]/snapshots/actions.ts). Every input names the page's region.
 */
export type SnapshotRef = { regionId: string; snapshotId: string };

export type CopyInput = SnapshotRef & {
  destinationRegionId: string;
  name?: string;
  description?: string;
  encrypted: boolean;
  kmsKeyId?: string;
};

export type SnapshotPageActions = {
  copySnapshot: (input: CopyInput) => Promise<ActionResult<{ snapshotId: string }>>;
  deleteSnapshot: (input: SnapshotRef) => Promise<ActionResult<null>>;
  loadEncryptionOptions: LoadEncryptionOptions;
  authorize: AuthorizeDiskEncryption;
};
