import { describe, expect, it } from "vitest";
import { SERVICE_KEY_OPTION, type RegionEncryption } from "@/components/disks/create-disk-schema";
import {
  instanceRules,
  newDiskRow,
  sizeErrors,
  toCreateInstanceInput,
  type CreateInstanceState,
} from "@/components/instances/create-instance-rules";
import { createInstanceFormSchema } from "@/components/instances/create-instance-schema";

const REGION: RegionEncryption = {
  isEncryptionSupported: true,
  isCmkSupported: true,
  encryptionByDefault: { isEnabled: false },
  isRoleGranted: false,
};

function state(overrides: Partial<CreateInstanceState> = {}): CreateInstanceState {
  return {
    zoneId: "cn-hangzhou-h",
    instanceType: "ecs.g7.large",
    imageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
    name: "",
    tags: [],
    system: newDiskRow(REGION, 40),
    data: [],
    ...overrides,
  };
}

describe("instanceRules", () => {
  it("lets an unencrypted instance through", () => {
    expect(instanceRules(state(), REGION).isBlocked).toBe(false);
  });

  it.each([
    [
      "a restricted family with an encrypted system disk",
      { instanceType: "ecs.ebmg5.24xlarge" },
      "isRestrictedFamily",
    ],
    [
      "an encrypted system disk that is not ESSD-family",
      { category: "cloud_efficiency" },
      "isSystemCategoryNotForEncryption",
    ],
  ] as const)("blocks %s", (_, change, flag) => {
    const base = state();
    const next =
      "instanceType" in change
        ? {
            ...base,
            instanceType: change.instanceType,
            system: { ...base.system, encrypted: true },
          }
        : { ...base, system: { ...base.system, encrypted: true, category: change.category } };
    const rules = instanceRules(next, REGION);
    expect(rules[flag]).toBe(true);
    expect(rules.isBlocked).toBe(true);
  });

  it("does not flag a restricted family while the system disk is unencrypted", () => {
    expect(instanceRules(state({ instanceType: "ecs.ebmg5.24xlarge" }), REGION).isBlocked).toBe(
      false,
    );
  });

  it("asks for the role when a data disk uses a customer master key", () => {
    const data = [{ ...newDiskRow(REGION, 20), encrypted: true, kmsKeyId: "key-1" }];
    expect(instanceRules(state({ data }), REGION).needsAuthorization).toBe(true);
    expect(
      instanceRules(state({ data }), { ...REGION, isRoleGranted: true }).needsAuthorization,
    ).toBe(false);
  });

  it("encrypts every disk when encryption by default is on", () => {
    const region = { ...REGION, encryptionByDefault: { isEnabled: true, defaultKeyId: "key-d" } };
    const s = state({ system: newDiskRow(region, 40), data: [newDiskRow(region, 20)] });
    const input = toCreateInstanceInput(s, instanceRules(s, region));
    expect(input.systemDisk).toMatchObject({ encrypted: true, kmsKeyId: "key-d" });
    expect(input.dataDisks[0]).toMatchObject({ encrypted: true, kmsKeyId: "key-d" });
  });
});

describe("sizeErrors and the action's input", () => {
  it("flags a system disk smaller than the image and an empty data disk size", () => {
    const s = state({
      system: { ...newDiskRow(REGION, 40), size: "10" },
      data: [{ ...newDiskRow(REGION, 20), size: "" }],
    });
    expect(sizeErrors(s, 20)).toEqual(["system", "data-1"]);
  });

  it("builds an input the server action's schema accepts", () => {
    const s = state({
      name: " web-1 ",
      system: { ...newDiskRow(REGION, 40), encrypted: true },
      data: [{ ...newDiskRow(REGION, 20), encrypted: true, kmsKeyId: SERVICE_KEY_OPTION }],
      tags: [
        { key: "team", value: "storage" },
        { key: " ", value: "" },
      ],
    });
    const input = toCreateInstanceInput(s, instanceRules(s, REGION));
    expect(createInstanceFormSchema.safeParse(input).success).toBe(true);
    expect(input.instanceName).toBe("web-1");
    expect(input.tags).toEqual([{ key: "team", value: "storage" }]);
    expect(input.systemDisk).toMatchObject({
      encrypted: true,
      kmsKeyId: SERVICE_KEY_OPTION,
      sizeGiB: 40,
    });
  });
});
