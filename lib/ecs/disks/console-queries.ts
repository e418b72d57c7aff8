import type { RequestContext } from "@/lib/context";
import { describeInstances } from "@/lib/ecs/instances/describe-instances";
import type { ConsoleKey } from "./console-keys";
import { listDisks, type DiskWithTags } from "./describe-disks";
import type { DiskFilter } from "./disk-query";
import { diskDevice, diskIops } from "./disk-wire";

/**
 * The console's reads of the Disks pages, each through the services the API uses (DescribeDisks,
 * DescribeInstances: authorized and audited), joined with what a page shows beside them — a
 * disk's key alias (console-keys.ts), the instances it may join. The console engineer's file:
 * the disks services themselves are untouched.
 */

/**
 * A disk as the pages show it: DescribeDisks' fields, never the wrapped data key (client
 * components get these, so nothing the browser need not hold).
 */
export type ConsoleDisk = {
  diskId: string;
  name: string;
  description: string;
  status: string;
  type: string;
  category: string;
  performanceLevel: string | null;
  sizeGiB: number;
  iops: number;
  encrypted: boolean;
  kmsKeyId: string | null;
  key?: ConsoleKey;
  /** The EncryptionContext the data key is bound to (JSON), when encrypted. */
  encryptionContext: string | null;
  regionId: string;
  zoneId: string;
  instanceId: string | null;
  /** `/dev/xvdX` while attached, as DescribeDisks says. */
  device: string;
  deleteWithInstance: boolean;
  createdAt: Date;
  attachedAt: Date | null;
  detachedAt: Date | null;
  tags: { key: string; value: string }[];
};

function toConsoleDisk(disk: DiskWithTags, key: ConsoleKey | undefined): ConsoleDisk {
  return {
    diskId: disk.id,
    name: disk.name,
    description: disk.description,
    status: disk.status,
    type: disk.type,
    category: disk.category,
    performanceLevel: disk.performanceLevel,
    sizeGiB: disk.sizeGiB,
    iops: diskIops(disk.category, disk.performanceLevel, disk.sizeGiB),
    encrypted: disk.encrypted,
    kmsKeyId: disk.kmsKeyId,
    key,
    encryptionContext: disk.encryptionContext,
    regionId: disk.regionId,
    zoneId: disk.zoneId,
    instanceId: disk.instanceId,
    device: diskDevice(disk.deviceLetter),
    deleteWithInstance: disk.deleteWithInstance,
    createdAt: disk.createdAt,
    attachedAt: disk.attachedAt,
    detachedAt: disk.detachedAt,
    tags: disk.tags.map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
  };
}

/** One page of the region's disks (DescribeDisks), each with its key's alias. */
export async function listConsoleDisks(
  ctx: RequestContext,
  input: { filter: DiskFilter; pageNumber: number; pageSize: number; keys: readonly ConsoleKey[] },
): Promise<{ disks: ConsoleDisk[]; totalCount: number }> {
  const page = await listDisks(ctx, {
    filter: input.filter,
    paging: { mode: "page", pageNumber: input.pageNumber, pageSize: input.pageSize },
  });
  const byId = new Map(input.keys.map((key) => [key.keyId, key]));
  return {
    totalCount: page.totalCount,
    disks: page.disks.map((disk) =>
      toConsoleDisk(disk, disk.kmsKeyId ? byId.get(disk.kmsKeyId) : undefined),
    ),
  };
}

/** One disk of the region (DescribeDisks DiskIds=[id]), or undefined: another region's is not found. */
export async function getConsoleDisk(
  ctx: RequestContext,
  diskId: string,
  keys: readonly ConsoleKey[],
): Promise<ConsoleDisk | undefined> {
  const { disks } = await listConsoleDisks(ctx, {
    filter: { diskIds: [diskId] },
    pageNumber: 1,
    pageSize: 1,
    keys,
  });
  return disks[0];
}

/** Statuses of some disks, for the pages that poll while a disk is on its way somewhere. */
export async function diskStatuses(
  ctx: RequestContext,
  diskIds: string[],
): Promise<Record<string, string>> {
  if (diskIds.length === 0) return {};
  const page = await listDisks(ctx, {
    filter: { diskIds },
    paging: { mode: "page", pageNumber: 1, pageSize: diskIds.length },
  });
  return Object.fromEntries(page.disks.map((disk) => [disk.id, disk.status]));
}

export type AttachableInstance = {
  instanceId: string;
  name: string;
  status: string;
  instanceType: string;
};

/** Instances of the zone a disk may be attached to now: Running or Stopped (DescribeInstances). */
export async function listAttachableInstances(
  ctx: RequestContext,
  zoneId: string,
): Promise<AttachableInstance[]> {
  const page = await describeInstances(ctx, {
    filter: { zoneId },
    paging: { mode: "page", pageNumber: 1, pageSize: 100 },
  });
  return page.instances
    .filter((instance) => instance.status === "Running" || instance.status === "Stopped")
    .map((instance) => ({
      instanceId: instance.id,
      name: instance.name,
      status: instance.status,
      instanceType: instance.instanceType,
    }));
}
