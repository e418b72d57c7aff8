import { AppError } from "@/lib/errors";

/**
 * ECS's encryption refusals, with the code, HTTP status and message of the API's own error
 * list (reference/alibaba-api-notes.md, CreateDisk / RunInstances unless noted). Pure.
 */
export const encryptionErrors = {
  encryptedIllegal: () =>
    new AppError(
      "InvalidParameter.EncryptedIllegal",
      "The specified parameter Encrypted must be true when kmsKeyId is not empty.",
      400,
    ),
  notMatchDefaultEncryption: () =>
    new AppError(
      "InvalidEncrypted.NotMatchDiskDefaultEncryption",
      "Enabling disk default encryption prevents the creation of non-encrypted disks.",
      403,
    ),
  regionWithoutEncryption: () =>
    new AppError(
      "NotSupportSnapshotEncrypted.RegionId",
      "The specified region does not support creating encrypted disks.",
      400,
    ),
  regionWithoutCmk: () =>
    new AppError("InvalidRegion.NotSupport", "The specified region does not support byok.", 403),
  categoryNotEncryptable: () =>
    new AppError(
      "InvalidParameter.EncryptedNotSupported",
      "The current disk category does not support encryption. If encryption is required, please switch to a different disk category.",
      403,
    ),
  notEssdFamily: () =>
    new AppError(
      "NotSupportSnapshotEncrypted.DiskCategory",
      "The specified disk category does not support creating encrypted system disks or creating encrypted data disks from snapshots. Check the DiskCategory or Encrypted parameter, or check your account for default encryption settings.",
      403,
    ),
  restrictedInstanceType: () =>
    new AppError(
      "NotSupportSnapshotEncrypted.InstanceType",
      "The specified instance type does not support creating encrypted disks with native snapshot encrypt.",
      400,
    ),
  keyNotFound: () =>
    new AppError(
      "InvalidParameter.KMSKeyId.NotFound",
      "The specified KMSKeyId does not exist.",
      404,
    ),
  keyNotEnabled: () =>
    new AppError(
      "InvalidParameter.KMSKeyId.CMKNotEnabled",
      "The CMK (Customer Master Key) must be in an active state.",
      403,
    ),
  keyNotSymmetric: () =>
    new AppError(
      "InvalidKMSKeyId.NotSymmetric",
      "The specified parameter KmsKeyId must be symmetric.",
      400,
    ),
  kmsUnauthorized: () =>
    new AppError(
      "InvalidParameter.KMSKeyId.KMSUnauthorized",
      "ECS service have no right to access your KMS.",
      403,
    ),
  cmkUnauthorized: () =>
    new AppError(
      "InvalidParameter.KMSKeyId.CMKUnauthorized",
      "The CMK(Customer Master Key) lacks authorization to add tags to the ECS service.",
      403,
    ),
  dataKeyCreateFailed: () =>
    new AppError(
      "InvalidParameter.DataEncryptedKeyCreateFailed",
      "Create kms data encrypted key fail. If you need further assistance, you can contact the KMS Technical Support.",
      403,
    ),
  // ---- encryption by default (EnableDiskEncryptionByDefault & co) ----
  actionRegionNotSupported: () =>
    new AppError(
      "Abs.InvalidAction.RegionNotSupport",
      "This region does not support this action.",
      403,
    ),
  regionIdNotExists: () =>
    new AppError(
      "InvalidParameter.RegionIdNotExists",
      "The specified region does not exists.",
      403,
    ),
  defaultAlreadyEnabled: () =>
    new AppError(
      "InvalidOperation.DefaultEncryptionAlreadyEnabled",
      "The specified region is already default encryption settings.",
      403,
    ),
  defaultNotConfigured: () =>
    new AppError(
      "InvalidDefaultEncryption.NotFound",
      "You have not configured default encryption setting in this region.",
      403,
    ),
  defaultKeyNotFound: (keyId: string) =>
    new AppError(
      "InvalidOperation.KMSKeyIdNotFound",
      `The specified KMSKeyId not found, ${keyId}.`,
      403,
    ),
  /** ModifyDiskDefaultKMSKeyId's own status and text for a key that is not Enabled. */
  defaultKeyNotEnabled: () =>
    new AppError("InvalidParameter.KMSKeyId.CMKNotEnabled", "The CMK needs to be enabled.", 400),
};
