"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import {
  attachPolicy as attachPolicyService,
  detachPolicy as detachPolicyService,
} from "@/lib/ram/attachments";

/** A user's, group's or role's policy, as the detail pages attach and detach them. */
const attachmentSchema = z.object({
  principalType: z.enum(["User", "Group", "Role"]),
  principalName: z.string().min(1).max(64),
  policyType: z.enum(["System", "Custom"]),
  policyName: z.string().min(1).max(128),
});

export const attachPolicy = consoleAction(attachmentSchema, async (ctx, input) => {
  await attachPolicyService(ctx, input);
  return null;
});

export const detachPolicy = consoleAction(attachmentSchema, async (ctx, input) => {
  await detachPolicyService(ctx, input);
  return null;
});
