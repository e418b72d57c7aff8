import type { ActionResult } from "@/lib/console/server-action";
import type { AuthorizeDiskEncryption } from "@/components/disks/authorize-role-dialog";
import type { LoadEncryptionOptions } from "@/components/shared/encryption-choice";

/** The server actions the Images page hands to its client components (images/actions.ts). */
type Ref = { regionId: string };

export type ImagePageActions = {
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
  deleteImage: (input: Ref & { imageId: string; force: boolean }) => Promise<ActionResult<null>>;
  loadEncryptionOptions: LoadEncryptionOptions;
  authorize: AuthorizeDiskEncryption;
};
