import type { Config } from "@/lib/config";
import type { Db, Sqlite } from "@/lib/db/client";
import type { Scheduler } from "@/lib/scheduler";

/**
 * The process-wide state: configuration, the account, the root key, the database, the clock
 * and the scheduler. It lives on globalThis under a Symbol because Next bundles `lib/` once for
 * route handlers, once for server components and actions, and the custom server loads it once
 * more: a module-level singleton would exist several times. The server boots it (lib/boot.ts)
 * before it takes a request.
 */
export type Runtime = {
  config: Config;
  accountId: string;
  rootKey: Buffer;
  /** True when the root key was generated into the data dir (the console says "local demo key"). */
  isDemoRootKey: boolean;
  db: Db;
  /** Prisma's own SQLite connection, for prepared statements on hot paths (lib/db/client.ts). */
  sqlite: Sqlite;
  clock: { offsetMs: number };
  scheduler: Scheduler;
};

const RUNTIME = Symbol.for("diskseal.runtime");
type GlobalWithRuntime = typeof globalThis & { [RUNTIME]?: Runtime };

export function getRuntime(): Runtime {
  const runtime = (globalThis as GlobalWithRuntime)[RUNTIME];
  if (!runtime) throw new Error("DiskSeal runtime not booted: start the server with `npm start`.");
  return runtime;
}

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as GlobalWithRuntime)[RUNTIME] = runtime;
}

export const db = (): Db => getRuntime().db;

/** A process-wide value shared by every bundle of `lib/` (see above). */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`diskseal.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= create());
}
