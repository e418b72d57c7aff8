import type { RequestContext } from "@/lib/context";
import { operation } from "@/lib/service/operation";
import { buildDescribeImagesBody, type ImageQuery } from "@/lib/ecs/catalog/image-wire";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";

export type DescribeImagesInput = ImageQuery;

/**
 * ECS DescribeImages over the public images of the request's region. Custom images (`self`)
 * are not in the catalog; the images service, when it exists, answers for them.
 */
export function describeImages(ctx: RequestContext, input: DescribeImagesInput = {}) {
  return operation(
    ctx,
    { service: "ecs", action: "DescribeImages", resourceArn: "*" },
    async () => {
      getRegionOrThrow(ctx.regionId);
      return buildDescribeImagesBody(ctx.regionId, input);
    },
  );
}
