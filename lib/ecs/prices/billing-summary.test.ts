import { describe, expect, it } from "vitest";
import { summarizeBilling } from "./billing-summary";

describe("summarizeBilling", () => {
  it("groups by category and level, prices capacity, and charges 0 for encryption", () => {
    const summary = summarizeBilling([
      { category: "cloud_essd", performanceLevel: "PL1", encrypted: true, count: 2, sizeGiB: 60 },
      { category: "cloud_essd", performanceLevel: null, encrypted: false, count: 1, sizeGiB: 40 },
      { category: "cloud_essd", performanceLevel: "PL3", encrypted: true, count: 1, sizeGiB: 100 },
      { category: "cloud_efficiency", performanceLevel: null, encrypted: false, count: 3, sizeGiB: 120 },
    ]);
    expect(summary.lines).toEqual([
      { category: "cloud_essd", performanceLevel: "PL3", count: 1, sizeGiB: 100, encryptedCount: 1, encryptedGiB: 100, diskPerMonth: 400, encryptionPerMonth: 0 },
      { category: "cloud_essd", performanceLevel: "PL1", count: 3, sizeGiB: 100, encryptedCount: 2, encryptedGiB: 60, diskPerMonth: 100, encryptionPerMonth: 0 },
      { category: "cloud_efficiency", performanceLevel: null, count: 3, sizeGiB: 120, encryptedCount: 0, encryptedGiB: 0, diskPerMonth: 42, encryptionPerMonth: 0 },
    ]);
    expect(summary.totalPerMonth).toBe(542);
    expect(summary.encryptionPerMonth).toBe(0);
  });

  it("is empty without disks", () => {
    expect(summarizeBilling([])).toEqual({ currency: "CNY", lines: [], totalPerMonth: 0, encryptionPerMonth: 0 });
  });
});
