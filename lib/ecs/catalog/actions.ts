import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { bool, int, list, oneOf, str } from "@/lib/openapi/params";
import { DESTINATION_RESOURCES } from "@/lib/ecs/catalog/available-resource";
import { describeAvailableResource } from "@/lib/ecs/catalog/describe-available-resource";
import { describeInstanceTypeFamilies } from "@/lib/ecs/catalog/describe-instance-type-families";
import { describeInstanceTypes } from "@/lib/ecs/catalog/describe-instance-types";
import { describeRegions } from "@/lib/ecs/catalog/describe-regions";
import { describeZones } from "@/lib/ecs/catalog/describe-zones";
import { MAX_RESULTS_ACCEPTED } from "@/lib/ecs/catalog/instance-type-wire";
import { ACCEPT_LANGUAGES } from "@/lib/ecs/catalog/language";

/**
 * The ECS catalog actions: parameter schemas over the unflattened request (RegionId is the
 * endpoint's and arrives as ctx.regionId) and the call into the catalog services. Parameters
 * ECS accepts but the emulator has no use for (OwnerId, ResourceOwnerAccount, DryRun…) are
 * dropped by zod's object stripping.
 */

/** A non-negative decimal such as MemorySize `8.0` (params.ts has integers only). */
const decimal = () =>
  z
    .string()
    .regex(/^\d{1,9}(\.\d{1,6})?$/)
    .transform(Number);

const chargeType = () => oneOf(["PrePaid", "PostPaid"]).optional();
const spotStrategy = () => oneOf(["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"]).optional();
const acceptLanguage = () => oneOf(ACCEPT_LANGUAGES).optional();
/** ECS's documented generations (DescribeInstanceTypeFamilies). */
const GENERATIONS = ["ecs-1", "ecs-2", "ecs-3", "ecs-4", "ecs-5", "ecs-6"] as const;


export const catalogActions: Record<string, ActionDefinition> = {
  DescribeRegions: defineAction(
    z.object({
      AcceptLanguage: acceptLanguage(),
      InstanceChargeType: chargeType(),
      ResourceType: oneOf(["instance", "disk", "reservedinstance", "scu"]).optional(),
    }),
    (ctx, p) =>
      describeRegions(ctx, {
        acceptLanguage: p.AcceptLanguage,
        instanceChargeType: p.InstanceChargeType,
        resourceType: p.ResourceType,
      }),
  ),

  DescribeZones: defineAction(
    z.object({
      AcceptLanguage: acceptLanguage(),
      Verbose: bool().optional(),
      InstanceChargeType: chargeType(),
      SpotStrategy: spotStrategy(),
    }),
    (ctx, p) =>
      describeZones(ctx, {
        acceptLanguage: p.AcceptLanguage,
        verbose: p.Verbose,
        instanceChargeType: p.InstanceChargeType,
        spotStrategy: p.SpotStrategy,
      }),
  ),

  DescribeInstanceTypes: defineAction(
    z.object({
      InstanceTypes: list(str({ min: 1, max: 64 }), 10).optional(),
      InstanceTypeFamily: str({ max: 64 }).optional(),
      InstanceTypeFamilies: list(str({ min: 1, max: 64 }), 10).optional(),
      InstanceCategory: str({ max: 64 }).optional(),
      InstanceFamilyLevel: oneOf(["EntryLevel", "EnterpriseLevel", "CreditEntryLevel"]).optional(),
      CpuArchitecture: oneOf(["X86", "ARM"]).optional(),
      MinimumCpuCoreCount: int({ min: 0 }).optional(),
      MaximumCpuCoreCount: int({ min: 0 }).optional(),
      MinimumMemorySize: decimal().optional(),
      MaximumMemorySize: decimal().optional(),
      MaxResults: int({ min: 1, max: MAX_RESULTS_ACCEPTED }).optional(),
      NextToken: str({ max: 256 }).optional(),
    }),
    (ctx, p) =>
      describeInstanceTypes(ctx, {
        instanceTypes: p.InstanceTypes,
        instanceTypeFamily: p.InstanceTypeFamily,
        instanceTypeFamilies: p.InstanceTypeFamilies,
        instanceCategory: p.InstanceCategory,
        instanceFamilyLevel: p.InstanceFamilyLevel,
        cpuArchitecture: p.CpuArchitecture,
        minimumCpuCoreCount: p.MinimumCpuCoreCount,
        maximumCpuCoreCount: p.MaximumCpuCoreCount,
        minimumMemorySize: p.MinimumMemorySize,
        maximumMemorySize: p.MaximumMemorySize,
        maxResults: p.MaxResults,
        nextToken: p.NextToken || undefined,
      }),
  ),

  DescribeInstanceTypeFamilies: defineAction(
    z.object({ Generation: oneOf(GENERATIONS).optional() }),
    (ctx, p) => describeInstanceTypeFamilies(ctx, { generation: p.Generation }),
  ),


  DescribeAvailableResource: defineAction(
    z.object({
      DestinationResource: oneOf(DESTINATION_RESOURCES),
      ZoneId: str({ min: 1, max: 64 }).optional(),
      InstanceType: str({ min: 1, max: 64 }).optional(),
      IoOptimized: oneOf(["optimized", "none"]).optional(),
      SystemDiskCategory: str({ max: 64 }).optional(),
      DataDiskCategory: str({ max: 64 }).optional(),
      NetworkCategory: oneOf(["vpc", "classic"]).optional(),
      Cores: int({ min: 1 }).optional(),
      Memory: decimal().optional(),
      InstanceChargeType: chargeType(),
      SpotStrategy: spotStrategy(),
      SpotDuration: int({ min: 0, max: 6 }).optional(),
      ResourceType: oneOf(["instance", "disk", "reservedinstance", "ddh"]).optional(),
      Scope: oneOf(["Region", "Zone"]).optional(),
    }),
    (ctx, p) =>
      describeAvailableResource(ctx, {
        destinationResource: p.DestinationResource,
        zoneId: p.ZoneId,
        instanceType: p.InstanceType,
        ioOptimized: p.IoOptimized,
        systemDiskCategory: p.SystemDiskCategory,
        dataDiskCategory: p.DataDiskCategory,
        networkCategory: p.NetworkCategory,
        cores: p.Cores,
        memory: p.Memory,
      }),
  ),
};
