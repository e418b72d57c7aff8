import path from "node:path";
import { processSingleton } from "../runtime";
import { ChunkStore } from "./chunk-store";

/*
 * One ChunkStore per medium directory per process, shared by every view (the hypervisor's
 * keyed view, ReadDiskMedia's raw view, a snapshot in progress). It must be process-wide —
 * Next bundles lib/ several times — because a snapshot has to find the open store of its
 * source to flush it, lock it and mark its chunks shared; a second store on the same files
 * would write in place into chunks a snapshot now shares.
 */
type Entry = { store: Promise<ChunkStore>; refs: number };
type Registry = { open: Map<string, Entry>; closing: Map<string, Promise<void>> };

const registry = (): Registry =>
  processSingleton("storage.stores", () => ({ open: new Map(), closing: new Map() }));

export function storeKey(dir: string): string {
  return path.resolve(dir);
}

export async function acquireStore(dir: string): Promise<ChunkStore> {
  const key = storeKey(dir);
  const { open, closing } = registry();
  // A store still closing must finish its flush before the files are read afresh.
  for (let pending = closing.get(key); pending; pending = closing.get(key)) {
    await pending.catch(() => undefined);
  }
  let entry = open.get(key);
  if (!entry) {
    const created: Entry = { store: ChunkStore.open(key), refs: 0 };
    created.store.catch(() => {
      if (open.get(key) === created) open.delete(key);
    });
    open.set(key, created);
    entry = created;
  }
  entry.refs++;
  try {
    return await entry.store;
  } catch (error) {
    entry.refs--;
    throw error;
  }
}

/** Drops one reference; the last one flushes and closes the store. */
export async function releaseStore(store: ChunkStore): Promise<void> {
  const key = storeKey(store.dir);
  const { open, closing } = registry();
  const entry = open.get(key);
  if (!entry || --entry.refs > 0) return;
  open.delete(key);
  const done = (async () => {
    const release = await store.lock.exclusive();
    try {
      await store.closeLocked();
    } finally {
      release();
    }
  })();
  closing.set(key, done);
  try {
    await done;
  } finally {
    if (closing.get(key) === done) closing.delete(key);
  }
}

export function isMediumOpen(dir: string): boolean {
  const key = storeKey(dir);
  return registry().open.has(key) || registry().closing.has(key);
}

/** Runs `fn` on the medium's store, opening it for the duration if nobody has it open. */
export async function withStore<T>(dir: string, fn: (store: ChunkStore) => Promise<T>): Promise<T> {
  const store = await acquireStore(dir);
  try {
    return await fn(store);
  } finally {
    await releaseStore(store);
  }
}

/**
 * Flushes every medium open in this process (SIGTERM, before exit). Keys are the views'
 * business: whoever opened a medium with a key closes it to zero the key.
 */
export async function flushAllMedia(): Promise<void> {
  const stores = await Promise.allSettled(
    [...registry().open.values()].map((entry) => entry.store),
  );
  const flushes = stores.map(async (result) => {
    if (result.status !== "fulfilled") return;
    const release = await result.value.lock.exclusive();
    try {
      await result.value.flushLocked();
    } finally {
      release();
    }
  });
  const failed = (await Promise.allSettled(flushes)).find((result) => result.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
