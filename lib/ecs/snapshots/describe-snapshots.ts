import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import type { Prisma, Snapshot } from "@/lib/generated/prisma/client";
import { findAlias } from "@/lib/kms/key-lookup";
import { parseKeyReference } from "@/lib/kms/key-reference";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import { findRegion } from "@/lib/ecs/catalog/regions";
import { diskErrors } from "@/lib/ecs/disks/errors";
import { encodeNextToken, pageWindow, type DiskPaging } from "@/lib/ecs/disks/disk-query";
import { tagsOfResources } from "@/lib/ecs/tags/resource-tags";
import type { SnapshotFilter } from "./snapshot-query";
import { snapshotUses } from "./snapshot-lookup";
import { usageOf, type SnapshotUsage } from "./snapshot-wire";

export type SnapshotWithUse = Snapshot & { tags: { TagKey: string; TagValue: string }[]; usage: SnapshotUsage };

export type SnapshotPage = {
  snapshots: SnapshotWithUse[];
  totalCount: number;
  /** Token paging: the next page's token, "" on the last page. */
  nextToken?: string;
  pageNumber?: number;
  pageSize: number;
};

export const DEFAULT_SNAPSHOT_PAGING: DiskPaging = { mode: "page", pageNumber: 1, pageSize: 10 };

/** ECS DescribeSnapshots: the region's snapshots matching every filter, newest first. */
export function describeSnapshots(
  ctx: RequestContext,
  input: { filter?: SnapshotFilter; paging?: DiskPaging } = {},
): Promise<SnapshotPage> {
  const resourceArn = arn("ecs", ctx.regionId, getRuntime().accountId, "snapshot/*");
  return operation(ctx, { service: "ecs", action: "DescribeSnapshots", resourceArn }, async () => {
    if (!findRegion(ctx.regionId)) throw diskErrors.describeRegionNotFound();
    if (ctx.dryRun) throw dryRunPassed();
    return querySnapshots(ctx.regionId, input.filter ?? {}, input.paging ?? DEFAULT_SNAPSHOT_PAGING);
  });
}

/** The query itself, unaudited (the console's lists share it with DescribeSnapshots). */
export async function querySnapshots(regionId: string, filter: SnapshotFilter, paging: DiskPaging): Promise<SnapshotPage> {
  const { skip, take } = pageWindow(paging);
  const where = await snapshotWhere(regionId, filter);
  const { db } = getRuntime();
  const [totalCount, rows] = where
    ? await Promise.all([
        db.snapshot.count({ where }),
        db.snapshot.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
      ])
    : [0, []];
  const ids = rows.map((s) => s.id);
  const [tags, uses] = await Promise.all([tagsOfResources("snapshot", ids), snapshotUses(ids)]);
  const snapshots = rows.map((s) => ({
    ...s,
    tags: tags.get(s.id) ?? [],
    usage: usageOf(uses.byImage.has(s.id), uses.byDisk.has(s.id)),
  }));
  if (paging.mode === "page") return { snapshots, totalCount, pageNumber: paging.pageNumber, pageSize: paging.pageSize };
  const next = skip + rows.length;
  return { snapshots, totalCount, nextToken: next < totalCount ? encodeNextToken(next) : "", pageSize: paging.maxResults };
}


async function snapshotWhere(regionId: string, filter: SnapshotFilter): Promise<Prisma.SnapshotWhereInput | null> {
  const { db } = getRuntime();
  const and: Prisma.SnapshotWhereInput[] = [{ regionId }];
  if (filter.snapshotIds) and.push({ id: { in: filter.snapshotIds } });
  if (filter.diskId) and.push({ sourceDiskId: filter.diskId });
  if (filter.instanceId) {
    const disks = await db.disk.findMany({ where: { instanceId: filter.instanceId, regionId }, select: { id: true } });
    and.push({ sourceDiskId: { in: disks.map((d) => d.id) } });
  }
  if (filter.encrypted !== undefined) and.push({ encrypted: filter.encrypted });
  if (filter.status && filter.status !== "all") and.push({ status: filter.status });
  if (filter.snapshotName) and.push({ name: filter.snapshotName });
  // Every snapshot here is a user snapshot (no automatic snapshot policies).
  if (filter.snapshotType === "auto") return null;
  if (filter.sourceDiskType) {
    const type = filter.sourceDiskType.toLowerCase();
    if (type !== "system" && type !== "data") return null;
    and.push({ sourceDiskType: type });
  }
  if (filter.kmsKeyId) {
    const keyId = await resolveKeyFilter(regionId, filter.kmsKeyId);
    if (!keyId) return null;
    and.push({ kmsKeyId: keyId });
  }
  if (filter.usage) and.push(await usageWhere(filter.usage));
  for (const tag of filter.tags ?? []) {
    const rows = await db.resourceTag.findMany({
      where: { regionId, resourceType: "snapshot", tagKey: tag.key, ...(tag.value !== undefined ? { tagValue: tag.value } : {}) },
      select: { resourceId: true },
    });
    and.push({ id: { in: rows.map((r) => r.resourceId) } });
  }
  return { AND: and };
}

async function usageWhere(usage: SnapshotUsage): Promise<Prisma.SnapshotWhereInput> {
  const { db } = getRuntime();
  const [mapped, sourced] = await Promise.all([
    db.imageDiskMapping.findMany({ select: { snapshotId: true } }),
    db.disk.findMany({ where: { sourceSnapshotId: { not: null } }, select: { sourceSnapshotId: true } }),
  ]);
  const byImage = [...new Set(mapped.map((m) => m.snapshotId))];
  const byDisk = [...new Set(sourced.map((d) => d.sourceSnapshotId!))];
  switch (usage) {
    case "image":
      return { AND: [{ id: { in: byImage } }, { id: { notIn: byDisk } }] };
    case "disk":
      return { AND: [{ id: { in: byDisk } }, { id: { notIn: byImage } }] };
    case "image_disk":
      return { AND: [{ id: { in: byImage } }, { id: { in: byDisk } }] };
    default:
      return { AND: [{ id: { notIn: byImage } }, { id: { notIn: byDisk } }] };
  }
}

/** A KMSKeyId filter's key id: an alias is looked up, an ARN of another region matches nothing. */
export async function resolveKeyFilter(regionId: string, value: string): Promise<string | null> {
  const reference = parseKeyReference(value, regionId);
  if (reference.regionId !== regionId) return null;
  if (reference.accountId && reference.accountId !== getRuntime().accountId) return null;
  if (reference.kind === "key") return reference.keyId;
  return (await findAlias(regionId, reference.aliasName))?.keyId ?? null;
}
