import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  buildDescribeInstanceTypeFamiliesBody,
  buildDescribeInstanceTypesBody,
  queryInstanceTypes,
  toInstanceTypeWire,
} from "@/lib/ecs/catalog/instance-type-wire";
import { findInstanceType, INSTANCE_TYPES } from "@/lib/ecs/catalog/instance-types";
import { RESTRICTED_INSTANCE_FAMILIES } from "@/lib/ecs/catalog/restrictions";

const ids = (query: Parameters<typeof queryInstanceTypes>[0]) =>
  queryInstanceTypes(query).instanceTypes.map((t) => t.instanceTypeId);

describe("DescribeInstanceTypes", () => {
  it("lists every type of the catalog in one page by default, with an empty NextToken", () => {
    const body = buildDescribeInstanceTypesBody({});
    expect(body.InstanceTypes.InstanceType).toHaveLength(INSTANCE_TYPES.length);
    expect(body.NextToken).toBe("");
  });

  it("filters by InstanceTypes.N, family, families, level and sizes", () => {
    expect(ids({ instanceTypes: ["ecs.g7.large", "ecs.c7.large", "ecs.nope"] })).toEqual([
      "ecs.g7.large",
      "ecs.c7.large",
    ]);
    expect(ids({ instanceTypeFamily: "ecs.r7" })).toEqual([
      "ecs.r7.large",
      "ecs.r7.xlarge",
      "ecs.r7.2xlarge",
      "ecs.r7.4xlarge",
    ]);
    expect(ids({ instanceTypeFamilies: [...RESTRICTED_INSTANCE_FAMILIES] })).toHaveLength(7);
    expect(ids({ instanceFamilyLevel: "EntryLevel" }).every((id) => id.startsWith("ecs.e-"))).toBe(
      true,
    );
    expect(ids({ minimumCpuCoreCount: 64 })).toEqual([
      "ecs.ebmg5.24xlarge",
      "ecs.ebmgn5t.24xlarge",
      "ecs.ebmi3.24xlarge",
      "ecs.sccg5.24xlarge",
      "ecs.scch5.16xlarge",
    ]);
    expect(ids({ minimumMemorySize: 8, maximumMemorySize: 8, maximumCpuCoreCount: 2 })).toEqual([
      "ecs.g7.large",
      "ecs.g8i.large",
      "ecs.u1-c1m4.large",
      "ecs.e-c1m4.large",
    ]);
  });

  it("pages with MaxResults and NextToken until the token is empty", () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = queryInstanceTypes({ maxResults: 7, nextToken });
      expect(page.instanceTypes.length).toBeLessThanOrEqual(7);
      seen.push(...page.instanceTypes.map((t) => t.instanceTypeId));
      nextToken = page.nextToken || undefined;
      pages++;
    } while (nextToken);
    expect(seen).toEqual(INSTANCE_TYPES.map((t) => t.instanceTypeId));
    expect(pages).toBe(Math.ceil(INSTANCE_TYPES.length / 7));
  });

  it("caps a page at 100 whatever MaxResults says", () => {
    expect(queryInstanceTypes({ maxResults: 1600 }).instanceTypes).toHaveLength(
      Math.min(INSTANCE_TYPES.length, 100),
    );
  });

  it("a NextToken it did not issue is InvalidParameter", () => {
    let error: unknown;
    try {
      queryInstanceTypes({ nextToken: "not-a-token" });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && [error.code, error.httpStatus]).toEqual(["InvalidParameter", 400]);
  });

  it("maps a type to the wire with numbers as numbers", () => {
    const wire = toInstanceTypeWire(findInstanceType("ecs.g7.large")!);
    expect(wire).toMatchObject({
      InstanceTypeId: "ecs.g7.large",
      InstanceTypeFamily: "ecs.g7",
      InstanceCategory: "General-purpose",
      InstanceFamilyLevel: "EnterpriseLevel",
      CpuCoreCount: 2,
      MemorySize: 8,
      CpuArchitecture: "X86",
      GPUAmount: 0,
      GPUSpec: "",
      SupportedBootModes: { SupportedBootMode: ["BIOS", "UEFI"] },
    });
    expect(toInstanceTypeWire(findInstanceType("ecs.ebmgn5t.24xlarge")!)).toMatchObject({
      GPUAmount: 8,
      GPUSpec: "NVIDIA P100",
    });
  });
});

describe("DescribeInstanceTypeFamilies", () => {
  it("lists every family with its generation, or those of one generation", () => {
    const all = buildDescribeInstanceTypeFamiliesBody().InstanceTypeFamilies.InstanceTypeFamily;
    expect(all).toContainEqual({ InstanceTypeFamilyId: "ecs.g7", Generation: "ecs-6" });
    expect(all.map((f) => f.InstanceTypeFamilyId)).toEqual(
      expect.arrayContaining([...RESTRICTED_INSTANCE_FAMILIES]),
    );
    const fourth =
      buildDescribeInstanceTypeFamiliesBody("ecs-4").InstanceTypeFamilies.InstanceTypeFamily;
    expect(fourth.length).toBeGreaterThan(0);
    expect(fourth.every((f) => f.Generation === "ecs-4")).toBe(true);
    expect(
      buildDescribeInstanceTypeFamiliesBody("ecs-1").InstanceTypeFamilies.InstanceTypeFamily,
    ).toEqual([]);
  });
});
