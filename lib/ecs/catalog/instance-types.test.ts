import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  findInstanceFamily,
  INSTANCE_FAMILIES,
  INSTANCE_GENERATIONS,
} from "@/lib/ecs/catalog/instance-families";
import { instanceFamilyOf } from "@/lib/ecs/catalog/instance-type-names";
import {
  findInstanceType,
  getInstanceTypeOrThrow,
  INSTANCE_TYPES,
} from "@/lib/ecs/catalog/instance-types";
import { RESTRICTED_INSTANCE_FAMILIES } from "@/lib/ecs/catalog/restrictions";

describe("instance families", () => {
  it("hold the six workload families and the seven restricted ones, once each", () => {
    const ids = INSTANCE_FAMILIES.map((f) => f.familyId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "ecs.g7",
      "ecs.c7",
      "ecs.r7",
      "ecs.g8i",
      "ecs.u1",
      "ecs.e",
      ...RESTRICTED_INSTANCE_FAMILIES,
    ]) {
      expect(ids).toContain(id);
    }
  });

  it("use documented generations only (ecs-1 … ecs-6)", () => {
    for (const g of INSTANCE_GENERATIONS) expect(g).toMatch(/^ecs-[1-6]$/);
  });
});

describe("instance types", () => {
  it("ids are unique, and every type's family exists and matches its name", () => {
    const ids = INSTANCE_TYPES.map((t) => t.instanceTypeId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const type of INSTANCE_TYPES) {
      expect(findInstanceFamily(type.familyId), type.instanceTypeId).toBeDefined();
      expect(instanceFamilyOf(type.instanceTypeId)).toBe(type.familyId);
    }
  });

  it("every family has at least one type", () => {
    for (const family of INSTANCE_FAMILIES) {
      expect(
        INSTANCE_TYPES.some((t) => t.familyId === family.familyId),
        family.familyId,
      ).toBe(true);
    }
  });

  it.each([
    ["ecs.g7.large", 2, 8],
    ["ecs.g7.xlarge", 4, 16],
    ["ecs.c7.large", 2, 4],
    ["ecs.r7.large", 2, 16],
    ["ecs.g8i.large", 2, 8],
    ["ecs.u1-c1m2.large", 2, 4],
    ["ecs.e-c1m2.large", 2, 4],
    ["ecs.ebmg5.24xlarge", 96, 384],
  ])("%s has %i vCPU and %i GiB", (id, cpu, memory) => {
    const type = findInstanceType(id);
    expect([type?.cpuCores, type?.memoryGiB]).toEqual([cpu, memory]);
  });

  it("an unknown type is 400 InvalidInstanceType.ValueNotSupported", () => {
    let error: unknown;
    try {
      getInstanceTypeOrThrow("ecs.g99.huge");
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && [error.code, error.httpStatus]).toEqual([
      "InvalidInstanceType.ValueNotSupported",
      400,
    ]);
  });
});
