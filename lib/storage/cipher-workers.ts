import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { processSingleton } from "../runtime";
import { CIPHER_WORKER_SOURCE, CTRL_DONE, CTRL_FAILED } from "./cipher-worker-source";

/*
 * The cipher workers and what cipher-pool.ts knows about them, process-wide (Next bundles
 * lib/ several times; one set of workers is enough).
 */
export const WORKER_DIED = 2;

export type Pool = {
  size: number;
  /** Shared jobs being waited for; while any, `keepAlive` holds the event loop open. */
  waiting: number;
  keepAlive: NodeJS.Timeout;
  workers: Worker[];
  /** Control blocks of shared jobs in progress: told when a worker dies. */
  inflight: Set<Int32Array>;
  /** Recent ms per MiB of large jobs on the calling thread alone, and shared with workers. */
  aloneMsPerMiB: number | undefined;
  sharedMsPerMiB: number | undefined;
  /** Large jobs so far: every 16th tries the way that is not currently the faster. */
  largeJobs: number;
  /** Whether to choose at all (tests pin the workers on). */
  adaptive: boolean;
  /** Units the workers processed, since the start. */
  workerUnits: number;
};

export const pool = (): Pool =>
  processSingleton("storage.cipherPool", () => ({
    size: defaultSize(),
    waiting: 0,
    keepAlive: setInterval(() => undefined, 2 ** 30).unref(),
    workers: [],
    inflight: new Set(),
    aloneMsPerMiB: undefined,
    sharedMsPerMiB: undefined,
    largeJobs: 0,
    adaptive: true,
    workerUnits: 0,
  }));

function defaultSize(): number {
  const configured = Number(process.env.DISKSEAL_CIPHER_WORKERS);
  if (process.env.DISKSEAL_CIPHER_WORKERS && Number.isInteger(configured) && configured >= 0) {
    return configured;
  }
  return Math.max(0, Math.min(availableParallelism() - 1, 3));
}

/**
 * Sets the number of cipher workers (0 = all on the calling thread) and stops the current ones
 * (call it when no I/O is in flight). `adaptive: false` keeps the workers in use even when they
 * do not pay.
 */
export async function configureCipherPool(options: {
  workers: number;
  adaptive?: boolean;
}): Promise<void> {
  const state = pool();
  state.size = options.workers;
  state.adaptive = options.adaptive ?? true;
  state.aloneMsPerMiB = state.sharedMsPerMiB = undefined;
  const old = state.workers.splice(0);
  await Promise.all(old.map((worker) => worker.terminate()));
}

export function cipherWorkerCount(): number {
  return pool().size;
}

/** Sectors' units (32 KiB) the workers have processed so far: whether they take part. */
export function cipherWorkerUnits(): number {
  return pool().workerUnits;
}

/** The workers, started as needed (a dead one is replaced here). */
export function startWorkers(): Worker[] {
  const state = pool();
  while (state.workers.length < state.size) {
    const worker = new Worker(CIPHER_WORKER_SOURCE, { eval: true });
    // A dead worker takes no more units; it is replaced at the next request.
    const drop = () => {
      state.workers = state.workers.filter((candidate) => candidate !== worker);
      for (const ctrl of state.inflight) {
        Atomics.store(ctrl, CTRL_FAILED, WORKER_DIED);
        Atomics.notify(ctrl, CTRL_DONE);
      }
    };
    worker.on("error", drop);
    worker.on("exit", drop);
    worker.unref(); // after the listeners: adding one refs the port again
    state.workers.push(worker);
  }
  return state.workers.slice(0, state.size);
}
