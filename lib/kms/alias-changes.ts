import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { authorize } from "@/lib/ram/authorize";
import { operation } from "@/lib/service/operation";
import { aliasNameProblem, isReservedAliasName } from "./alias-name";
import { kmsErrors } from "./errors";
import { assertMayManage } from "./key-guards";
import { findAlias, keyArnOf } from "./key-lookup";
import { keyOperation } from "./key-operation";
import { aliasArn } from "./key-reference";
import { isKeyGone } from "./key-states";

/**
 * KMS CreateAlias / UpdateAlias / DeleteAlias. Aliases live in the key's region, one name per
 * region. Users never name an alias `alias/acs…` (the cloud's), never point one at a service
 * key, and never move or delete a service key's alias (400 Rejected.UnsupportedOperation).
 * Alibaba authorizes these on the alias and on the key: both are checked.
 */
export function assertUserAliasName(ctx: RequestContext, aliasName: string): void {
  const problem = aliasNameProblem(aliasName);
  if (problem === "format" || (problem === "reserved" && ctx.principal.kind !== "service")) {
    throw kmsErrors.invalidParameter(
      "AliasName",
      problem === "reserved"
        ? "The prefix alias/acs is reserved for Alibaba Cloud services."
        : undefined,
    );
  }
}

export function createAlias(
  ctx: RequestContext,
  input: { aliasName: string; keyId: string },
): Promise<void> {
  assertUserAliasName(ctx, input.aliasName);
  return keyOperation(ctx, "CreateAlias", input.keyId, async (key, _op, target) => {
    const { db, accountId } = getRuntime();
    await authorize(
      target.ctx,
      "kms:CreateAlias",
      aliasArn(key.regionId, accountId, input.aliasName),
    );
    if (await findAlias(key.regionId, input.aliasName)) throw kmsErrors.aliasAlreadyExists();
    try {
      await db.kmsAlias.create({
        data: {
          regionId: key.regionId,
          aliasName: input.aliasName,
          keyId: key.id,
          createdAt: now(),
        },
      });
    } catch (error) {
      // Two CreateAlias of one name at once: the primary key decides, the loser gets the API's answer.
      if ((error as { code?: string }).code === "P2002") throw kmsErrors.aliasAlreadyExists();
      throw error;
    }
  });
}

/** Points an existing alias at another key of the same region; the target's state rules apply. */
export function updateAlias(
  ctx: RequestContext,
  input: { aliasName: string; keyId: string },
): Promise<void> {
  return keyOperation(ctx, "UpdateAlias", input.keyId, async (key, _op, target) => {
    const { db, accountId } = getRuntime();
    await authorize(
      target.ctx,
      "kms:UpdateAlias",
      aliasArn(key.regionId, accountId, input.aliasName),
    );
    if (isReservedAliasName(input.aliasName) && ctx.principal.kind !== "service") {
      throw kmsErrors.unsupportedOperation("Aliases of service keys cannot be changed.");
    }
    const alias = await findAlias(key.regionId, input.aliasName);
    if (!alias) throw kmsErrors.aliasNotFound();
    const current = await db.kmsKey.findUnique({
      where: { id: alias.keyId },
      select: { creatorType: true },
    });
    if (current) assertMayManage(ctx.principal, current, "UpdateAlias");
    await db.kmsAlias.update({
      where: { regionId_aliasName: { regionId: key.regionId, aliasName: input.aliasName } },
      data: { keyId: key.id },
    });
  });
}

/** Deletes an alias (whatever its key's state); the key itself is untouched. */
export async function deleteAlias(
  ctx: RequestContext,
  input: { aliasName: string },
): Promise<void> {
  const { accountId } = getRuntime();
  const existing = await findAlias(ctx.regionId, input.aliasName);
  const resourceArn = aliasArn(ctx.regionId, accountId, input.aliasName);
  return operation(
    ctx,
    { service: "kms", action: "DeleteAlias", resourceArn, keyId: existing?.keyId },
    async () => {
      const { db } = getRuntime();
      const alias = await db.kmsAlias.findUnique({
        where: { regionId_aliasName: { regionId: ctx.regionId, aliasName: input.aliasName } },
        include: { key: true },
      });
      if (!alias || isKeyGone(alias.key, now())) throw kmsErrors.aliasNotFound();
      await authorize(ctx, "kms:DeleteAlias", keyArnOf(alias.key));
      if (isReservedAliasName(input.aliasName) && ctx.principal.kind !== "service") {
        throw kmsErrors.unsupportedOperation("Aliases of service keys cannot be changed.");
      }
      assertMayManage(ctx.principal, alias.key, "DeleteAlias");
      await db.kmsAlias.delete({
        where: { regionId_aliasName: { regionId: ctx.regionId, aliasName: input.aliasName } },
      });
    },
  );
}
