import { AppError } from "@/lib/errors";

/**
 * ECS instance errors with the code, HTTP status and message of each API's own list
 * (reference/alibaba-api-notes.md; where an API lists none, the common ECS text). Pure.
 */
const STATUS_MESSAGE = "The current status of the resource does not support this operation.";

export const instanceErrors = {
  notFound: () =>
    new AppError("InvalidInstanceId.NotFound", "The specified InstanceId does not exist.", 404),
  /** 403 for Start/Stop/Reboot/Delete/DetachDisk/GetInstanceScreenshot; AttachDisk lists 400. */
  incorrectStatus: (httpStatus = 403) => new AppError("IncorrectInstanceStatus", STATUS_MESSAGE, httpStatus),
  /** StartInstance / AttachDisk's text for a disk key that is not Enabled (RunInstances has its own). */
  keyNotEnabled: () =>
    new AppError("InvalidParameter.KMSKeyId.CMKNotEnabled", "The CMK needs to be enabled.", 403),
  regionNotFound: () =>
    new AppError("InvalidRegionId.NotFound", "The RegionId provided does not exist in our records.", 404),
  zoneNotFound: () => new AppError("InvalidZoneId.NotFound", "The specified zone does not exist.", 404),
  imageNotFound: () => new AppError("InvalidImageId.NotFound", "The specified ImageId does not exist.", 404),
  typeNotInZone: () =>
    new AppError(
      "InvalidInstanceType.ZoneNotSupported",
      "The specified zone does not support this instancetype.",
      403,
    ),
  systemDiskCategory: () =>
    new AppError(
      "InvalidSystemDiskCategory.ValueNotSupported",
      'The specified parameter "SystemDisk.Category" is not valid.',
      400,
    ),
  dataDiskCategory: () =>
    new AppError(
      "InvalidDataDiskCategory.ValueNotSupported",
      'The specified parameter "DataDisk.n.Category" is not valid.',
      400,
    ),
  categoryNotForType: () =>
    new AppError(
      "InvalidDiskCategory.NotSupported",
      "The specified disk category is not support the specified instance type.",
      403,
    ),
  systemDiskSize: () =>
    new AppError(
      "InvalidSystemDiskSize.ValueNotSupported",
      "The specified parameter SystemDisk.Size is invalid.",
      400,
    ),
  systemDiskSmallerThanImage: () =>
    new AppError(
      "InvalidSystemDiskSize.LessThanImageSize",
      "The specified parameter SystemDisk.Size is less than the image size.",
      404,
    ),
  dataDiskSize: () =>
    new AppError(
      "InvalidDataDiskSize.ValueNotSupported",
      "The specified DataDisk.n.Size beyond the permitted range, or the capacity of snapshot exceeds the size limit of the specified disk category.",
      400,
    ),
  dataDiskSizeMissing: (n: number) =>
    new AppError(
      "MissingParameter",
      `The input parameter "DataDisk.${n}.Size" that is mandatory for processing this request is not supplied.`,
      400,
    ),
  // ---- AttachDisk / DetachDisk ----
  notSameZone: () =>
    new AppError("ResourcesNotInSameZone", "The specified instance and disk are not in the same zone.", 403),
  diskInUse: () => new AppError("InvalidDisk.InUse", "The specified disk has been occupied.", 404),
  diskLimitExceeded: () =>
    new AppError(
      "InstanceDiskLimitExceeded",
      "The amount of the disk on instance in question reach its limits",
      403,
    ),
  notAttachedHere: () =>
    new AppError(
      "DependencyViolation",
      "The specified disk has not been attached on the specified instance.",
      403,
    ),
  alreadyDetached: () =>
    new AppError("InvalidDisk.AlreadyDetached", "The specified disk has been detached.", 404),
  noSystemDisk: () => new AppError("IncorrectInstanceStatus", STATUS_MESSAGE, 403),
  instanceIdsMalformed: () =>
    new AppError(
      "InvalidInstanceIds.Malformed",
      "The amount of specified instances exceeds the limit.",
      400,
    ),
  invalidNextToken: () =>
    new AppError("InvalidParameter", 'The specified parameter "NextToken" is not valid.', 400),
  invalidInstanceIds: () =>
    new AppError("InvalidParameter", 'The specified parameter "InstanceIds" is not valid.', 400),
};
