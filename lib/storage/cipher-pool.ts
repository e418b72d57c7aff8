import { decryptSectors, encryptSectors } from "../crypto/xts";
import { SECTOR_SIZE } from "./block-device";
import { CTRL_DONE, CTRL_FAILED, CTRL_NEXT, CTRL_UNITS } from "./cipher-worker-source";
import { WORKER_DIED, pool, startWorkers } from "./cipher-workers";
import type { Pool } from "./cipher-workers";
import { SHARED_MIN_BYTES } from "./scratch";

/*
 * Runs the sector cipher on every core without ever waiting for a worker that is not there: a
 * request is cut into 32 KiB units that the calling thread and the workers take from a shared
 * counter. The calling thread starts at once and keeps taking units; a worker that wakes in
 * time takes some, one that is late (a busy or descheduled core, a worker busy with another
 * request) finds none left and costs nothing. The caller then waits only for units a worker
 * already took. Buffers are SharedArrayBuffers (scratch, reused: allocating one costs more than
 * encrypting it) and the key is shared, not copied. Small requests stay on the calling thread.
 */
const UNIT_BYTES = 32 * 1024;

type Direction = "encrypt" | "decrypt";

/** Encrypts or decrypts whole sectors of `data` in place; `firstSector` is its first sector. */
export async function transformInPlace(
  direction: Direction,
  key: Uint8Array,
  firstSector: number,
  data: Buffer,
): Promise<void> {
  const shareable =
    data.buffer instanceof SharedArrayBuffer && key.buffer instanceof SharedArrayBuffer;
  if (shareable && planSharing(data.length))
    await transformShared(direction, key, firstSector, data);
  else transformHere(direction, key, firstSector, data, data);
}

/** Whether sharing with the workers has recently been faster: a sign of free cores. */
export function sharingPays(): boolean {
  const { size, aloneMsPerMiB: alone, sharedMsPerMiB: shared, adaptive } = pool();
  return size > 0 && (!adaptive || alone === undefined || (shared !== undefined && shared < alone));
}

/** Whether a job of `length` bytes should be shared with the workers now (adaptive). */
export function planSharing(length: number): boolean {
  const state = pool();
  return length >= SHARED_MIN_BYTES && state.size > 0 && shouldShare(state);
}

/** On the calling thread, `input` → `output` (may be the same buffer). */
export function transformHere(
  direction: Direction,
  key: Uint8Array,
  firstSector: number,
  input: Uint8Array,
  output: Uint8Array,
): void {
  const started = performance.now();
  if (direction === "encrypt") encryptSectors(key, firstSector, input, output);
  else decryptSectors(key, firstSector, input, output);
  const state = pool();
  if (input.length >= SHARED_MIN_BYTES)
    state.aloneMsPerMiB = average(state.aloneMsPerMiB, perMiB(started, input.length));
}

/** With the workers, in place: `data` and `key` must be views of SharedArrayBuffers. */
export async function transformShared(
  direction: Direction,
  key: Uint8Array,
  firstSector: number,
  data: Buffer,
): Promise<void> {
  const state = pool();
  const workers = startWorkers();
  if (workers.length === 0) return transformHere(direction, key, firstSector, data, data);
  const started = performance.now();
  const ctrl = new Int32Array(new SharedArrayBuffer(16)); // fresh: a late worker finds it spent
  const units = Math.ceil(data.length / UNIT_BYTES);
  ctrl[CTRL_UNITS] = units;
  const job = {
    ctrl: ctrl.buffer,
    key: key.buffer,
    buffer: data.buffer,
    byteOffset: data.byteOffset,
    length: data.length,
    firstSector,
    unitBytes: UNIT_BYTES,
    encrypt: direction === "encrypt",
  };
  state.inflight.add(ctrl);
  for (const worker of workers) worker.postMessage(job);
  let failure: unknown;
  let ownUnits = 0;
  for (
    let unit = Atomics.add(ctrl, CTRL_NEXT, 1);
    unit < units;
    unit = Atomics.add(ctrl, CTRL_NEXT, 1)
  ) {
    // After a failure, keep taking units (unprocessed) so that nobody waits for them.
    if (failure === undefined) {
      try {
        const start = unit * UNIT_BYTES;
        const piece = data.subarray(start, start + UNIT_BYTES);
        runHere(direction, key, firstSector + start / SECTOR_SIZE, piece);
        ownUnits++;
      } catch (error) {
        failure = error;
      }
    }
    Atomics.add(ctrl, CTRL_DONE, 1);
  }
  await unitsDone(ctrl, units).finally(() => state.inflight.delete(ctrl)); // never hand the buffer back while a worker writes into it
  state.workerUnits += units - ownUnits;
  state.sharedMsPerMiB = average(state.sharedMsPerMiB, perMiB(started, data.length));
  if (failure !== undefined) throw failure;
  if (Atomics.load(ctrl, CTRL_FAILED) === WORKER_DIED) throw new Error("A cipher worker died");
  if (Atomics.load(ctrl, CTRL_FAILED)) throw new Error("A cipher worker failed");
}

/**
 * Workers only pay when a core is free for them: on a busy or shared host a worker can take a
 * unit and then wait for a core while the caller waits for it. So large jobs go the way that
 * has recently been faster — alone or shared, both measured under the same load — and every
 * 16th goes the other way to keep both figures current.
 */
function shouldShare(state: Pool): boolean {
  if (!state.adaptive) return true;
  const { aloneMsPerMiB: alone, sharedMsPerMiB: shared } = state;
  if (alone === undefined || shared === undefined) return shared === undefined;
  const explore = ++state.largeJobs % 16 === 0;
  return shared < alone !== explore;
}

const perMiB = (started: number, bytes: number) =>
  ((performance.now() - started) * 1024 * 1024) / bytes;
const average = (previous: number | undefined, sample: number) =>
  previous === undefined ? sample : 0.8 * previous + 0.2 * sample;

async function unitsDone(ctrl: Int32Array, units: number): Promise<void> {
  const state = pool();
  if (state.waiting++ === 0) state.keepAlive.ref(); // a pending waitAsync holds nothing open
  try {
    // A dead worker's units never finish, but it writes no more: stop waiting for them.
    const waiting = () => Atomics.load(ctrl, CTRL_FAILED) !== WORKER_DIED;
    for (
      let done = Atomics.load(ctrl, CTRL_DONE);
      done < units && waiting();
      done = Atomics.load(ctrl, CTRL_DONE)
    ) {
      // The timeout only guards against a lost wake-up: the loop re-reads the count.
      const wait = waitAsync(ctrl, CTRL_DONE, done, 20);
      if (wait.async) await wait.value;
    }
  } finally {
    if (--state.waiting === 0) state.keepAlive.unref();
  }
}

type WaitAsync = (
  array: Int32Array,
  index: number,
  value: number,
  timeoutMs: number,
) => { async: false; value: string } | { async: true; value: Promise<string> };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

function runHere(direction: Direction, key: Uint8Array, first: number, data: Buffer) {
  if (direction === "encrypt") encryptSectors(key, first, data, data);
  else decryptSectors(key, first, data, data);
}
