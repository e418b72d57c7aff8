import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import type { DiskGroup } from "@/lib/ecs/prices/billing-summary";

/**
 * The overview's pictures of the account's disks in every region: encrypted and unencrypted per
 * region, and the groups the billing overview prices (category, level, encryption). Two grouped
 * queries; read as DescribeDisks on every region's disks.
 */
export type RegionEncryption = { regionId: string; encrypted: number; unencrypted: number };
export type DiskSummary = { regions: RegionEncryption[]; groups: DiskGroup[] };

export function summarizeDisks(ctx: RequestContext): Promise<DiskSummary> {
  const resourceArn = arn("ecs", "*", getRuntime().accountId, "disk/*");
  return operation(ctx, { service: "ecs", action: "DescribeDisks", resourceArn }, async () => {
    const { db } = getRuntime();
    const [byRegion, byCategory] = await Promise.all([
      db.disk.groupBy({ by: ["regionId", "encrypted"], _count: { _all: true }, orderBy: { regionId: "asc" } }),
      db.disk.groupBy({ by: ["category", "performanceLevel", "encrypted"], _count: { _all: true }, _sum: { sizeGiB: true } }),
    ]);
    const regions = new Map<string, RegionEncryption>();
    for (const row of byRegion) {
      const region = regions.get(row.regionId) ?? { regionId: row.regionId, encrypted: 0, unencrypted: 0 };
      region[row.encrypted ? "encrypted" : "unencrypted"] += row._count._all;
      regions.set(row.regionId, region);
    }
    return {
      regions: [...regions.values()],
      groups: byCategory.map((row) => ({
        category: row.category,
        performanceLevel: row.performanceLevel,
        encrypted: row.encrypted,
        count: row._count._all,
        sizeGiB: row._sum.sizeGiB ?? 0,
      })),
    };
  });
}
