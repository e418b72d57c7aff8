import type { RequestContext } from "@/lib/context";
import type { Tx } from "@/lib/db/client";
import { dryRunPassed } from "@/lib/errors";
import type { Disk, Prisma } from "@/lib/generated/prisma/client";
import { findRegion } from "@/lib/ecs/catalog/regions";
import { findAlias } from "@/lib/kms/key-lookup";
import { parseKeyReference } from "@/lib/kms/key-reference";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import { tagsOfResources } from "@/lib/ecs/tags/resource-tags";
import { diskErrors } from "./errors";
import type { WireTag } from "./disk-wire";
import { encodeNextToken, pageWindow, type DiskFilter, type DiskPaging } from "./disk-query";

export type DiskWithTags = Disk & { tags: WireTag[] };

export type DiskPage = {
  disks: DiskWithTags[];
  totalCount: number;
  /** Token paging: the next page's token, "" on the last page. */
  nextToken?: string;
  pageNumber?: number;
  pageSize: number;
};

export function diskArn(regionId: string, diskId: string): string {
  return arn("ecs", regionId, getRuntime().accountId, `disk/${diskId}`);
}

/**
 * The disk, in that region (404 InvalidDiskId.NotFound: another region's disk is not found).
 * A lookup for use inside an authorized operation: it does not authorize by itself.
 */
export async function getDiskOrThrow(
  _ctx: RequestContext,
  regionId: string,
  diskId: string,
  tx: Tx = getRuntime().db,
): Promise<Disk> {
  const disk = await tx.disk.findUnique({ where: { id: diskId } });
  if (!disk || disk.regionId !== regionId) throw diskErrors.notFound();
  return disk;
}

/**
 * ECS DescribeDisks: the region's disks matching every filter, newest first, with their tags.
 * KMSKeyId accepts id, alias or ARN; disks always answer with the resolved key id.
 */
export function listDisks(
  ctx: RequestContext,
  input: { filter?: DiskFilter; paging?: DiskPaging } = {},
): Promise<DiskPage> {
  const resourceArn = arn("ecs", ctx.regionId, getRuntime().accountId, "disk/*");
  return operation(ctx, { service: "ecs", action: "DescribeDisks", resourceArn }, async () => {
    if (!findRegion(ctx.regionId)) throw diskErrors.describeRegionNotFound();
    if (ctx.dryRun) throw dryRunPassed();
    return queryDisks(
      ctx.regionId,
      input.filter ?? {},
      input.paging ?? { mode: "page", pageNumber: 1, pageSize: 10 },
    );
  });
}

/** The query itself, unaudited (the console's lists and tests share it with DescribeDisks). */
export async function queryDisks(
  regionId: string,
  filter: DiskFilter,
  paging: DiskPaging,
): Promise<DiskPage> {
  const { skip, take } = pageWindow(paging);
  const where = await diskWhere(regionId, filter);
  const { db } = getRuntime();
  const [totalCount, rows] = where
    ? await Promise.all([
        db.disk.count({ where }),
        db.disk.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip, take }),
      ])
    : [0, []];
  const tags = await tagsOfResources(
    "disk",
    rows.map((d) => d.id),
  );
  const disks = rows.map((d) => ({ ...d, tags: tags.get(d.id) ?? [] }));
  if (paging.mode === "page") {
    return { disks, totalCount, pageNumber: paging.pageNumber, pageSize: paging.pageSize };
  }
  const next = skip + rows.length;
  return {
    disks,
    totalCount,
    nextToken: next < totalCount ? encodeNextToken(next) : "",
    pageSize: paging.maxResults,
  };
}

/** The Prisma filter, or null when nothing can match (an unknown key alias, no tagged disk). */
async function diskWhere(
  regionId: string,
  filter: DiskFilter,
): Promise<Prisma.DiskWhereInput | null> {
  const where: Prisma.DiskWhereInput = { regionId };
  let ids: Set<string> | undefined = filter.diskIds ? new Set(filter.diskIds) : undefined;
  if (filter.zoneId) where.zoneId = filter.zoneId;
  if (filter.instanceId) where.instanceId = filter.instanceId;
  if (filter.diskType && filter.diskType !== "all") where.type = filter.diskType;
  if (filter.category && filter.category !== "all") where.category = filter.category;
  if (filter.status && filter.status !== "All") where.status = filter.status;
  if (filter.encrypted !== undefined) where.encrypted = filter.encrypted;
  if (filter.diskName) where.name = filter.diskName;
  if (filter.snapshotId) where.sourceSnapshotId = filter.snapshotId;
  if (filter.deleteWithInstance !== undefined) where.deleteWithInstance = filter.deleteWithInstance;
  if (filter.portable !== undefined) where.type = filter.portable ? "data" : "system";
  if (filter.kmsKeyId) {
    const keyId = await resolveKeyFilter(regionId, filter.kmsKeyId);
    if (!keyId) return null;
    where.kmsKeyId = keyId;
  }
  for (const tag of filter.tags ?? []) {
    const rows = await getRuntime().db.resourceTag.findMany({
      where: {
        regionId,
        resourceType: "disk",
        tagKey: tag.key,
        ...(tag.value !== undefined ? { tagValue: tag.value } : {}),
      },
      select: { resourceId: true },
    });
    const tagged = new Set(rows.map((r) => r.resourceId));
    ids = ids ? new Set([...ids].filter((id) => tagged.has(id))) : tagged;
  }
  if (ids) {
    if (ids.size === 0) return null;
    where.id = { in: [...ids] };
  }
  return where;
}

/** A KMSKeyId filter's key id: an alias is looked up, an ARN of another region matches nothing. */
async function resolveKeyFilter(regionId: string, value: string): Promise<string | null> {
  const reference = parseKeyReference(value, regionId);
  if (reference.regionId !== regionId) return null;
  if (reference.accountId && reference.accountId !== getRuntime().accountId) return null;
  if (reference.kind === "key") return reference.keyId;
  return (await findAlias(regionId, reference.aliasName))?.keyId ?? null;
}
