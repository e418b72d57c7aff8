import fs from "node:fs";
import path from "node:path";
import type { Config } from "@/lib/config";
import { openDatabase } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { generateRootKey, matchesCheckValue, parseRootKey, rootKeyCheckValue } from "@/lib/crypto/root-key";
import { accessKeyId, accessKeySecret, accountId as newAccountId } from "@/lib/ids";
import { forgetAccessKey, saveAccessKey } from "@/lib/account/access-keys";
import { OFFSET_SETTING, now } from "@/lib/clock";
import { Scheduler } from "@/lib/scheduler";
import { getRuntime, processSingleton, setRuntime, type Runtime } from "@/lib/runtime";
import {
  CREDENTIALS_FILE,
  PENDING_CREDENTIALS_SETTING,
  ROOT_KEY_CHECK_SETTING as CHECK_SETTING,
  ROOT_KEY_FILE,
} from "@/lib/emulator/settings";


/** A start-up refusal the operator must act on; the server prints the message and exits 1. */
export class BootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BootError";
  }
}

/**
 * Brings the process to a state where it can take requests: data dir, migrations, root key and
 * its check, the account and its root AccessKey, the clock offset, the scheduler.
 */
export async function boot(config: Config): Promise<Runtime> {
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  await applyMigrations(config.databaseFile);
  const { db, sqlite } = await openDatabase(config.databaseFile);

  const { rootKey, isDemoRootKey } = loadRootKey(config);
  const check = await db.setting.findUnique({ where: { key: CHECK_SETTING } });
  if (check && !matchesCheckValue(rootKey, check.value)) {
    await db.$disconnect();
    throw new BootError(
      `The root key does not match the data in ${config.dataDir}: it was encrypted with another key. ` +
        "Start with the DISKSEAL_ROOT_KEY that created this data dir, or point DISKSEAL_DATA_DIR elsewhere.",
    );
  }
  if (!check) await db.setting.create({ data: { key: CHECK_SETTING, value: rootKeyCheckValue(rootKey) } });

  const offset = await db.setting.findUnique({ where: { key: OFFSET_SETTING } });
  const scheduler = new Scheduler(() => new Date(Date.now() + runtime.clock.offsetMs));
  const runtime: Runtime = {
    config,
    accountId: "",
    rootKey,
    isDemoRootKey,
    db,
    sqlite,
    clock: { offsetMs: offset ? Number(offset.value) : 0 },
    scheduler,
  };
  setRuntime(runtime);
  runtime.accountId = await ensureAccount(runtime);
  await ensureRootAccessKey(runtime);
  return runtime;
}

/**
 * What domains must do before the process ends (SIGTERM, SIGINT): the hypervisor flushes and
 * closes every medium and zeroes the data keys. Handlers run in registration order, after the
 * scheduler stopped and before the database closes; one that fails does not stop the others.
 */
const shutdownHandlers = processSingleton("boot.shutdownHandlers", () => new Map<string, () => Promise<void>>());

export function onShutdown(name: string, handler: () => Promise<void>): void {
  shutdownHandlers.set(name, handler);
}

/** Stops the scheduler, runs the domains' shutdown handlers, closes the database; the runtime is gone afterwards. */
export async function shutdown(): Promise<void> {
  const runtime = getRuntime();
  runtime.scheduler.stop();
  for (const [name, handler] of shutdownHandlers) {
    await handler().catch((error: unknown) => console.error(`shutdown: ${name} failed`, error));
  }
  await runtime.db.$disconnect();
  runtime.rootKey.fill(0);
  forgetAccessKey();
  setRuntime(undefined);
}

function loadRootKey(config: Config): { rootKey: Buffer; isDemoRootKey: boolean } {
  if (config.rootKeyBase64) {
    try {
      return { rootKey: parseRootKey(config.rootKeyBase64), isDemoRootKey: false };
    } catch (error) {
      throw new BootError((error as Error).message);
    }
  }
  const file = path.join(config.dataDir, ROOT_KEY_FILE);
  if (fs.existsSync(file)) {
    try {
      return { rootKey: parseRootKey(fs.readFileSync(file, "utf8")), isDemoRootKey: true };
    } catch {
      throw new BootError(`${file} does not hold a base64 root key of 32 bytes.`);
    }
  }
  const rootKey = generateRootKey();
  fs.writeFileSync(file, rootKey.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  return { rootKey, isDemoRootKey: true };
}

async function ensureAccount(runtime: Runtime): Promise<string> {
  const { db, config } = runtime;
  const existing = await db.account.findFirst();
  if (existing) {
    if (config.accountId && config.accountId !== existing.id) {
      throw new BootError(
        `DISKSEAL_ACCOUNT_ID is ${config.accountId}, but the data dir belongs to account ${existing.id}. ` +
          "Unset it, or use another DISKSEAL_DATA_DIR.",
      );
    }
    return existing.id;
  }
  const account = await db.account.create({ data: { id: config.accountId ?? newAccountId(), createdAt: now() } });
  return account.id;
}

/**
 * The root AccessKey: from DISKSEAL_ACCESS_KEY_ID/SECRET when set (created or updated, no file
 * written); otherwise generated once into credentials.json (0600) and shown once in the console.
 */
async function ensureRootAccessKey(runtime: Runtime): Promise<void> {
  const { db, config, accountId } = runtime;
  if (config.rootAccessKey) {
    const other = await db.accessKey.findUnique({ where: { id: config.rootAccessKey.id } });
    if (other?.userName) throw new BootError(`DISKSEAL_ACCESS_KEY_ID ${other.id} belongs to RAM user ${other.userName}.`);
    await saveAccessKey(db, { ...config.rootAccessKey, accountId, userName: null });
    return;
  }
  if (await db.accessKey.findFirst({ where: { userName: null } })) return;
  const key = { id: accessKeyId(), secret: accessKeySecret() };
  await saveAccessKey(db, { ...key, accountId, userName: null });
  const file = path.join(config.dataDir, CREDENTIALS_FILE);
  const credentials = { AccountId: accountId, AccessKeyId: key.id, AccessKeySecret: key.secret };
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  await db.setting.upsert({
    where: { key: PENDING_CREDENTIALS_SETTING },
    create: { key: PENDING_CREDENTIALS_SETTING, value: key.id },
    update: { value: key.id },
  });
}
