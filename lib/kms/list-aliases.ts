import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { aliasContainerArn, keyOperation } from "./key-operation";
import { aliasArn } from "./key-reference";
import { isKeyGone } from "./key-states";
import { paginate, type Page, type PageInput } from "./paging";

export type AliasView = { aliasName: string; aliasArn: string; keyId: string; createdAt: Date };

/** KMS ListAliases: the region's aliases (the service key's included), by name, paged. */
export function listAliases(ctx: RequestContext, input: PageInput = {}): Promise<Page<AliasView>> {
  return operation(
    ctx,
    { service: "kms", action: "ListAliases", resourceArn: aliasContainerArn(ctx.regionId) },
    async () => {
      const at = now();
      const rows = await getRuntime().db.kmsAlias.findMany({
        where: { regionId: ctx.regionId },
        include: {
          key: {
            select: { keyState: true, deleteDate: true, origin: true, materialExpireTime: true },
          },
        },
        orderBy: { aliasName: "asc" },
      });
      return paginate(rows.filter((row) => !isKeyGone(row.key, at)).map(toAliasView), input);
    },
  );
}

/** KMS ListAliasesByKeyId (KeyId: id, alias or ARN). */
export function listAliasesByKeyId(
  ctx: RequestContext,
  input: PageInput & { keyId: string },
): Promise<Page<AliasView>> {
  return keyOperation(ctx, "ListAliasesByKeyId", input.keyId, async (key) => {
    const rows = await getRuntime().db.kmsAlias.findMany({
      where: { keyId: key.id },
      orderBy: { aliasName: "asc" },
    });
    return paginate(rows.map(toAliasView), input);
  });
}

function toAliasView(row: {
  regionId: string;
  aliasName: string;
  keyId: string;
  createdAt: Date;
}): AliasView {
  return {
    aliasName: row.aliasName,
    aliasArn: aliasArn(row.regionId, getRuntime().accountId, row.aliasName),
    keyId: row.keyId,
    createdAt: row.createdAt,
  };
}
