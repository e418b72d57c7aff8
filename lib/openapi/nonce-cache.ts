import { processSingleton } from "@/lib/runtime";
import { SIGNATURE_WINDOW_MS } from "@/lib/openapi/timestamp";

/**
 * The signature nonces seen recently, in memory (a restart forgets them; the timestamp window
 * still bounds a replay to 15 minutes). A nonce is remembered until its request's timestamp
 * leaves the window: max(received, timestamp) + window. Keyed by AccessKeyId + nonce, so two
 * callers picking the same nonce do not refuse each other.
 *
 * Bounded: when every slot holds a live nonce, `claim` answers "full" and the endpoint refuses
 * the request (Throttling) instead of evicting a live nonce, which would reopen a replay.
 */
export type NonceClaim = "ok" | "used" | "full";

export class NonceCache {
  private readonly expiries = new Map<string, number>();
  private nextSweepAt = 0;

  constructor(
    private readonly maxEntries = 200_000,
    private readonly windowMs = SIGNATURE_WINDOW_MS,
    private readonly sweepEveryMs = 10_000,
  ) {}

  /** Records the nonce unless it is already live. */
  claim(key: string, timestampMs: number, nowMs: number): NonceClaim {
    if (nowMs >= this.nextSweepAt) this.sweep(nowMs);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > nowMs) return "used";
    if (expiry === undefined && this.expiries.size >= this.maxEntries) {
      this.sweep(nowMs);
      if (this.expiries.size >= this.maxEntries) return "full";
    }
    this.expiries.set(key, Math.max(nowMs, timestampMs) + this.windowMs);
    return "ok";
  }

  get size(): number {
    return this.expiries.size;
  }

  /** Drops expired nonces. */
  sweep(nowMs: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry <= nowMs) this.expiries.delete(key);
    }
    this.nextSweepAt = nowMs + this.sweepEveryMs;
  }

  clear(): void {
    this.expiries.clear();
  }
}

/** The process-wide cache (every bundle of lib/ shares it, see lib/runtime.ts). */
export function nonceCache(): NonceCache {
  return processSingleton("openapi.nonceCache", () => new NonceCache());
}

export function nonceKey(accessKeyId: string, nonce: string): string {
  return `${accessKeyId}\u0000${nonce}`;
}
