import type { RequestContext } from "@/lib/context";
import { resetClock } from "@/lib/clock";
import { getRuntime, processSingleton } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { requireRoot } from "@/lib/emulator/require-root";
import { forgetAccessKey } from "@/lib/account/access-keys";
import { forgetPrincipalPolicies } from "@/lib/ram/principal-policies";
import { PENDING_CREDENTIALS_SETTING, ROOT_KEY_CHECK_SETTING } from "@/lib/emulator/settings";

/** Tables that survive a reset, and settings that do: the account and its root AccessKey. */
const KEPT_TABLES = new Set(["_prisma_migrations", "Account", "AccessKey", "Setting"]);
const KEPT_SETTINGS = [ROOT_KEY_CHECK_SETTING, PENDING_CREDENTIALS_SETTING];

/** In-memory state of other domains (data keys of running disks, backing media) clears here. */
const resetHandlers = processSingleton("emulator.resetHandlers", () => new Map<string, () => Promise<void>>());

export function onEmulatorReset(name: string, handler: () => Promise<void>): void {
  resetHandlers.set(name, handler);
}

/**
 * Drops every resource of every region — and every table a later domain adds, without this
 * function having to learn about it — then sets the clock offset to 0. The account id and the
 * root AccessKey stay, so scripts keep working across a reset.
 */
export function resetEmulator(ctx: RequestContext): Promise<void> {
  return operation(ctx, { service: "diskseal", action: "ResetEmulator", resourceArn: "*" }, async () => {
    requireRoot(ctx);
    for (const handler of resetHandlers.values()) await handler();
    const { db } = getRuntime();
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    await db.$transaction([
      db.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON"),
      ...tables.filter((t) => !KEPT_TABLES.has(t.name)).map((t) => db.$executeRawUnsafe(`DELETE FROM "${t.name}"`)),
      db.accessKey.deleteMany({ where: { userName: { not: null } } }),
      db.setting.deleteMany({ where: { key: { notIn: KEPT_SETTINGS } } }),
    ]);
    forgetAccessKey();
    forgetPrincipalPolicies();
    await resetClock();
  });
}
