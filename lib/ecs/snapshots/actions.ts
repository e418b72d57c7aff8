import { acceptingDryRun, defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { now } from "@/lib/clock";
import { diskPaging } from "@/lib/ecs/disks/disk-query";
import { normalizeTags } from "@/lib/ecs/tags/tag-rules";
import { copySnapshot } from "./copy-snapshot";
import { createSnapshot } from "./create-snapshot";
import { deleteSnapshot } from "./delete-snapshot";
import { describeSnapshots } from "./describe-snapshots";
import { modifySnapshotAttribute } from "./modify-snapshot";
import { resetDisk } from "./reset-disk";
import {
  copySnapshotParams,
  createSnapshotParams,
  deleteSnapshotParams,
  describeSnapshotsParams,
  modifySnapshotAttributeParams,
  resetDiskParams,
} from "./schemas";
import { parseSnapshotIds } from "./snapshot-query";
import { toSnapshotWire } from "./snapshot-wire";

const tagsOf = (tags?: { Key?: string; Value?: string }[]) =>
  tags ? normalizeTags(tags.map((t) => ({ key: t.Key, value: t.Value }))) : undefined;
const tagFiltersOf = (tags?: { Key?: string; Value?: string }[]) =>
  tags?.filter((t) => t.Key).map((t) => ({ key: t.Key!, value: t.Value }));

/** The actions that take DryRun (ECS SDK models: DescribeSnapshots, ResetDisk). */
const dryRunActions: Record<string, ActionDefinition> = {
  DescribeSnapshots: defineAction(describeSnapshotsParams, async (ctx, p) => {
    const page = await describeSnapshots(ctx, {
      filter: {
        snapshotIds: p.SnapshotIds !== undefined ? parseSnapshotIds(p.SnapshotIds) : undefined,
        diskId: p.DiskId || undefined,
        instanceId: p.InstanceId || undefined,
        encrypted: p.Encrypted,
        kmsKeyId: p.KMSKeyId || undefined,
        status: p.Status,
        snapshotName: p.SnapshotName || undefined,
        snapshotType: p.SnapshotType,
        sourceDiskType: p.SourceDiskType || undefined,
        usage: p.Usage,
        tags: tagFiltersOf(p.Tag),
      },
      paging: diskPaging({ nextToken: p.NextToken, maxResults: p.MaxResults, pageNumber: p.PageNumber, pageSize: p.PageSize }),
    });
    const at = now();
    return {
      TotalCount: page.totalCount,
      ...(page.pageNumber !== undefined ? { PageNumber: page.pageNumber } : {}),
      PageSize: page.pageSize,
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
      Snapshots: { Snapshot: page.snapshots.map((s) => toSnapshotWire(s, { tags: s.tags, usage: s.usage, at })) },
    };
  }),

  ResetDisk: defineAction(resetDiskParams, async (ctx, p) => {
    await resetDisk(ctx, { diskId: p.DiskId, snapshotId: p.SnapshotId });
    return {};
  }),
};

/** The snapshot actions of ECS 2014-05-26. */
export const snapshotApiActions: Record<string, ActionDefinition> = {
  ...acceptingDryRun(dryRunActions),

  CreateSnapshot: defineAction(createSnapshotParams, async (ctx, p) => {
    const { snapshotId } = await createSnapshot(ctx, {
      diskId: p.DiskId,
      name: p.SnapshotName,
      description: p.Description,
      tags: tagsOf(p.Tag),
      clientToken: p.ClientToken,
    });
    return { SnapshotId: snapshotId };
  }),

  DeleteSnapshot: defineAction(deleteSnapshotParams, async (ctx, p) => {
    await deleteSnapshot(ctx, { snapshotId: p.SnapshotId, force: p.Force });
    return {};
  }),

  ModifySnapshotAttribute: defineAction(modifySnapshotAttributeParams, async (ctx, p) => {
    await modifySnapshotAttribute(ctx, { snapshotId: p.SnapshotId, name: p.SnapshotName, description: p.Description });
    return {};
  }),

  CopySnapshot: defineAction(copySnapshotParams, async (ctx, p) => {
    const { snapshotId } = await copySnapshot(ctx, {
      snapshotId: p.SnapshotId,
      destinationRegionId: p.DestinationRegionId,
      destinationSnapshotName: p.DestinationSnapshotName,
      destinationSnapshotDescription: p.DestinationSnapshotDescription,
      encrypted: p.Encrypted,
      kmsKeyId: p.KMSKeyId || undefined,
      tags: tagsOf(p.Tag),
    });
    return { SnapshotId: snapshotId };
  }),
};
