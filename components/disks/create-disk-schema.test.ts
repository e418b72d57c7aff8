import { describe, expect, it } from "vitest";
import {
  encryptionRules,
  initialCreateDiskForm,
  SERVICE_KEY_OPTION,
  sizeLimitOf,
  toCreateDiskInput,
  validateCreateDiskForm,
  type RegionEncryption,
} from "@/components/disks/create-disk-schema";

const REGION: RegionEncryption = {
  isEncryptionSupported: true,
  isCmkSupported: true,
  encryptionByDefault: { isEnabled: false },
  isRoleGranted: false,
};

describe("Create disk form", () => {
  it("starts as the console does: ESSD PL1, 40 GiB, unencrypted, service key preselected", () => {
    const form = initialCreateDiskForm("cn-hangzhou-h", REGION);
    expect(form).toMatchObject({
      zoneId: "cn-hangzhou-h",
      category: "cloud_essd",
      performanceLevel: "PL1",
      size: "40",
      encrypted: false,
      kmsKeyId: SERVICE_KEY_OPTION,
    });
    expect(validateCreateDiskForm(form)).toEqual({});
  });

  it("with encryption by default: ticked, locked, with the default key", () => {
    const region = { ...REGION, encryptionByDefault: { isEnabled: true, defaultKeyId: "key-x" } };
    const form = initialCreateDiskForm("cn-hangzhou-h", region);
    expect(form).toMatchObject({ encrypted: true, kmsKeyId: "key-x" });
    const rules = encryptionRules({ ...form, encrypted: false }, region);
    expect(rules).toMatchObject({ isLockedByDefault: true, canToggle: false, isEncrypted: true });
  });

  it("a region without encryption disables the checkbox", () => {
    const region = { ...REGION, isEncryptionSupported: false };
    const rules = encryptionRules(
      { ...initialCreateDiskForm("z", region), encrypted: true },
      region,
    );
    expect(rules).toMatchObject({
      isRegionWithoutEncryption: true,
      canToggle: false,
      isEncrypted: false,
    });
  });

  it("local categories cannot be encrypted; with encryption by default they cannot be created", () => {
    const form = {
      ...initialCreateDiskForm("z", REGION),
      category: "elastic_ephemeral_disk_standard" as const,
      encrypted: true,
    };
    expect(encryptionRules(form, REGION)).toMatchObject({
      isCategoryNotEncryptable: true,
      isEncrypted: false,
    });
    const byDefault = { ...REGION, encryptionByDefault: { isEnabled: true } };
    expect(encryptionRules(form, byDefault).isCategoryBlockedByDefault).toBe(true);
  });

  it("asks for authorization only for a customer master key without the role", () => {
    const form = { ...initialCreateDiskForm("z", REGION), encrypted: true };
    expect(encryptionRules(form, REGION).needsAuthorization).toBe(false);
    expect(encryptionRules({ ...form, kmsKeyId: "key-1" }, REGION).needsAuthorization).toBe(true);
    expect(
      encryptionRules({ ...form, kmsKeyId: "key-1" }, { ...REGION, isRoleGranted: true })
        .needsAuthorization,
    ).toBe(false);
  });

  it("checks the size against the category and level", () => {
    const form = initialCreateDiskForm("z", REGION);
    expect(sizeLimitOf({ category: "cloud_essd", performanceLevel: "PL2" })).toEqual({
      min: 461,
      max: 65536,
    });
    expect(validateCreateDiskForm({ ...form, performanceLevel: "PL2" }).size).toBe("size");
    expect(validateCreateDiskForm({ ...form, size: "20.5" }).size).toBe("size");
    expect(
      validateCreateDiskForm({
        ...form,
        category: "cloud_essd",
        performanceLevel: "PL0",
        size: "1",
      }),
    ).toEqual({});
  });

  it("checks name, description and tags as the API does", () => {
    const form = initialCreateDiskForm("z", REGION);
    expect(validateCreateDiskForm({ ...form, name: "1abc" }).name).toBe("name");
    expect(validateCreateDiskForm({ ...form, description: "https://x" }).description).toBe(
      "description",
    );
    expect(validateCreateDiskForm({ ...form, tags: [{ key: "acs:x", value: "" }] }).tags).toBe(
      "tagKey",
    );
    expect(
      validateCreateDiskForm({
        ...form,
        tags: [
          { key: "a", value: "1" },
          { key: "a", value: "2" },
        ],
      }).tags,
    ).toBe("tagDuplicate");
  });

  it("sends the key only when encrypted", () => {
    const form = { ...initialCreateDiskForm("z", REGION), kmsKeyId: "key-1", name: " data-1 " };
    expect(toCreateDiskInput(form, { isEncrypted: false })).toMatchObject({
      encrypted: false,
      kmsKeyId: undefined,
      name: "data-1",
      sizeGiB: 40,
    });
    expect(toCreateDiskInput(form, { isEncrypted: true })).toMatchObject({
      encrypted: true,
      kmsKeyId: "key-1",
    });
  });
});
