import { z } from "zod";
import { bool } from "@/lib/openapi/params";
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

/**
 * Adds the `DryRun` parameter to actions whose services honour `ctx.dryRun` (they validate,
 * authorize and check state, then answer DryRunOperation without acting).
 */
export function acceptingDryRun(actions: Record<string, ActionDefinition>): Record<string, ActionDefinition> {
  return Object.fromEntries(
    Object.entries(actions).map(([name, action]) => {
      if (!(action.params instanceof z.ZodObject)) throw new Error(`${name}: DryRun needs an object schema`);
      const params = action.params.extend({ DryRun: bool().optional() });
      const call: ActionDefinition["call"] = (ctx, input) => {
        const { DryRun, ...rest } = input as { DryRun?: boolean };
        return action.call({ ...ctx, dryRun: DryRun === true }, rest as never);
      };
      return [name, { params, call }];
    }),
  );
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
