import { describe, expect, it } from "vitest";
import { cacheMaterial, clearMaterialCache, getCachedMaterial, materialGeneration } from "./material-cache";

describe("the material cache", () => {
  it("keeps the first of two concurrent loads and leaves both callers' buffers intact", () => {
    clearMaterialCache();
    const generation = materialGeneration("key-race");
    const first = { material: Buffer.alloc(32, 7) };
    const second = { material: Buffer.alloc(32, 7) };
    cacheMaterial("key-race", "v1", first, generation);
    cacheMaterial("key-race", "v1", second, generation);
    expect(getCachedMaterial("key-race", "v1")).toBe(first);
    // The first loader may still be about to use its buffer: it must not have been zeroed.
    expect(first.material.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(second.material.equals(Buffer.alloc(32, 7))).toBe(true);
    clearMaterialCache();
    expect(first.material.equals(Buffer.alloc(32, 0))).toBe(true);
  });
});
