import type { Prisma, KmsKey } from "@/lib/generated/prisma/client";
import { getRuntime, processSingleton } from "@/lib/runtime";

/**
 * Key rows in memory, so the hot path (GenerateDataKey, Decrypt) does not query the database
 * for the key on every call. Every write to a KmsKey row goes through `updateKey` or is followed
 * by `invalidateKey` (all of them are in lib/kms), ResetEmulator clears it, and time-derived
 * state (expiry, the end of a deletion window) is computed from the row at use, never cached.
 * A read that started before a write does not put the old row back (generation check).
 */
const MAX_ENTRIES = 10_000;
const cache = processSingleton("kms.keyCache", () => ({
  rows: new Map<string, KmsKey>(),
  generation: 0,
}));

/** The key row, from memory or the database. Callers must not mutate it. */
export async function readKey(keyId: string): Promise<KmsKey | null> {
  const cached = cache.rows.get(keyId);
  if (cached) return cached;
  const generation = cache.generation;
  const row = await getRuntime().db.kmsKey.findUnique({ where: { id: keyId } });
  if (row && generation === cache.generation) {
    cache.rows.set(keyId, row);
    if (cache.rows.size > MAX_ENTRIES) cache.rows.delete(cache.rows.keys().next().value as string);
  }
  return row;
}

/** Call after any write to the key's row (or its deletion). */
export function invalidateKey(keyId: string): void {
  cache.generation += 1;
  cache.rows.delete(keyId);
}

export function clearKeyCache(): void {
  cache.generation += 1;
  cache.rows.clear();
}

/** Updates a key row and drops its cached copy. */
export async function updateKey(keyId: string, data: Prisma.KmsKeyUpdateInput): Promise<void> {
  try {
    await getRuntime().db.kmsKey.update({ where: { id: keyId }, data });
  } finally {
    invalidateKey(keyId);
  }
}
