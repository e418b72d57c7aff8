import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import type { KmsKey } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { dryRunPassed } from "@/lib/errors";
import { operation, type Operation } from "@/lib/service/operation";
import { guardKey } from "./key-guards";
import { getKeyOrThrow, keyArnOf, keyTarget, type KeyTarget } from "./key-lookup";
import type { KeyStateAction } from "./key-states";

/**
 * The frame of every KMS operation on one named key (KeyId: id, alias or ARN):
 * authorize against the key → load it (404s) → service-key rule and state table → run.
 * The audit event carries the key id, so the key's history (the console's "recent
 * operations", LookupEvents KeyId=…) lists every operation on it, refusals included.
 */
export type KeyOperationRun<T> = (key: KmsKey, op: Operation, target: KeyTarget) => Promise<T>;

export async function keyOperation<T>(
  ctx: RequestContext,
  action: KeyStateAction,
  keyIdParam: string,
  run: KeyOperationRun<T>,
): Promise<T> {
  return onTarget(await keyTarget(ctx, keyIdParam), action, run);
}

/** The same frame for a target already resolved (Decrypt's blob header, ReEncrypt's two keys). */
export function onTarget<T>(
  target: KeyTarget,
  action: KeyStateAction,
  run: KeyOperationRun<T>,
): Promise<T> {
  const spec = {
    service: "kms" as const,
    action,
    resourceArn: target.resourceArn,
    keyId: target.keyId,
  };
  return operation(target.ctx, spec, async (op) => {
    const key = await getKeyOrThrow(target);
    op.keyId = key.id;
    op.resourceArn = keyArnOf(key);
    guardKey(target.ctx.principal, key, action, now());
    if (target.ctx.dryRun) throw dryRunPassed();
    return run(key, op, target);
  });
}

/** The key container ARN (`acs:kms:<region>:<account>:key`) that CreateKey and ListKeys act on. */
export function keyContainerArn(regionId: string): string {
  return `acs:kms:${regionId}:${getRuntime().accountId}:key`;
}

/** The alias container ARN that ListAliases acts on. */
export function aliasContainerArn(regionId: string): string {
  return `acs:kms:${regionId}:${getRuntime().accountId}:alias`;
}
