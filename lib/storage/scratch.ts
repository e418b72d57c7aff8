import { processSingleton } from "../runtime";

/** Requests at least this large may be shared with the cipher workers (smaller: not worth it). */
export const SHARED_MIN_BYTES = 128 * 1024;
const SCRATCH_CACHE_BYTES = 32 * 1024 * 1024;

type Cache = { buffers: Map<number, SharedArrayBuffer[]>; bytes: number };
const cache = (): Cache =>
  processSingleton("storage.scratch", () => ({ buffers: new Map(), bytes: 0 }));

/**
 * A buffer for `length` bytes. Large ones are SharedArrayBuffers (the workers can take them)
 * and reused: fresh memory costs a page fault per 4 KiB on first touch.
 */
export function takeScratch(length: number): Buffer {
  if (length < SHARED_MIN_BYTES) return Buffer.allocUnsafe(length);
  const state = cache();
  const cached = state.buffers.get(length)?.pop();
  if (cached) state.bytes -= length;
  return Buffer.from(cached ?? new SharedArrayBuffer(length));
}

export function giveScratch(buffer: Buffer): void {
  const state = cache();
  const sab = buffer.buffer;
  if (!(sab instanceof SharedArrayBuffer) || buffer.byteOffset !== 0) return;
  if (buffer.length !== sab.byteLength) return;
  if (state.bytes + sab.byteLength > SCRATCH_CACHE_BYTES) return;
  const bucket = state.buffers.get(sab.byteLength) ?? [];
  bucket.push(sab);
  state.buffers.set(sab.byteLength, bucket);
  state.bytes += sab.byteLength;
}
