import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import type { Instance, Prisma } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import { findRegion } from "@/lib/ecs/catalog/regions";
import { tagsOfResources } from "@/lib/ecs/tags/resource-tags";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import type { WireTag } from "@/lib/ecs/instances/instance-wire";

export const INSTANCE_STATUSES = ["Pending", "Starting", "Running", "Stopping", "Stopped"] as const;
export const MAX_INSTANCE_IDS = 100;
export const INSTANCE_PAGE_SIZE = { max: 100, default: 10 } as const;

export type InstanceFilter = {
  instanceIds?: string[];
  zoneId?: string;
  status?: string;
  /** Exact, or with `*` wildcards (ECS's fuzzy match). */
  instanceName?: string;
  instanceType?: string;
  imageId?: string;
  tags?: { key: string; value?: string }[];
};

export type InstancePaging =
  | { mode: "page"; pageNumber: number; pageSize: number }
  | { mode: "token"; nextToken?: string; maxResults: number };

export type InstanceWithTags = Instance & { tags: WireTag[] };

export type InstancePage = {
  instances: InstanceWithTags[];
  totalCount: number;
  pageNumber: number;
  pageSize: number;
  /** Token paging: the next page's token, "" on the last page. */
  nextToken: string;
};

/** `InstanceIds=["i-…"]`: a JSON array of at most 100 ids. */
export function parseInstanceIds(text: string): string[] {
  let ids: unknown;
  try {
    ids = JSON.parse(text);
  } catch {
    throw instanceErrors.invalidInstanceIds();
  }
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) throw instanceErrors.invalidInstanceIds();
  if (ids.length > MAX_INSTANCE_IDS) throw instanceErrors.instanceIdsMalformed();
  return ids as string[];
}

/** ECS DescribeInstances: the region's instances matching every filter, newest first, with tags. */
export function describeInstances(
  ctx: RequestContext,
  input: { filter?: InstanceFilter; paging?: InstancePaging } = {},
): Promise<InstancePage> {
  const resourceArn = arn("ecs", ctx.regionId, getRuntime().accountId, "instance/*");
  return operation(ctx, { service: "ecs", action: "DescribeInstances", resourceArn }, async () => {
    if (!findRegion(ctx.regionId)) throw instanceErrors.regionNotFound();
    if (ctx.dryRun) throw dryRunPassed();
    return queryInstances(ctx.regionId, input.filter ?? {}, input.paging ?? { mode: "page", pageNumber: 1, pageSize: 10 });
  });
}

/** The DescribeInstances query without authorization or audit (the console's lists read it too). */
export async function queryInstances(regionId: string, filter: InstanceFilter, paging: InstancePaging): Promise<InstancePage> {
  const { db } = getRuntime();
  const where = await whereOf(regionId, filter);
  const offset = paging.mode === "page" ? (paging.pageNumber - 1) * paging.pageSize : decodeToken(paging.nextToken);
  const take = paging.mode === "page" ? paging.pageSize : paging.maxResults;
  const [rows, totalCount] = await Promise.all([
    db.instance.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: offset, take }),
    db.instance.count({ where }),
  ]);
  const tags = await tagsOfResources("instance", rows.map((r) => r.id));
  return {
    instances: rows.map((row) => ({ ...row, tags: tags.get(row.id) ?? [] })),
    totalCount,
    pageNumber: paging.mode === "page" ? paging.pageNumber : Math.floor(offset / take) + 1,
    pageSize: take,
    nextToken: paging.mode === "token" && offset + take < totalCount ? encodeToken(offset + take) : "",
  };
}

async function whereOf(regionId: string, filter: InstanceFilter): Promise<Prisma.InstanceWhereInput> {
  const where: Prisma.InstanceWhereInput = { regionId };
  if (filter.instanceIds) where.id = { in: filter.instanceIds };
  if (filter.zoneId) where.zoneId = filter.zoneId;
  if (filter.status) where.status = filter.status;
  if (filter.instanceType) where.instanceType = filter.instanceType;
  if (filter.imageId) where.imageId = filter.imageId;
  if (filter.instanceName && !filter.instanceName.includes("*")) where.name = filter.instanceName;
  const { db } = getRuntime();
  const idSets: Set<string>[] = [];
  if (filter.instanceName?.includes("*")) {
    // SQLite's LIKE has no escape for our `*` pattern: narrow by the longest literal part, match in memory.
    const pattern = wildcard(filter.instanceName);
    const literal = filter.instanceName.split("*").sort((a, b) => b.length - a.length)[0];
    const rows = await db.instance.findMany({
      where: { regionId, ...(literal ? { name: { contains: literal } } : {}) },
      select: { id: true, name: true },
    });
    idSets.push(new Set(rows.filter((r) => pattern.test(r.name)).map((r) => r.id)));
  }
  if (filter.tags?.length) {
    let ids: Set<string> | undefined;
    for (const tag of filter.tags) {
      const rows = await db.resourceTag.findMany({
        where: { regionId, resourceType: "instance", tagKey: tag.key, ...(tag.value !== undefined ? { tagValue: tag.value } : {}) },
        select: { resourceId: true },
      });
      const matched = new Set(rows.map((r) => r.resourceId));
      ids = ids ? new Set([...ids].filter((id) => matched.has(id))) : matched;
    }
    idSets.push(ids ?? new Set());
  }
  if (idSets.length) where.AND = idSets.map((ids) => ({ id: { in: [...ids] } }));
  return where;
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`, "s");
}

const TOKEN_PREFIX = "ins1.";

export function encodeToken(offset: number): string {
  return TOKEN_PREFIX + offset.toString(36);
}

function decodeToken(token: string | undefined): number {
  if (!token) return 0;
  const offset = token.startsWith(TOKEN_PREFIX) ? parseInt(token.slice(TOKEN_PREFIX.length), 36) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw instanceErrors.invalidNextToken();
  }
  return offset;
}

/** ECS DescribeInstanceStatus: id and status of the region's instances (InstanceId.N, ZoneId). */
export function describeInstanceStatus(
  ctx: RequestContext,
  input: { instanceIds?: string[]; zoneId?: string; pageNumber: number; pageSize: number },
): Promise<{ statuses: { instanceId: string; status: string }[]; totalCount: number }> {
  const resourceArn = arn("ecs", ctx.regionId, getRuntime().accountId, "instance/*");
  return operation(ctx, { service: "ecs", action: "DescribeInstanceStatus", resourceArn }, async () => {
    if (!findRegion(ctx.regionId)) throw instanceErrors.regionNotFound();
    const where: Prisma.InstanceWhereInput = { regionId: ctx.regionId };
    if (input.instanceIds?.length) where.id = { in: input.instanceIds };
    if (input.zoneId) where.zoneId = input.zoneId;
    const { db } = getRuntime();
    const [rows, totalCount] = await Promise.all([
      db.instance.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        skip: (input.pageNumber - 1) * input.pageSize,
        take: input.pageSize,
        select: { id: true, status: true },
      }),
      db.instance.count({ where }),
    ]);
    return { statuses: rows.map((r) => ({ instanceId: r.id, status: r.status })), totalCount };
  });
}
