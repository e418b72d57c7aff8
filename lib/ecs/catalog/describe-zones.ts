import type { RequestContext } from "@/lib/context";
import { operation } from "@/lib/service/operation";
import { languageOfAcceptLanguage, type AcceptLanguage } from "@/lib/ecs/catalog/language";
import { buildDescribeZonesBody } from "@/lib/ecs/catalog/region-wire";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";

export type DescribeZonesInput = {
  acceptLanguage?: AcceptLanguage;
  /** Default true, as in ECS: false lists ids and names only. */
  verbose?: boolean;
  instanceChargeType?: "PrePaid" | "PostPaid";
  spotStrategy?: "NoSpot" | "SpotWithPriceLimit" | "SpotAsPriceGo";
};

/** ECS DescribeZones: the zones of the request's region and what each offers. */
export function describeZones(ctx: RequestContext, input: DescribeZonesInput = {}) {
  return operation(ctx, { service: "ecs", action: "DescribeZones", resourceArn: "*" }, async () => {
    getRegionOrThrow(ctx.regionId);
    return buildDescribeZonesBody(
      ctx.regionId,
      languageOfAcceptLanguage(input.acceptLanguage),
      input.verbose ?? true,
    );
  });
}
