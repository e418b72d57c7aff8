import type { KeyObject } from "node:crypto";
import { processSingleton } from "@/lib/runtime";

/**
 * Unwrapped key-version material, in memory only, so GenerateDataKey and Decrypt do not unwrap
 * under the root key on every call. One cache per process (processSingleton: Next's bundles
 * and the server share it). Entries leave — and their buffers are zeroed — when the version's
 * material stops existing: key deletion, DeleteKeyMaterial, expiry, ResetEmulator.
 * Versions are immutable while they exist, so an entry never goes stale otherwise.
 */
export type CachedMaterial = {
  /** Symmetric: the 16/32-byte key. Asymmetric: the PKCS#8 DER private key. */
  material: Buffer;
  /** Asymmetric keys: the parsed private key, so signing does not parse DER each time. */
  privateKey?: KeyObject;
};

/** Enough for every key of a busy emulator; the oldest entries go first beyond it. */
const MAX_ENTRIES = 4096;

const cache = processSingleton("kms.materialCache", () => new Map<string, CachedMaterial>());
/**
 * Bumped on every eviction of a key: a load that started before an eviction (a Decrypt that
 * was unwrapping while DeleteKeyMaterial ran) must not put the dropped material back.
 */
const generations = processSingleton("kms.materialGenerations", () => ({
  epoch: 0,
  byKey: new Map<string, number>(),
}));

const entryKey = (keyId: string, versionId: string) => `${keyId}/${versionId}`;

export function getCachedMaterial(keyId: string, versionId: string): CachedMaterial | undefined {
  return cache.get(entryKey(keyId, versionId));
}

/** Read before loading material; hand it to cacheMaterial. */
export function materialGeneration(keyId: string): string {
  return `${generations.epoch}/${generations.byKey.get(keyId) ?? 0}`;
}

/** Caches a loaded entry unless the key's material was evicted since `generation` was read. */
export function cacheMaterial(
  keyId: string,
  versionId: string,
  entry: CachedMaterial,
  generation: string,
): void {
  if (materialGeneration(keyId) !== generation) return;
  const name = entryKey(keyId, versionId);
  // Two first uses of a version load it concurrently. The one cached first stays: its caller may
  // not have used its buffer yet (it resumes after the await), and zeroing it made that caller
  // encrypt under an all-zero key. Versions are immutable, so both entries hold the same bytes.
  if (cache.has(name)) return;
  cache.set(name, entry);
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value as string;
    evict(oldest);
  }
}

/** Drops the material of one version (or of every version of the key). */
export function evictMaterial(keyId: string, versionId?: string): void {
  generations.byKey.set(keyId, (generations.byKey.get(keyId) ?? 0) + 1);
  if (versionId) return evict(entryKey(keyId, versionId));
  const prefix = `${keyId}/`;
  for (const name of [...cache.keys()]) if (name.startsWith(prefix)) evict(name);
}

export function clearMaterialCache(): void {
  generations.epoch += 1;
  for (const name of [...cache.keys()]) evict(name);
}

/** What is cached right now (tests read it to scan the disk for these bytes). */
export function cachedMaterialEntries(): { keyId: string; versionId: string; material: Buffer }[] {
  return [...cache.entries()].map(([name, entry]) => {
    const [keyId, versionId] = name.split("/");
    return { keyId, versionId, material: entry.material };
  });
}

function evict(name: string): void {
  const entry = cache.get(name);
  if (!entry) return;
  entry.material.fill(0);
  cache.delete(name);
}
