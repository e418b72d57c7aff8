import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import type { KmsKey } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { kmsErrors } from "./errors";
import { readKey } from "./key-cache";
import { isKeyGone } from "./key-states";
import {
  isOwnAccount,
  keyArn,
  parseKeyReference,
  referenceArn,
  type KeyReference,
} from "./key-reference";

/**
 * Finding the key a request names. A request is authorized against the key it names before the
 * key is loaded (STYLE.md: authorize, then load), so `keyTarget` resolves an alias to its key id
 * first — a policy on the key then covers its aliases — and falls back to the alias ARN when the
 * alias does not exist (the caller is still refused before learning that).
 */
export type KeyTarget = {
  /** The request's context in the key's region (an ARN names its own). */
  ctx: RequestContext;
  reference: KeyReference;
  resourceArn: string;
  /** The key id, when the reference resolves to one (alias found, or a plain id). */
  keyId?: string;
};

export async function keyTarget(ctx: RequestContext, keyIdParam: string): Promise<KeyTarget> {
  const { accountId } = getRuntime();
  const reference = parseKeyReference(keyIdParam, ctx.regionId);
  const targetCtx =
    reference.regionId === ctx.regionId ? ctx : { ...ctx, regionId: reference.regionId };
  const own = isOwnAccount(reference, accountId);
  if (reference.kind === "key") {
    return {
      ctx: targetCtx,
      reference,
      resourceArn: referenceArn(reference, accountId),
      keyId: own ? reference.keyId : undefined,
    };
  }
  const alias = own ? await findAlias(reference.regionId, reference.aliasName) : null;
  return alias
    ? {
        ctx: targetCtx,
        reference,
        resourceArn: keyArn(reference.regionId, accountId, alias.keyId),
        keyId: alias.keyId,
      }
    : { ctx: targetCtx, reference, resourceArn: referenceArn(reference, accountId) };
}

/** A target for a key id the service already knows (Decrypt's blob header, the console). */
export function keyIdTarget(ctx: RequestContext, keyId: string): KeyTarget {
  const reference: KeyReference = { kind: "key", regionId: ctx.regionId, keyId };
  return {
    ctx,
    reference,
    resourceArn: keyArn(ctx.regionId, getRuntime().accountId, keyId),
    keyId,
  };
}

export function findAlias(regionId: string, aliasName: string, tx: Tx = getRuntime().db) {
  return tx.kmsAlias.findUnique({ where: { regionId_aliasName: { regionId, aliasName } } });
}

/** The target's key (cached row, see key-cache.ts), or Forbidden.KeyNotFound / Forbidden.AliasNotFound (404). */
export async function getKeyOrThrow(target: KeyTarget): Promise<KmsKey> {
  const notFound =
    target.reference.kind === "alias" ? kmsErrors.aliasNotFound : kmsErrors.keyNotFound;
  // The key authorized against, even if the alias moved since: never act on another one.
  if (!target.keyId) throw notFound();
  const key = await readKey(target.keyId);
  if (!key || key.regionId !== target.reference.regionId || isKeyGone(key, now()))
    throw kmsErrors.keyNotFound();
  return key;
}

export function keyArnOf(key: Pick<KmsKey, "id" | "regionId">): string {
  return keyArn(key.regionId, getRuntime().accountId, key.id);
}
