import type { RequestContext } from "@/lib/context";
import { operation } from "@/lib/service/operation";
import {
  buildDescribeInstanceTypesBody,
  type InstanceTypeQuery,
} from "@/lib/ecs/catalog/instance-type-wire";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";

export type DescribeInstanceTypesInput = InstanceTypeQuery;

/** ECS DescribeInstanceTypes: the catalog's types, filtered, up to MaxResults per page. */
export function describeInstanceTypes(ctx: RequestContext, input: DescribeInstanceTypesInput = {}) {
  return operation(
    ctx,
    { service: "ecs", action: "DescribeInstanceTypes", resourceArn: "*" },
    async () => {
      getRegionOrThrow(ctx.regionId);
      return buildDescribeInstanceTypesBody(input);
    },
  );
}
