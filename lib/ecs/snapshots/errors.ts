import { AppError } from "@/lib/errors";

/**
 * Snapshot errors with the code, HTTP status and message of each API's own list
 * (reference/alibaba-api-notes.md: CreateSnapshot, CopySnapshot, ResetDisk, CreateDisk). Where
 * an API lists none, the text is ours and README.md says so. Pure.
 */
export const snapshotErrors = {
  notFound: () => new AppError("InvalidSnapshotId.NotFound", "The specified SnapshotId does not exist.", 404),
  /** CopySnapshot's own status and text. */
  copySourceNotFound: () => new AppError("InvalidSnapshotId.NotFound", "The specified snapshot is not exists.", 403),
  notReady: () => new AppError("InvalidSnapshotId.NotReady", "The specified snapshot has not completed yet.", 403),
  /** CreateDisk's code for a snapshot still progressing. */
  notReadyForDisk: () => new AppError("InvalidSnapshot.NotReady", "The specified snapshot has not completed yet.", 403),
  diskNotFound: () => new AppError("InvalidDiskId.NotFound", "The specified DiskId does not exist.", 404),
  creatingSnapshot: () =>
    new AppError("IncorrectDiskStatus.CreatingSnapshot", "A previous snapshot creation is in process.", 403),
  incorrectDiskStatus: () =>
    new AppError("IncorrectDiskStatus", "The current disk status does not support this operation.", 403),
  incorrectInstanceStatus: (httpStatus = 403) =>
    new AppError("IncorrectInstanceStatus", "The current status of the resource does not support this operation.", httpStatus),
  /** CreateSnapshot / ResetDisk / CreateImage: the disk's key is not Enabled. */
  keyNotEnabled: () => new AppError("InvalidParameter.KMSKeyId.CMKNotEnabled", "The CMK needs to be enabled.", 403),
  /** CreateSnapshot's status for a key that is gone. */
  keyNotFound: (httpStatus = 400) =>
    new AppError("InvalidParameter.KMSKeyId.NotFound", "The specified KMSKeyId does not exist.", httpStatus),
  invalidName: () =>
    new AppError("InvalidSnapshotName.Malformed", "The specified parameter SnapshotName is not valid: it cannot start with auto.", 400),
  // ---- DeleteSnapshot ----
  usedByImage: () =>
    new AppError("SnapshotCreatedImage", "The snapshot has been used to create user defined image(s).", 403),
  usedByDisk: () => new AppError("SnapshotCreatedDisk", "The snapshot has been used to create disk(s).", 403),
  // ---- ResetDisk ----
  notOfDisk: () =>
    new AppError("InvalidParameter.Mismatch", "The specified snapshot is not created from the specified disk.", 403),
  encryptedForUnencryptedDisk: () =>
    new AppError("InvalidParameter.Mismatch", "Non-encrypted disk can not be reset by encrypted snapshot.", 403),
  // ---- CopySnapshot ----
  sameRegion: () =>
    new AppError("InvalidOperation.NotSupportCopyInSameRegion", "Copying snapshot in the same region is not supported.", 403),
  notSupportDecrypt: () =>
    new AppError("InvalidEncrypted.NotSupportDecrypt", "Encrypted snapshot not support copy to decrypt snapshot.", 403),
  copyKeyWithoutEncrypted: () =>
    new AppError("InvalidEncrypted.NotMatchKmsKeyId", "The specified parameter Encrypted must be true when KmsKeyId is not empty.", 403),
  destinationRegionNotFound: () =>
    new AppError("InvalidRegionId.NotFound", "The specified DestinationRegionId does not exist.", 404),
  copyKeyNotFound: () => new AppError("InvalidParameter.KMSKeyId.NotFound", "The specified KMSKeyId does not exist.", 403),
  // ---- DescribeSnapshots ----
  invalidSnapshotIds: () =>
    new AppError("InvalidParameter.SnapshotIds", "The specified parameter SnapshotIds is not valid.", 400),
  tooManySnapshotIds: () =>
    new AppError("InvalidSnapshotIds.Malformed", "The amount of specified snapshot Ids exceeds the limit.", 400),
  // ---- disks from snapshots (CreateDisk, RunInstances DataDisk.N.SnapshotId) ----
  encryptedMustBeTrue: () =>
    new AppError(
      "InvalidEncrypted.NotMatchSnapshot",
      "The specified parameter Encrypted must be set to true when creating disks with encrypted snapshots.",
      403,
    ),
  unencryptedFromEncrypted: () =>
    new AppError("InvalidParameter.Encrypted", "Creating non-encrypted disks with encrypted snapshots is not supported.", 400),
  keyNotMatchSnapshot: () =>
    new AppError("InvalidKmsKeyId.NotMatchSnapshot", "The specified parameter KmsKeyId is different from the KmsKeyId of the snapshot.", 400),
  diskSizeTooSmall: () =>
    new AppError("InvalidDiskSize.TooSmall", "Specified disk size is less than the size of snapshot.", 403),
};
