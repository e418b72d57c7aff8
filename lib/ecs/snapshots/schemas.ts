import { z } from "zod";
import { bool, coded, description, int, resourceName, str } from "@/lib/openapi/params";
import { clientTokenField, kmsKeyIdField, tagListField } from "@/lib/ecs/disks/schemas";
import { PAGE_SIZE } from "@/lib/ecs/disks/disk-query";
import {
  SNAPSHOT_MAX_RESULTS,
  SNAPSHOT_STATUS_FILTERS,
  SNAPSHOT_TYPE_FILTERS,
  SNAPSHOT_USAGE_FILTERS,
} from "./snapshot-query";

/**
 * The snapshots domain's parameter schemas (lib/openapi/params.ts helpers). The console's
 * forms reuse the field schemas.
 */
export const snapshotNameField = () => resourceName();
export const snapshotDescriptionField = () => description();
const snapshotId = () => str({ min: 1, max: 64 });

export const createSnapshotParams = z.object({
  DiskId: str({ min: 1, max: 64 }),
  SnapshotName: snapshotNameField().optional(),
  Description: snapshotDescriptionField().optional(),
  Tag: tagListField().optional(),
  ClientToken: clientTokenField().optional(),
  RetentionDays: int({ min: 1, max: 65536 }).optional(),
  Category: str({ max: 64 }).optional(),
  InstantAccess: bool().optional(),
  InstantAccessRetentionDays: int({ min: 1, max: 65535 }).optional(),
  ResourceGroupId: str({ max: 64 }).optional(),
});

export const describeSnapshotsParams = z.object({
  SnapshotIds: str({ max: 8192 }).optional(),
  DiskId: str({ max: 64 }).optional(),
  InstanceId: str({ max: 64 }).optional(),
  Encrypted: bool().optional(),
  KMSKeyId: kmsKeyIdField().optional(),
  Status: z.enum(SNAPSHOT_STATUS_FILTERS, { message: coded("InvalidStatus.ValueNotSupported", "The specified parameter Status is not valid.") }).optional(),
  SnapshotName: str({ max: 128 }).optional(),
  SnapshotType: z.enum(SNAPSHOT_TYPE_FILTERS, { message: coded("InvalidSnapshotType.ValueNotSupported", "The specified parameter SnapshotType is not valid.") }).optional(),
  SourceDiskType: str({ max: 16 }).optional(),
  Usage: z.enum(SNAPSHOT_USAGE_FILTERS, { message: coded("InvalidUsage.ValueNotSupported", "The specified parameter Usage is not valid.") }).optional(),
  Tag: tagListField().optional(),
  NextToken: str({ max: 256 }).optional(),
  MaxResults: int({ min: SNAPSHOT_MAX_RESULTS.min, max: SNAPSHOT_MAX_RESULTS.max }).optional(),
  PageNumber: int({ min: 1, max: 1_000_000 }).optional(),
  PageSize: int({ min: PAGE_SIZE.min, max: PAGE_SIZE.max }).optional(),
  Category: str({ max: 64 }).optional(),
  ResourceGroupId: str({ max: 64 }).optional(),
  SnapshotLinkId: str({ max: 64 }).optional(),
});

export const deleteSnapshotParams = z.object({ SnapshotId: snapshotId(), Force: bool().optional() });

export const modifySnapshotAttributeParams = z.object({
  SnapshotId: snapshotId(),
  SnapshotName: snapshotNameField().optional(),
  Description: snapshotDescriptionField().optional(),
  RetentionDays: int({ min: 1, max: 65536 }).optional(),
  DisableInstantAccess: bool().optional(),
});

export const resetDiskParams = z.object({ DiskId: str({ min: 1, max: 64 }), SnapshotId: snapshotId() });

export const copySnapshotParams = z.object({
  SnapshotId: snapshotId(),
  DestinationRegionId: str({ min: 1, max: 64 }),
  DestinationSnapshotName: snapshotNameField().optional(),
  DestinationSnapshotDescription: snapshotDescriptionField().optional(),
  Encrypted: bool().optional(),
  KMSKeyId: kmsKeyIdField().optional(),
  Tag: tagListField().optional(),
  RetentionDays: int({ min: 1, max: 65536 }).optional(),
  ClientToken: clientTokenField().optional(),
  ResourceGroupId: str({ max: 64 }).optional(),
});

/** The console's Create Snapshot form (camelCase), on the same rules as the API. */
export const createSnapshotFormSchema = z.object({
  diskId: str({ min: 1, max: 64 }),
  name: snapshotNameField().optional(),
  description: snapshotDescriptionField().optional(),
});
export type CreateSnapshotForm = z.infer<typeof createSnapshotFormSchema>;

/** The console's Copy / Copy and Encrypt dialog. */
export const copySnapshotFormSchema = z.object({
  snapshotId: str({ min: 1, max: 64 }),
  destinationRegionId: str({ min: 1, max: 64 }),
  name: snapshotNameField().optional(),
  description: snapshotDescriptionField().optional(),
  encrypted: z.boolean(),
  kmsKeyId: kmsKeyIdField().optional(),
});
export type CopySnapshotForm = z.infer<typeof copySnapshotFormSchema>;
