import type { z } from "zod";
import type { RequestContext } from "@/lib/context";

/**
 * One API action: its parameter schema (over the unflattened request parameters, see
 * params.ts), and the call that turns them into the response body. The body is the action's
 * response without RequestId, with Alibaba's exact PascalCase wire names; the endpoint adds
 * RequestId. Business rules live in the service the call invokes, never here.
 */
export type ActionDefinition = {
  params: z.ZodType;
  call: (ctx: RequestContext, input: never) => Promise<object> | object;
};

export function defineAction<S extends z.ZodType, O extends object>(
  params: S,
  call: (ctx: RequestContext, input: z.output<S>) => Promise<O> | O,
): ActionDefinition {
  return { params, call: call as ActionDefinition["call"] };
}

export type ProductCode = "ecs" | "kms" | "ram" | "oos" | "diskseal";

export type Product = {
  code: ProductCode;
  /** The API version that routes to this product ("2014-05-26" for ECS). */
  version: string;
  /** HostId of error bodies, e.g. "ecs.aliyuncs.com". */
  hostId: string;
  /** Product name in the Recommend link of error bodies. */
  recommendName: string;
  actions: Record<string, ActionDefinition>;
};
