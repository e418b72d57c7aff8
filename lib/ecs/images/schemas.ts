import { z } from "zod";
import { bool, coded, description, int, list, oneOf, resourceName, str } from "@/lib/openapi/params";
import { IMAGE_OWNER_ALIASES, IMAGE_STATUSES, MAX_IMAGES_PAGE_SIZE } from "@/lib/ecs/catalog/image-wire";
import { clientTokenField, kmsKeyIdField, tagListField } from "@/lib/ecs/disks/schemas";
import { SETTABLE_IMAGE_STATUSES } from "./delete-modify-image";

/** The images domain's parameter schemas; the console's forms reuse the field schemas. */
export const imageNameField = () => resourceName();
export const imageDescriptionField = () => description();
const imageId = () => str({ min: 1, max: 64 });
const ARCHITECTURES = ["i386", "x86_64", "arm64"] as const;

const imageStatusList = () =>
  str({ max: 256 }).refine(
    (value) => value.split(",").every((s) => (IMAGE_STATUSES as readonly string[]).includes(s.trim())),
    coded("InvalidParameter", 'The specified parameter "Status" is not valid.'),
  );

export const describeImagesParams = z.object({
  ImageId: str({ max: 1024 }).optional(),
  ImageName: str({ max: 128 }).optional(),
  ImageFamily: str({ max: 128 }).optional(),
  ImageOwnerAlias: oneOf(IMAGE_OWNER_ALIASES).optional(),
  OSType: oneOf(["linux", "windows"]).optional(),
  Architecture: oneOf(ARCHITECTURES).optional(),
  Status: imageStatusList().optional(),
  SnapshotId: str({ max: 64 }).optional(),
  Tag: tagListField().optional(),
  PageNumber: int({ min: 1 }).optional(),
  PageSize: int({ min: 1, max: MAX_IMAGES_PAGE_SIZE }).optional(),
});

export const createImageParams = z.object({
  InstanceId: str({ max: 64 }).optional(),
  SnapshotId: str({ max: 64 }).optional(),
  ImageName: imageNameField().optional(),
  Description: imageDescriptionField().optional(),
  ImageFamily: str({ max: 128 }).optional(),
  ImageVersion: str({ max: 40 }).optional(),
  Architecture: oneOf(ARCHITECTURES).optional(),
  Platform: str({ max: 64 }).optional(),
  BootMode: oneOf(["BIOS", "UEFI", "UEFI-Preferred"]).optional(),
  Tag: tagListField().optional(),
  ClientToken: clientTokenField().optional(),
  ResourceGroupId: str({ max: 64 }).optional(),
  DetectionStrategy: str({ max: 64 }).optional(),
  DiskDeviceMapping: list(z.object({ Device: str().optional(), DiskType: str().optional(), Size: int().optional(), SnapshotId: str().optional() }), 17).optional(),
});

export const copyImageParams = z.object({
  ImageId: imageId(),
  DestinationRegionId: str({ min: 1, max: 64 }),
  DestinationImageName: imageNameField().optional(),
  DestinationDescription: imageDescriptionField().optional(),
  Encrypted: bool().optional(),
  KMSKeyId: kmsKeyIdField().optional(),
  EncryptAlgorithm: str({ max: 32 }).optional(),
  Tag: tagListField().optional(),
  ClientToken: clientTokenField().optional(),
  ResourceGroupId: str({ max: 64 }).optional(),
});

export const deleteImageParams = z.object({ ImageId: imageId(), Force: bool().optional() });

export const modifyImageAttributeParams = z.object({
  ImageId: imageId(),
  ImageName: imageNameField().optional(),
  Description: imageDescriptionField().optional(),
  ImageFamily: str({ max: 128 }).optional(),
  Status: z.enum(SETTABLE_IMAGE_STATUSES, { message: coded("InvalidStatus.ValueNotSupported", "The specified parameter Status is not valid.") }).optional(),
  BootMode: str({ max: 32 }).optional(),
  LicenseType: str({ max: 32 }).optional(),
});

/** The console's Create Image form. */
export const createImageFormSchema = z.object({
  instanceId: str({ max: 64 }).optional(),
  snapshotId: str({ max: 64 }).optional(),
  name: imageNameField().optional(),
  description: imageDescriptionField().optional(),
});
export type CreateImageForm = z.infer<typeof createImageFormSchema>;

/** The console's Copy Image dialog (with encryption). */
export const copyImageFormSchema = z.object({
  imageId: imageId(),
  destinationRegionId: str({ min: 1, max: 64 }),
  name: imageNameField().optional(),
  description: imageDescriptionField().optional(),
  encrypted: z.boolean(),
  kmsKeyId: kmsKeyIdField().optional(),
});
export type CopyImageForm = z.infer<typeof copyImageFormSchema>;
