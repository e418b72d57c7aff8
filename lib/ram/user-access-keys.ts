import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { missingParameter } from "@/lib/errors";
import { operation } from "@/lib/service/operation";
import { accessKeyId, accessKeySecret } from "@/lib/ids";
import { forgetAccessKey, saveAccessKey } from "@/lib/account/access-keys";
import { ramResourceArn } from "@/lib/ram/arns";
import { ramErrors } from "@/lib/ram/errors";
import { RAM_LIMITS } from "@/lib/ram/names";
import { getUserRowOrThrow } from "@/lib/ram/users";

/**
 * A RAM user's AccessKeys: CreateAccessKey (the secret is returned once and stored only wrapped
 * under the root key, as lib/account/access-keys.ts keeps every secret), ListAccessKeys,
 * UpdateAccessKey (Active / Inactive), DeleteAccessKey. At most two per user. Every change goes
 * through lib/account/access-keys.ts or calls `forgetAccessKey`, so the signed endpoint's cache
 * never answers with a deleted or deactivated key.
 */
export type AccessKeyStatus = "Active" | "Inactive";
export type AccessKeyView = { accessKeyId: string; status: AccessKeyStatus; createdAt: Date };
export type NewAccessKey = AccessKeyView & { accessKeySecret: string };

/** UserName defaults to the calling RAM user; the root account names the user. */
function targetUserName(ctx: RequestContext, userName: string | undefined): string {
  if (userName !== undefined && userName !== "") return userName;
  if (ctx.principal.kind === "user") return ctx.principal.userName;
  throw missingParameter("UserName");
}

export function createAccessKey(ctx: RequestContext, input: { userName?: string } = {}): Promise<NewAccessKey> {
  const userName = targetUserName(ctx, input.userName);
  return operation(ctx, { service: "ram", action: "CreateAccessKey", resourceArn: ramResourceArn("user", userName) }, async () => {
    const user = await getUserRowOrThrow(userName);
    const { db, accountId } = getRuntime();
    if ((await db.accessKey.count({ where: { userName: user.name } })) >= RAM_LIMITS.accessKeysPerUser) {
      throw ramErrors.tooManyAccessKeys();
    }
    const key = { id: accessKeyId(), secret: accessKeySecret(), accountId, userName: user.name };
    const createdAt = now();
    await db.$transaction(async (tx) => {
      await saveAccessKey(tx, key);
      await tx.accessKey.update({ where: { id: key.id }, data: { createdAt } });
    });
    return { accessKeyId: key.id, accessKeySecret: key.secret, status: "Active", createdAt };
  });
}

export function listAccessKeys(ctx: RequestContext, input: { userName?: string } = {}): Promise<AccessKeyView[]> {
  const userName = targetUserName(ctx, input.userName);
  return operation(ctx, { service: "ram", action: "ListAccessKeys", resourceArn: ramResourceArn("user", userName) }, async () => {
    const user = await getUserRowOrThrow(userName);
    const rows = await getRuntime().db.accessKey.findMany({ where: { userName: user.name }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    return rows.map((row) => ({ accessKeyId: row.id, status: row.status as AccessKeyStatus, createdAt: row.createdAt }));
  });
}

async function getUserKeyOrThrow(userName: string, userAccessKeyId: string) {
  const key = await getRuntime().db.accessKey.findUnique({ where: { id: userAccessKeyId } });
  if (!key || key.userName !== userName) throw ramErrors.accessKeyNotFound();
  return key;
}

export function updateAccessKey(
  ctx: RequestContext,
  input: { userName?: string; userAccessKeyId: string; status: AccessKeyStatus },
): Promise<void> {
  const userName = targetUserName(ctx, input.userName);
  return operation(ctx, { service: "ram", action: "UpdateAccessKey", resourceArn: ramResourceArn("user", userName) }, async () => {
    const user = await getUserRowOrThrow(userName);
    const key = await getUserKeyOrThrow(user.name, input.userAccessKeyId);
    await getRuntime().db.accessKey.update({ where: { id: key.id }, data: { status: input.status } });
    forgetAccessKey(key.id);
  });
}

export function deleteAccessKey(ctx: RequestContext, input: { userName?: string; userAccessKeyId: string }): Promise<void> {
  const userName = targetUserName(ctx, input.userName);
  return operation(ctx, { service: "ram", action: "DeleteAccessKey", resourceArn: ramResourceArn("user", userName) }, async () => {
    const user = await getUserRowOrThrow(userName);
    const key = await getUserKeyOrThrow(user.name, input.userAccessKeyId);
    await getRuntime().db.accessKey.delete({ where: { id: key.id } });
    forgetAccessKey(key.id);
  });
}
