import type { RequestContext } from "@/lib/context";
import type { Disk } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { describeInstances, type InstanceWithTags } from "@/lib/ecs/instances/describe-instances";

/** A row of the console's instance list: the instance and its system disk (for its encryption). */
export type ConsoleInstance = InstanceWithTags & {
  systemDisk: Pick<Disk, "id" | "encrypted" | "kmsKeyId" | "category"> | null;
};

/**
 * The console's instance list: DescribeInstances (authorized and audited as such), newest
 * first, with each instance's system disk. Added for the console (lib/ecs/instances/README.md).
 */
export async function listConsoleInstances(
  ctx: RequestContext,
  input: { pageNumber: number; pageSize: number },
): Promise<{ instances: ConsoleInstance[]; totalCount: number }> {
  const page = await describeInstances(ctx, {
    paging: { mode: "page", pageNumber: input.pageNumber, pageSize: input.pageSize },
  });
  const ids = page.instances.flatMap((i) => (i.systemDiskId ? [i.systemDiskId] : []));
  const disks =
    ids.length === 0
      ? []
      : await getRuntime().db.disk.findMany({
          where: { id: { in: ids } },
          select: { id: true, encrypted: true, kmsKeyId: true, category: true },
        });
  const byId = new Map(disks.map((disk) => [disk.id, disk]));
  return {
    totalCount: page.totalCount,
    instances: page.instances.map((instance) => ({
      ...instance,
      systemDisk: (instance.systemDiskId && byId.get(instance.systemDiskId)) || null,
    })),
  };
}
