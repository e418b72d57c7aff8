import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { str } from "@/lib/openapi/params";
import { createAlias, deleteAlias, updateAlias } from "../alias-changes";
import { MAX_ALIAS_NAME_LENGTH } from "../alias-name";
import { listAliases, listAliasesByKeyId, type AliasView } from "../list-aliases";
import type { Page } from "../paging";
import { keyIdParam, pageParams, pageWire } from "./params";

const aliasName = () => str({ min: 1, max: MAX_ALIAS_NAME_LENGTH });

const aliasesWire = (page: Page<AliasView>) => ({
  Aliases: {
    Alias: page.items.map((alias) => ({
      AliasName: alias.aliasName,
      AliasArn: alias.aliasArn,
      KeyId: alias.keyId,
    })),
  },
  ...pageWire(page),
});

/** Aliases (KMS 2016-01-20). */
export const aliasActions: Record<string, ActionDefinition> = {
  CreateAlias: defineAction(
    z.object({ AliasName: aliasName(), KeyId: keyIdParam() }),
    async (ctx, p) => {
      await createAlias(ctx, { aliasName: p.AliasName, keyId: p.KeyId });
      return {};
    },
  ),

  UpdateAlias: defineAction(
    z.object({ AliasName: aliasName(), KeyId: keyIdParam() }),
    async (ctx, p) => {
      await updateAlias(ctx, { aliasName: p.AliasName, keyId: p.KeyId });
      return {};
    },
  ),

  DeleteAlias: defineAction(z.object({ AliasName: aliasName() }), async (ctx, p) => {
    await deleteAlias(ctx, { aliasName: p.AliasName });
    return {};
  }),

  ListAliases: defineAction(z.object(pageParams), async (ctx, p) =>
    aliasesWire(await listAliases(ctx, { pageNumber: p.PageNumber, pageSize: p.PageSize })),
  ),

  ListAliasesByKeyId: defineAction(
    z.object({ KeyId: keyIdParam(), ...pageParams }),
    async (ctx, p) =>
      aliasesWire(
        await listAliasesByKeyId(ctx, {
          keyId: p.KeyId,
          pageNumber: p.PageNumber,
          pageSize: p.PageSize,
        }),
      ),
  ),
};
