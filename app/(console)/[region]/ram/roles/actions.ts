"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import {
  createRole as createRoleService,
  deleteRole as deleteRoleService,
  updateRole,
} from "@/lib/ram/manage-roles";

const roleName = z.string().min(1).max(64);

export const createRole = consoleAction(
  z.object({
    roleName,
    description: z.string().max(1024).optional(),
    assumeRolePolicyDocument: z.string().max(4096),
    maxSessionDuration: z.number().int().optional(),
  }),
  async (ctx, input) => {
    const role = await createRoleService(ctx, {
      roleName: input.roleName,
      assumeRolePolicyDocument: input.assumeRolePolicyDocument,
      description: input.description || undefined,
      maxSessionDuration: input.maxSessionDuration,
    });
    return { roleName: role.roleName };
  },
);

export const updateTrustPolicy = consoleAction(
  z.object({ roleName, assumeRolePolicyDocument: z.string().max(4096) }),
  async (ctx, input) => {
    await updateRole(ctx, {
      roleName: input.roleName,
      newAssumeRolePolicyDocument: input.assumeRolePolicyDocument,
    });
    return null;
  },
);

/** Refused by RAM while policies are attached (DeleteConflict.Role.Policy): detach them first. */
export const deleteRole = consoleAction(z.object({ roleName }), async (ctx, input) => {
  await deleteRoleService(ctx, input);
  return null;
});
