import { AppError } from "@/lib/errors";

/** ECS disk errors with the codes, statuses and messages of each API's own list. Pure. */
export const diskErrors = {
  notFound: () => new AppError("InvalidDiskId.NotFound", "The specified disk does not exist.", 404),
  incorrectStatus: (expected?: string) =>
    new AppError(
      "IncorrectDiskStatus",
      expected
        ? `The current status of the disk does not support this operation. The expected disk status is ${expected}.`
        : "The current disk status does not support this operation.",
      403,
    ),
  stillAttached: () =>
    new AppError("DiskStillAttached", "The disk is still attached to the disk.", 403),
  invalidCategory: () =>
    new AppError(
      "InvalidDiskCategory.ValueNotSupported",
      'The specified parameter "DiskCategory" is not valid.',
      400,
    ),
  categoryNotOffered: () =>
    new AppError(
      "InvalidDiskCategory.NotSupported",
      "The specified disk category is not support.",
      400,
    ),
  invalidSize: () =>
    new AppError(
      "InvalidSize.ValueNotSupported",
      "The specified parameter Size is not valid.",
      400,
    ),
  sizeOrSnapshotMissing: () =>
    new AppError(
      "MissingParameter",
      'The input parameter either "SnapshotId" or "Size" should be specified.',
      400,
    ),
  zoneMissing: () =>
    new AppError(
      "MissingParameter",
      "The input parameter ZoneId that is mandatory for processing this request is not supplied.",
      400,
    ),
  invalidPerformanceLevel: () =>
    new AppError(
      "InvalidPerformanceLevel.Malformed",
      'The specified parameter "PerformanceLevel" is not valid.',
      400,
    ),
  snapshotNotFound: () =>
    new AppError("InvalidSnapshotId.NotFound", "The specified SnapshotId does not exist.", 404),
  // ---- ResizeDisk ----
  newSizeTooSmall: () =>
    new AppError(
      "InvalidDiskSize.TooSmall",
      "Specified new disk size is less than the original disk size.",
      403,
    ),
  newSizeInvalid: () =>
    new AppError("InvalidParameter", 'The specified parameter "NewSize" is not valid.', 400),
  // ---- DescribeDisks ----
  describeRegionNotFound: () =>
    new AppError("InvalidRegion.NotFound", "The specified parameter RegionId is not valid.", 400),
  invalidDiskIds: () =>
    new AppError("InvalidParameter.DiskIds", "The specified parameter diskIds is not valid.", 400),
  tooManyDiskIds: () =>
    new AppError(
      "InvalidDiskIds.Malformed",
      "The amount of specified disk Ids exceeds the limit.",
      403,
    ),
  invalidDiskType: () =>
    new AppError(
      "InvalidDiskType.ValueNotSupported",
      "The specified disk type is not supported.",
      400,
    ),
  invalidCategoryFilter: () =>
    new AppError(
      "InvalidCategory.ValueNotSupported",
      "The specified disk category is not supported.",
      400,
    ),
  invalidStatusFilter: () =>
    new AppError(
      "InvalidStatus.ValueNotSupported",
      "The specified disk status is not supported.",
      400,
    ),
  invalidNextToken: () =>
    new AppError("InvalidParameter", 'The specified parameter "NextToken" is not valid.', 400),
  // ---- the disk's KMS key when its data key is needed (AttachDisk, StartInstance, …) ----
  diskKeyNotFound: () =>
    new AppError("InvalidKMSKeyId.NotFound", "The KMS key used by the disk does not exist.", 404),
};
