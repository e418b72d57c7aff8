import type { ActionDefinition } from "@/lib/openapi/action";

/** ECS catalog actions (DescribeRegions, DescribeZones, …). */
export const catalogActions: Record<string, ActionDefinition> = {};
