import type { RequestContext } from "@/lib/context";
import { operation } from "@/lib/service/operation";
import { languageOfAcceptLanguage, type AcceptLanguage } from "@/lib/ecs/catalog/language";
import { buildDescribeRegionsBody } from "@/lib/ecs/catalog/region-wire";

export type DescribeRegionsInput = {
  acceptLanguage?: AcceptLanguage;
  /** Accepted for compatibility: every region sells every charge type and resource type here. */
  instanceChargeType?: "PrePaid" | "PostPaid";
  resourceType?: "instance" | "disk" | "reservedinstance" | "scu";
};

/** ECS DescribeRegions: every region, named in the requested language (default zh-CN). */
export function describeRegions(ctx: RequestContext, input: DescribeRegionsInput = {}) {
  return operation(ctx, { service: "ecs", action: "DescribeRegions", resourceArn: "*" }, async () =>
    buildDescribeRegionsBody(languageOfAcceptLanguage(input.acceptLanguage)),
  );
}
