import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { int } from "@/lib/openapi/params";
import { AppError } from "@/lib/errors";
import { createRole, deleteRole, getRole, listRoles, updateRole } from "@/lib/ram/manage-roles";
import { decodeDiagnosticMessage } from "@/lib/ram/diagnostic-message";
import { markerInput, markerParams, name, optionalText, pageWire, roleWire, text } from "./wire";

/** RAM roles over the role store, and DecodeDiagnosticMessage (RAM 2015-05-01). */
export const roleActions: Record<string, ActionDefinition> = {
  CreateRole: defineAction(
    z.object({ RoleName: name(), AssumeRolePolicyDocument: text(), Description: optionalText(), MaxSessionDuration: int().optional() }),
    async (ctx, p) => ({
      Role: roleWire(
        await createRole(ctx, {
          roleName: p.RoleName,
          assumeRolePolicyDocument: p.AssumeRolePolicyDocument,
          description: p.Description,
          maxSessionDuration: p.MaxSessionDuration,
        }),
        "create",
      ),
    }),
  ),

  GetRole: defineAction(z.object({ RoleName: name() }), async (ctx, p) => ({
    Role: roleWire(await getRole(ctx, { roleName: p.RoleName }), "full"),
  })),

  ListRoles: defineAction(z.object(markerParams), async (ctx, p) => {
    const page = await listRoles(ctx, markerInput(p));
    return { Roles: { Role: page.items.map((r) => roleWire(r, "list")) }, ...pageWire(page) };
  }),

  UpdateRole: defineAction(
    z.object({
      RoleName: name(),
      NewAssumeRolePolicyDocument: optionalText(),
      NewDescription: optionalText(),
      NewMaxSessionDuration: int().optional(),
    }),
    async (ctx, p) => ({
      Role: roleWire(
        await updateRole(ctx, {
          roleName: p.RoleName,
          newAssumeRolePolicyDocument: p.NewAssumeRolePolicyDocument,
          newDescription: p.NewDescription,
          newMaxSessionDuration: p.NewMaxSessionDuration,
        }),
        "full",
      ),
    }),
  ),

  DeleteRole: defineAction(z.object({ RoleName: name() }), async (ctx, p) => {
    await deleteRole(ctx, { roleName: p.RoleName });
    return {};
  }),

  // The message is the caller's own denial: decoding it reveals nothing new, so it needs no policy.
  DecodeDiagnosticMessage: defineAction(z.object({ EncodedDiagnosticMessage: name() }), (_ctx, p) => {
    const decoded = decodeDiagnosticMessage(p.EncodedDiagnosticMessage);
    if (!decoded) {
      throw new AppError("InvalidParameter.EncodedDiagnosticMessage", 'The parameter - "EncodedDiagnosticMessage" is incorrect.', 400);
    }
    return { DecodedDiagnosticMessage: decoded };
  }),
};
