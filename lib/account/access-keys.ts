import { unwrapSecret, wrapSecret } from "@/lib/crypto/root-key";
import type { Principal } from "@/lib/context";
import { getRuntime, processSingleton } from "@/lib/runtime";
import type { Tx } from "@/lib/db/client";

/** Purpose bound into every wrapped AccessKey secret (see lib/crypto/root-key.ts). */
const SECRET_PURPOSE = (id: string) => `access-key-secret:${id}`;

export type ResolvedAccessKey = {
  id: string;
  secret: string;
  status: "Active" | "Inactive";
  principal: Principal;
};

/**
 * Resolved keys by id. Every signed request needs its key's secret; a database read and an
 * unwrap per request would cost more than the rest of the request. Every write to an AccessKey
 * goes through this module (or calls `forgetAccessKey`), so the cache is never stale. Only
 * existing keys are cached: unknown ids cannot grow it.
 */
const cache = processSingleton("account.accessKeyCache", () => new Map<string, ResolvedAccessKey>());
const MAX_CACHED_KEYS = 10_000;

/** Drops a key from the cache; call after any change to its row (status, secret, deletion). */
export function forgetAccessKey(id?: string): void {
  if (id === undefined) cache.clear();
  else cache.delete(id);
}

/**
 * Looks up an AccessKey for signature verification: its secret (unwrapped from the root key)
 * and the identity it signs as. Unknown or deleted keys are `undefined`.
 */
export async function findAccessKey(id: string): Promise<ResolvedAccessKey | undefined> {
  const cached = cache.get(id);
  if (cached) return cached;
  const { db, rootKey } = getRuntime();
  const row = await db.accessKey.findUnique({ where: { id } });
  if (!row) return undefined;
  const secret = unwrapSecret(rootKey, SECRET_PURPOSE(row.id), row.secretWrapped).toString("utf8");
  const principal: Principal = row.userName
    ? { kind: "user", accountId: row.accountId, userName: row.userName, accessKeyId: row.id }
    : { kind: "root", accountId: row.accountId, accessKeyId: row.id };
  const resolved: ResolvedAccessKey = { id: row.id, secret, status: row.status === "Inactive" ? "Inactive" : "Active", principal };
  if (cache.size >= MAX_CACHED_KEYS) cache.clear();
  cache.set(id, resolved);
  return resolved;
}

export async function saveAccessKey(
  tx: Tx,
  key: { id: string; secret: string; accountId: string; userName: string | null; status?: "Active" | "Inactive" },
): Promise<void> {
  const secretWrapped = wrapSecret(getRuntime().rootKey, SECRET_PURPOSE(key.id), Buffer.from(key.secret, "utf8"));
  await tx.accessKey.upsert({
    where: { id: key.id },
    create: { id: key.id, accountId: key.accountId, userName: key.userName, secretWrapped, status: key.status ?? "Active" },
    update: { secretWrapped, userName: key.userName, status: key.status ?? "Active" },
  });
  forgetAccessKey(key.id);
}

