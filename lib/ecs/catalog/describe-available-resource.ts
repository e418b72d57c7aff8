import type { RequestContext } from "@/lib/context";
import { operation } from "@/lib/service/operation";
import {
  assertAvailableResourceQuery,
  buildDescribeAvailableResourceBody,
  type AvailableResourceQuery,
} from "@/lib/ecs/catalog/available-resource";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";

export type DescribeAvailableResourceInput = AvailableResourceQuery;

/** ECS DescribeAvailableResource: what the zones of the request's region offer. */
export async function describeAvailableResource(
  ctx: RequestContext,
  input: DescribeAvailableResourceInput,
) {
  assertAvailableResourceQuery(input);
  return operation(
    ctx,
    { service: "ecs", action: "DescribeAvailableResource", resourceArn: "*" },
    async () => {
      getRegionOrThrow(ctx.regionId);
      return buildDescribeAvailableResourceBody(ctx.regionId, input);
    },
  );
}
