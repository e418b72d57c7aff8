import { describe, expect, it } from "vitest";
import { randomBytesFromPool } from "./random-pool";

describe("randomBytesFromPool", () => {
  it("hands out distinct bytes of the asked length, across refills", () => {
    const draws = Array.from({ length: 2000 }, () => randomBytesFromPool(32));
    expect(draws.every((d) => d.length === 32)).toBe(true);
    expect(new Set(draws.map((d) => d.toString("hex"))).size).toBe(2000);
    expect(randomBytesFromPool(12)).toHaveLength(12);
    expect(randomBytesFromPool(8192)).toHaveLength(8192);
  });

  it("returns copies: zeroing one does not touch another", () => {
    const a = randomBytesFromPool(16);
    const b = randomBytesFromPool(16);
    const before = Buffer.from(b);
    a.fill(0);
    expect(b.equals(before)).toBe(true);
    expect(b.equals(Buffer.alloc(16))).toBe(false);
  });
});
