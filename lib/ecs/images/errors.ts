import { AppError } from "@/lib/errors";

/**
 * Image errors with the code, HTTP status and message of each API's own list
 * (reference/alibaba-api-notes.md: CopyImage, CreateImage, RunInstances). Where an API lists
 * none, the text is ours and README.md says so. Pure.
 */
export const imageErrors = {
  notFound: () => new AppError("InvalidImageId.NotFound", "The specified ImageId does not exist.", 404),
  notAvailable: () => new AppError("IncorrectImageStatus", "The image not available.", 400),
  nameDuplicated: () => new AppError("InvalidImageName.Duplicated", "The specified Image name has already been used.", 403),
  sourceMissing: () =>
    new AppError("MissingParameter", 'The input parameter "InstanceId" or "SnapshotId" that is mandatory for processing this request is not supplied.', 400),
  notSystemDiskSnapshot: () =>
    new AppError("InvalidSnapshotId.NotSystemDiskSnapshot", "The specified snapshot is not a system disk snapshot.", 403),
  usedByInstance: () =>
    new AppError("ImageUsedByInstance", "The specified image is used by instance(s); set Force to true to delete it.", 403),
  invalidStatus: () => new AppError("InvalidStatus.ValueNotSupported", "The specified parameter Status is not valid.", 400),
  // ---- CopyImage ----
  destinationRegionNotFound: () =>
    new AppError("InvalidRegionId.NotFound", "The specified DestinationRegionId does not exist.", 404),
  wouldDecrypt: () =>
    new AppError(
      "OperationDeined.EncryptedSnapshot",
      "The image contains encrypted snapshots, which do not support copying to non-encrypted ones.",
      403,
    ),
  encryptAcrossRegion: () =>
    new AppError(
      "OperationDenied.EncryptSnapshotAcrossRegion",
      "The image do not contain encrypted snapshots, which do not support copying to encrypted ones.",
      403,
    ),
};
