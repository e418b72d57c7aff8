import { describe, expect, it } from "vitest";
import { NonceCache, nonceCache, nonceKey } from "@/lib/openapi/nonce-cache";
import {
  SIGNATURE_WINDOW_MS,
  acceptableTimestamp,
  parseSignatureTimestamp,
} from "@/lib/openapi/timestamp";

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const MINUTE = 60_000;

describe("parseSignatureTimestamp", () => {
  it.each([
    ["2026-11-28T12:00:00Z", T0],
    ["2026-11-28T12:00:00.5Z", T0 + 500],
    ["2026-11-28T12:00:00.123456Z", T0 + 123],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
  ])("%s", (text, ms) => {
    expect(parseSignatureTimestamp(text)).toBe(ms);
  });

  it.each([
    "",
    "now",
    "2026-11-28",
    "2026-11-28T12:00:00",
    "2026-11-28T12:00:00+08:00",
    "2026-11-28 12:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-02-30T00:00:00Z",
    "2025-02-29T00:00:00Z",
    "2026-11-28T24:00:00Z",
    "2026-11-28T12:60:00Z",
    "2026-11-28T12:00:60Z",
    "1764331200",
    "２０２６-11-28T12:00:00Z",
    "2026-11-28T12:00:00ZZ",
  ])("refuses %j", (text) => {
    expect(parseSignatureTimestamp(text)).toBeUndefined();
  });
});

describe("acceptableTimestamp: 15 minutes either way of real time", () => {
  it.each([
    [0, true],
    [-15 * MINUTE, true],
    [15 * MINUTE, true],
    [-15 * MINUTE - 1000, false],
    [15 * MINUTE + 1000, false],
    [-24 * 60 * MINUTE, false],
  ])("offset %i ms → %s", (offset, ok) => {
    const text = new Date(T0 + offset).toISOString();
    expect(acceptableTimestamp(text, T0) !== undefined).toBe(ok);
  });
});

describe("NonceCache", () => {
  it("refuses a nonce seen within the window, and accepts it once it expired", () => {
    const cache = new NonceCache(10, SIGNATURE_WINDOW_MS, 1);
    expect(cache.claim("k:n1", T0, T0)).toBe("ok");
    expect(cache.claim("k:n1", T0, T0 + 14 * MINUTE)).toBe("used");
    expect(cache.claim("k:n2", T0, T0 + MINUTE)).toBe("ok");
    expect(cache.claim("k:n1", T0, T0 + 15 * MINUTE)).toBe("ok");
  });

  it("keeps a future-dated request's nonce until its timestamp leaves the window", () => {
    const cache = new NonceCache(10, SIGNATURE_WINDOW_MS, 1);
    const future = T0 + 14 * MINUTE;
    expect(cache.claim("k:n", future, T0)).toBe("ok");
    // 20 minutes later the timestamp is still within the window: the replay must still be refused.
    expect(cache.claim("k:n", future, T0 + 20 * MINUTE)).toBe("used");
    expect(cache.claim("k:n", future, T0 + 29 * MINUTE + 1)).toBe("ok");
  });

  it("is bounded: full of live nonces it refuses new ones rather than forget one", () => {
    const cache = new NonceCache(3, SIGNATURE_WINDOW_MS, 1);
    for (const n of ["a", "b", "c"]) expect(cache.claim(n, T0, T0)).toBe("ok");
    expect(cache.claim("d", T0, T0 + MINUTE)).toBe("full");
    expect(cache.claim("a", T0, T0 + MINUTE)).toBe("used");
    // Once they expire, they are swept and room is made.
    expect(cache.claim("d", T0, T0 + 16 * MINUTE)).toBe("ok");
    expect(cache.size).toBe(1);
  });

  it("sweeps expired entries as time passes", () => {
    const cache = new NonceCache(1000, SIGNATURE_WINDOW_MS, 1000);
    for (let i = 0; i < 100; i++) cache.claim(`n${i}`, T0, T0);
    expect(cache.size).toBe(100);
    cache.claim("late", T0 + 16 * MINUTE, T0 + 16 * MINUTE);
    expect(cache.size).toBe(1);
  });

  it("is one process-wide instance, keyed per AccessKey", () => {
    expect(nonceCache()).toBe(nonceCache());
    expect(nonceKey("ak1", "n")).not.toBe(nonceKey("ak2", "n"));
  });
});
