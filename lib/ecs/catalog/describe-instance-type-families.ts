import type { RequestContext } from "@/lib/context";
import { operation } from "@/lib/service/operation";
import { buildDescribeInstanceTypeFamiliesBody } from "@/lib/ecs/catalog/instance-type-wire";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";

export type DescribeInstanceTypeFamiliesInput = { generation?: string };

/** ECS DescribeInstanceTypeFamilies: every family of the catalog, or those of one generation. */
export function describeInstanceTypeFamilies(
  ctx: RequestContext,
  input: DescribeInstanceTypeFamiliesInput = {},
) {
  return operation(
    ctx,
    { service: "ecs", action: "DescribeInstanceTypeFamilies", resourceArn: "*" },
    async () => {
      getRegionOrThrow(ctx.regionId);
      return buildDescribeInstanceTypeFamiliesBody(input.generation);
    },
  );
}
