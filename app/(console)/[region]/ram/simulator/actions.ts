"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { isAppError } from "@/lib/errors";
import { getPolicy } from "@/lib/ram/policies";
import { simulatePolicy } from "@/lib/ram/simulate-policy";

/**
 * The policy simulator: RAM's decision for a principal, the statement that decided, and that
 * policy's document (read with GetPolicy, so a caller who may not read it gets the decision
 * without the document) for the page to highlight the statement in.
 */
export const simulate = consoleAction(
  z.object({
    principal: z.object({
      type: z.enum(["user", "group", "role"]),
      name: z.string().min(1).max(64),
    }),
    action: z.string().min(3).max(128),
    resourceArn: z.string().min(1).max(512),
    conditions: z.record(z.string().max(128), z.array(z.string().max(512)).max(16)).optional(),
  }),
  async (ctx, input) => {
    const result = await simulatePolicy(ctx, input);
    let policyDocument: string | undefined;
    if (result.policyName && result.policyType) {
      try {
        policyDocument = (
          await getPolicy(ctx, { policyType: result.policyType, policyName: result.policyName })
        ).defaultVersion.policyDocument;
      } catch (error) {
        if (!isAppError(error)) throw error;
      }
    }
    return { ...result, policyDocument };
  },
);
