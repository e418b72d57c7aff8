import { z } from "zod";
import {
  bool,
  coded,
  description,
  int,
  list,
  oneOf,
  resourceName,
  str,
} from "@/lib/openapi/params";
import { DATA_DISK_CATEGORIES, PERFORMANCE_LEVELS } from "@/lib/ecs/catalog/disk-categories";
import {
  DISK_CATEGORY_FILTERS,
  DISK_STATUS_FILTERS,
  DISK_TYPE_FILTERS,
  MAX_RESULTS,
  PAGE_SIZE,
} from "./disk-query";

/**
 * The disks domain's parameter schemas, over the unflattened request (lib/openapi/params.ts).
 * Enumerations answer with the API's own codes; names and descriptions with InvalidParameter.
 * The console's forms reuse the field schemas (`diskNameField`, …) and the constants they read.
 */
const enumOf = <const T extends readonly [string, ...string[]]>(
  values: T,
  code: string,
  message: string,
) => z.enum(values, { message: coded(code, message) });

export const diskNameField = () => resourceName();
export const diskDescriptionField = () => description();
export const clientTokenField = () => z.string().regex(/^[\x20-\x7e]{1,64}$/);
/** KMSKeyId: id, alias or ARN (lookups decide whether it exists); "" = none. */
export const kmsKeyIdField = () => str({ max: 2048 });
export const tagListField = () =>
  list(z.object({ Key: str({ max: 256 }).optional(), Value: str({ max: 256 }).optional() }), 1000);

export const diskCategoryField = () =>
  enumOf(
    DATA_DISK_CATEGORIES,
    "InvalidDiskCategory.ValueNotSupported",
    'The specified parameter "DiskCategory" is not valid.',
  );
export const performanceLevelField = () =>
  enumOf(
    PERFORMANCE_LEVELS,
    "InvalidPerformanceLevel.Malformed",
    'The specified parameter "PerformanceLevel" is not valid.',
  );

export const createDiskParams = z.object({
  ZoneId: str({ max: 64 }).optional(),
  DiskCategory: diskCategoryField().optional(),
  PerformanceLevel: performanceLevelField().optional(),
  Size: int().optional(),
  SnapshotId: str({ max: 64 }).optional(),
  DiskName: diskNameField().optional(),
  Description: diskDescriptionField().optional(),
  Encrypted: bool().optional(),
  KMSKeyId: kmsKeyIdField().optional(),
  Tag: tagListField().optional(),
  ClientToken: clientTokenField().optional(),
});

export const describeDisksParams = z.object({
  ZoneId: str({ max: 64 }).optional(),
  DiskIds: str({ max: 8192 }).optional(),
  InstanceId: str({ max: 64 }).optional(),
  DiskType: enumOf(
    DISK_TYPE_FILTERS,
    "InvalidDiskType.ValueNotSupported",
    "The specified disk type is not supported.",
  ).optional(),
  Category: enumOf(
    DISK_CATEGORY_FILTERS,
    "InvalidCategory.ValueNotSupported",
    "The specified disk category is not supported.",
  ).optional(),
  Status: enumOf(
    DISK_STATUS_FILTERS,
    "InvalidStatus.ValueNotSupported",
    "The specified disk status is not supported.",
  ).optional(),
  Encrypted: bool().optional(),
  KMSKeyId: kmsKeyIdField().optional(),
  Tag: tagListField().optional(),
  DiskName: str({ max: 128 }).optional(),
  SnapshotId: str({ max: 64 }).optional(),
  DeleteWithInstance: bool().optional(),
  Portable: bool().optional(),
  NextToken: str({ max: 256 }).optional(),
  MaxResults: int({ min: MAX_RESULTS.min, max: MAX_RESULTS.max }).optional(),
  PageNumber: int({ min: 1, max: 1_000_000 }).optional(),
  PageSize: int({ min: PAGE_SIZE.min, max: PAGE_SIZE.max }).optional(),
});

export const modifyDiskAttributeParams = z.object({
  DiskId: str({ min: 1, max: 64 }).optional(),
  DiskIds: list(str({ min: 1, max: 64 }), 100).optional(),
  DiskName: diskNameField().optional(),
  Description: diskDescriptionField().optional(),
  DeleteWithInstance: bool().optional(),
  DeleteAutoSnapshot: bool().optional(),
  EnableAutoSnapshot: bool().optional(),
  BurstingEnabled: bool().optional(),
});

export const resizeDiskParams = z.object({
  DiskId: str({ min: 1, max: 64 }),
  NewSize: int(),
  Type: oneOf(["offline", "online"]).optional(),
  ClientToken: clientTokenField().optional(),
});

/** The console's Create Disk form (camelCase), on the same rules as the API. */
export const createDiskFormSchema = z.object({
  zoneId: str({ min: 1, max: 64 }),
  category: z.enum(DATA_DISK_CATEGORIES),
  performanceLevel: z.enum(PERFORMANCE_LEVELS).optional(),
  sizeGiB: z.number().int().positive(),
  name: diskNameField().optional(),
  description: diskDescriptionField().optional(),
  encrypted: z.boolean(),
  kmsKeyId: kmsKeyIdField().optional(),
  tags: z
    .array(z.object({ key: z.string(), value: z.string() }))
    .max(20)
    .optional(),
});
export type CreateDiskForm = z.infer<typeof createDiskFormSchema>;
