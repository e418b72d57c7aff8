import { describe, expect, it } from "vitest";
import { DATA_DISK_CATEGORIES, PERFORMANCE_LEVELS } from "@/lib/ecs/catalog/disk-categories";
import { diskRate, estimateDiskPrice, PRICE_LIST } from "./estimate-disk-price";

describe("estimateDiskPrice", () => {
  it("prices every data disk category and every ESSD level", () => {
    for (const category of DATA_DISK_CATEGORIES) expect(diskRate(category), category).toBeDefined();
    for (const level of PERFORMANCE_LEVELS)
      expect(diskRate("cloud_essd", level), level).toBeDefined();
  });

  it("charges per GiB, per hour and per month, in CNY", () => {
    expect(
      estimateDiskPrice({
        category: "cloud_essd",
        performanceLevel: "PL1",
        sizeGiB: 40,
        encrypted: false,
      }),
    ).toEqual({
      currency: "CNY",
      diskPerHour: 0.056,
      diskPerMonth: 40,
      encryptionPerHour: 0,
      encryptionPerMonth: 0,
      keyPerMonth: 0,
      totalPerHour: 0.056,
      totalPerMonth: 40,
    });
    expect(
      estimateDiskPrice({ category: "cloud_essd", sizeGiB: 40, encrypted: false })?.totalPerMonth,
    ).toBe(40);
    expect(
      estimateDiskPrice({
        category: "cloud_essd",
        performanceLevel: "PL3",
        sizeGiB: 1261,
        encrypted: false,
      })?.diskPerMonth,
    ).toBe(5044);
  });

  it("encryption and the service key cost nothing: an encrypted disk costs what a plain one does", () => {
    for (const category of DATA_DISK_CATEGORIES) {
      const plain = estimateDiskPrice({ category, sizeGiB: 100, encrypted: false });
      const encrypted = estimateDiskPrice({ category, sizeGiB: 100, encrypted: true });
      expect(encrypted?.encryptionPerMonth).toBe(0);
      expect(encrypted?.keyPerMonth).toBe(0);
      expect(encrypted?.totalPerMonth).toBe(plain?.totalPerMonth);
    }
    expect(PRICE_LIST.encryption).toEqual({ perGiBHour: 0, perGiBMonth: 0 });
  });

  it("higher levels cost more; monthly is about 730 hours", () => {
    const monthly = ["PL0", "PL1", "PL2", "PL3"].map(
      (pl) => diskRate("cloud_essd", pl)!.perGiBMonth,
    );
    expect(monthly).toEqual([...monthly].sort((a, b) => a - b));
    for (const category of DATA_DISK_CATEGORIES) {
      const rate = diskRate(category)!;
      expect(rate.perGiBMonth / rate.perGiBHour).toBeGreaterThan(600);
      expect(rate.perGiBMonth / rate.perGiBHour).toBeLessThan(800);
    }
  });

  it("is undefined for what is not sold or makes no sense", () => {
    expect(
      estimateDiskPrice({ category: "ephemeral_ssd", sizeGiB: 10, encrypted: false }),
    ).toBeUndefined();
    expect(
      estimateDiskPrice({
        category: "cloud_essd",
        performanceLevel: "PL9",
        sizeGiB: 10,
        encrypted: false,
      }),
    ).toBeUndefined();
    expect(estimateDiskPrice({ category: "cloud", sizeGiB: -1, encrypted: false })).toBeUndefined();
    expect(diskRate("constructor")).toBeUndefined();
  });
});
