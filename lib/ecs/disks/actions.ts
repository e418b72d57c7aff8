import { z } from "zod";
import { acceptingDryRun, defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { str } from "@/lib/openapi/params";
import { missingParameter } from "@/lib/errors";
import { normalizeTags } from "@/lib/ecs/tags/tag-rules";
import { createDisk } from "./create-disk";
import { deleteDisk } from "./delete-disk";
import { listDisks } from "./describe-disks";
import { toDiskWire } from "./disk-wire";
import { diskPaging, parseDiskIds } from "./disk-query";
import { modifyDiskAttribute, resizeDisk } from "./modify-disk";
import {
  createDiskParams,
  describeDisksParams,
  modifyDiskAttributeParams,
  resizeDiskParams,
} from "./schemas";

/** Tag.N of a request, validated (InvalidTagKey.Malformed, InvalidTagValue.Malformed, InvalidTagCount). */
const tagsOf = (tags?: { Key?: string; Value?: string }[]) =>
  tags ? normalizeTags(tags.map((t) => ({ key: t.Key, value: t.Value }))) : undefined;

/** Tag.N filters: a key with no value matches any value. */
const tagFiltersOf = (tags?: { Key?: string; Value?: string }[]) =>
  tags?.filter((t) => t.Key).map((t) => ({ key: t.Key!, value: t.Value }));

const creatingActions: Record<string, ActionDefinition> = {
  CreateDisk: defineAction(createDiskParams, async (ctx, p) => {
    const { diskId } = await createDisk(ctx, {
      zoneId: p.ZoneId,
      category: p.DiskCategory,
      performanceLevel: p.PerformanceLevel,
      sizeGiB: p.Size,
      snapshotId: p.SnapshotId || undefined,
      name: p.DiskName,
      description: p.Description,
      encrypted: p.Encrypted,
      kmsKeyId: p.KMSKeyId || undefined,
      tags: tagsOf(p.Tag),
      clientToken: p.ClientToken,
    });
    return { DiskId: diskId };
  }),

  DescribeDisks: defineAction(describeDisksParams, async (ctx, p) => {
    const filter = {
      zoneId: p.ZoneId,
      diskIds: p.DiskIds !== undefined ? parseDiskIds(p.DiskIds) : undefined,
      instanceId: p.InstanceId,
      diskType: p.DiskType,
      category: p.Category,
      status: p.Status,
      encrypted: p.Encrypted,
      kmsKeyId: p.KMSKeyId || undefined,
      tags: tagFiltersOf(p.Tag),
      diskName: p.DiskName,
      snapshotId: p.SnapshotId,
      deleteWithInstance: p.DeleteWithInstance,
      portable: p.Portable,
    };
    const paging = diskPaging({
      nextToken: p.NextToken,
      maxResults: p.MaxResults,
      pageNumber: p.PageNumber,
      pageSize: p.PageSize,
    });
    const page = await listDisks(ctx, { filter, paging });
    return {
      TotalCount: page.totalCount,
      ...(page.pageNumber !== undefined ? { PageNumber: page.pageNumber } : {}),
      PageSize: page.pageSize,
      ...(page.nextToken !== undefined ? { NextToken: page.nextToken } : {}),
      Disks: { Disk: page.disks.map((disk) => toDiskWire(disk, disk.tags)) },
    };
  }),
};

/** The disk actions of ECS 2014-05-26 (AttachDisk/DetachDisk are the instances domain's). */
export const diskApiActions: Record<string, ActionDefinition> = {
  ...acceptingDryRun(creatingActions),

  DeleteDisk: defineAction(z.object({ DiskId: str({ min: 1, max: 64 }) }), async (ctx, p) => {
    await deleteDisk(ctx, { diskId: p.DiskId });
    return {};
  }),

  ModifyDiskAttribute: defineAction(modifyDiskAttributeParams, async (ctx, p) => {
    const diskIds = p.DiskIds?.length ? p.DiskIds : p.DiskId ? [p.DiskId] : [];
    if (diskIds.length === 0) throw missingParameter("DiskId");
    await modifyDiskAttribute(ctx, {
      diskIds,
      name: p.DiskName,
      description: p.Description,
      deleteWithInstance: p.DeleteWithInstance,
    });
    return {};
  }),

  ResizeDisk: defineAction(resizeDiskParams, async (ctx, p) => {
    await resizeDisk(ctx, { diskId: p.DiskId, newSizeGiB: p.NewSize, type: p.Type });
    return {};
  }),
};
