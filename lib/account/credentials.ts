import path from "node:path";
import type { RequestContext } from "@/lib/context";
import { findAccessKey } from "@/lib/account/access-keys";
import { requireRoot } from "@/lib/emulator/require-root";
import { CREDENTIALS_FILE, PENDING_CREDENTIALS_SETTING } from "@/lib/emulator/settings";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";

export type PendingRootCredentials = {
  accountId: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** Where boot also wrote the pair: `<data dir>/credentials.json`. */
  credentialsFile: string;
};

/**
 * The root AccessKey generated at first start, while it has not been acknowledged in the
 * console; otherwise undefined. Only the root identity ever sees it: a RAM user signed in to
 * the console gets undefined, not an error, so the page simply has no panel.
 */
export async function getPendingRootCredentials(
  ctx: RequestContext,
): Promise<PendingRootCredentials | undefined> {
  if (ctx.principal.kind !== "root") return undefined;
  const { db, config, accountId } = getRuntime();
  const pending = await db.setting.findUnique({ where: { key: PENDING_CREDENTIALS_SETTING } });
  if (!pending) return undefined;
  const key = await findAccessKey(pending.value);
  // The key was replaced (DISKSEAL_ACCESS_KEY_ID on a later start) or belongs to someone else.
  if (!key || key.principal.kind !== "root" || key.principal.accountId !== accountId)
    return undefined;
  return {
    accountId,
    accessKeyId: key.id,
    accessKeySecret: key.secret,
    credentialsFile: path.join(config.dataDir, CREDENTIALS_FILE),
  };
}

/** "I have saved it": the generated pair is never shown in the console again. Idempotent. */
export function acknowledgeRootCredentials(ctx: RequestContext): Promise<void> {
  const resourceArn = `acs:ram::${ctx.principal.accountId}:root`;
  return operation(
    ctx,
    { service: "diskseal", action: "AcknowledgeRootCredentials", resourceArn },
    async () => {
      requireRoot(ctx);
      await getRuntime().db.setting.deleteMany({ where: { key: PENDING_CREDENTIALS_SETTING } });
    },
  );
}
