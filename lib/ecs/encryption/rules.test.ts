import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import {
  assertEncryptionParams,
  assertEncryptionPlacement,
  assertKeyUsableForDisks,
  diskEncryptionConditions,
  effectiveEncryption,
  isServiceKeyReference,
  NO_DEFAULT_ENCRYPTION,
  type PlacementInput,
} from "./rules";

type Refusal = { code: string; status: number; message: string };

function refusalOf(run: () => void): Refusal | undefined {
  try {
    run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { code: error.code, status: error.httpStatus, message: error.message };
  }
  return undefined;
}

const ENCRYPTED_ILLEGAL: Refusal = {
  code: "InvalidParameter.EncryptedIllegal",
  status: 400,
  message: "The specified parameter Encrypted must be true when kmsKeyId is not empty.",
};
const REGION_NO_ENCRYPTION: Refusal = {
  code: "NotSupportSnapshotEncrypted.RegionId",
  status: 400,
  message: "The specified region does not support creating encrypted disks.",
};
const REGION_NO_CMK: Refusal = {
  code: "InvalidRegion.NotSupport",
  status: 403,
  message: "The specified region does not support byok.",
};
const NOT_ENCRYPTABLE: Refusal = {
  code: "InvalidParameter.EncryptedNotSupported",
  status: 403,
  message:
    "The current disk category does not support encryption. If encryption is required, please switch to a different disk category.",
};
const NOT_ESSD: Refusal = {
  code: "NotSupportSnapshotEncrypted.DiskCategory",
  status: 403,
  message:
    "The specified disk category does not support creating encrypted system disks or creating encrypted data disks from snapshots. Check the DiskCategory or Encrypted parameter, or check your account for default encryption settings.",
};
const RESTRICTED_TYPE: Refusal = {
  code: "NotSupportSnapshotEncrypted.InstanceType",
  status: 400,
  message:
    "The specified instance type does not support creating encrypted disks with native snapshot encrypt.",
};
const NOT_ENABLED: Refusal = {
  code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
  status: 403,
  message: "The CMK (Customer Master Key) must be in an active state.",
};
const NOT_SYMMETRIC: Refusal = {
  code: "InvalidKMSKeyId.NotSymmetric",
  status: 400,
  message: "The specified parameter KmsKeyId must be symmetric.",
};

const ON = { encryptionByDefault: true, defaultKmsKeyId: null };
const ON_WITH_CMK = { encryptionByDefault: true, defaultKmsKeyId: "key-cmk" };

describe("assertEncryptionParams (parameter form)", () => {
  it.each([
    [
      "KMSKeyId with Encrypted=false",
      { encrypted: false, kmsKeyId: "key-1" },
      NO_DEFAULT_ENCRYPTION,
      ENCRYPTED_ILLEGAL,
    ],
    [
      "KMSKeyId with Encrypted omitted",
      { kmsKeyId: "key-1" },
      NO_DEFAULT_ENCRYPTION,
      ENCRYPTED_ILLEGAL,
    ],
    [
      "KMSKeyId, Encrypted=false, default on",
      { encrypted: false, kmsKeyId: "key-1" },
      ON,
      ENCRYPTED_ILLEGAL,
    ],
    ["KMSKeyId, Encrypted omitted, default on", { kmsKeyId: "key-1" }, ON, undefined],
    [
      "KMSKeyId with Encrypted=true",
      { encrypted: true, kmsKeyId: "key-1" },
      NO_DEFAULT_ENCRYPTION,
      undefined,
    ],
    ["Encrypted=true alone", { encrypted: true }, NO_DEFAULT_ENCRYPTION, undefined],
    ["empty KMSKeyId", { encrypted: false, kmsKeyId: "" }, NO_DEFAULT_ENCRYPTION, undefined],
    ["nothing", {}, NO_DEFAULT_ENCRYPTION, undefined],
  ])("%s", (_name, request, setting, expected) => {
    expect(refusalOf(() => assertEncryptionParams(request, setting))).toEqual(expected);
  });
});

describe("effectiveEncryption (encryption by default)", () => {
  it.each([
    [
      "omitted, default off",
      {},
      NO_DEFAULT_ENCRYPTION,
      { encrypted: false, conflictsWithDefault: false },
    ],
    [
      "false, default off",
      { encrypted: false },
      NO_DEFAULT_ENCRYPTION,
      { encrypted: false, conflictsWithDefault: false },
    ],
    [
      "true, default off",
      { encrypted: true },
      NO_DEFAULT_ENCRYPTION,
      { encrypted: true, keyReference: undefined, conflictsWithDefault: false },
    ],
    [
      "true + key",
      { encrypted: true, kmsKeyId: "alias/a" },
      NO_DEFAULT_ENCRYPTION,
      { encrypted: true, keyReference: "alias/a", conflictsWithDefault: false },
    ],
    [
      "omitted, default on (service key)",
      {},
      ON,
      { encrypted: true, keyReference: undefined, conflictsWithDefault: false },
    ],
    [
      "omitted, default on with a CMK",
      {},
      ON_WITH_CMK,
      { encrypted: true, keyReference: "key-cmk", conflictsWithDefault: false },
    ],
    [
      "true, default on with a CMK: the default key",
      { encrypted: true },
      ON_WITH_CMK,
      { encrypted: true, keyReference: "key-cmk", conflictsWithDefault: false },
    ],
    [
      "own key wins over the default",
      { encrypted: true, kmsKeyId: "key-mine" },
      ON_WITH_CMK,
      { encrypted: true, keyReference: "key-mine", conflictsWithDefault: false },
    ],
    [
      "explicit false with default on is refused later",
      { encrypted: false },
      ON,
      { encrypted: false, conflictsWithDefault: true },
    ],
  ])("%s", (_name, request, setting, expected) => {
    expect(effectiveEncryption(request, setting)).toEqual(expected);
  });
});

describe("isServiceKeyReference", () => {
  const account = "1234567890123456";
  it.each([
    [undefined, undefined, true],
    ["alias/acs/ecs", undefined, true],
    [`acs:kms:cn-hangzhou:${account}:alias/acs/ecs`, undefined, true],
    [`acs:kms:cn-shanghai:${account}:alias/acs/ecs`, undefined, false],
    ["key-svc", "key-svc", true],
    [`acs:kms:cn-hangzhou:${account}:key/key-svc`, "key-svc", true],
    ["key-svc", undefined, false],
    ["key-cmk", "key-svc", false],
    ["alias/mine", "key-svc", false],
  ])("%s (service key %s) → %s", (reference, serviceKeyId, expected) => {
    expect(isServiceKeyReference(reference, "cn-hangzhou", serviceKeyId)).toBe(expected);
  });
});

describe("assertEncryptionPlacement", () => {
  const base: PlacementInput = {
    regionId: "cn-hangzhou",
    category: "cloud_essd",
    usage: "data",
    usesCmk: false,
  };
  it.each<[string, Partial<PlacementInput>, Refusal | undefined]>([
    ["an ESSD data disk with the service key", {}, undefined],
    ["an ultra data disk (not from a snapshot)", { category: "cloud_efficiency" }, undefined],
    ["a basic data disk with a CMK", { category: "cloud", usesCmk: true }, undefined],
    ["Nanjing: no encryption", { regionId: "cn-nanjing" }, REGION_NO_ENCRYPTION],
    ["Seoul: no encryption", { regionId: "ap-northeast-2" }, REGION_NO_ENCRYPTION],
    [
      "Seoul with a CMK: the region rule first",
      { regionId: "ap-northeast-2", usesCmk: true },
      REGION_NO_ENCRYPTION,
    ],
    ["Fuzhou with the service key", { regionId: "cn-fuzhou" }, undefined],
    ["Fuzhou with a CMK", { regionId: "cn-fuzhou", usesCmk: true }, REGION_NO_CMK],
    ["Bangkok with a CMK", { regionId: "ap-southeast-7", usesCmk: true }, REGION_NO_CMK],
    [
      "Bangkok with a CMK on a local disk: the region first",
      { regionId: "ap-southeast-7", usesCmk: true, category: "ephemeral_ssd" },
      REGION_NO_CMK,
    ],
    [
      "elastic ephemeral standard",
      { category: "elastic_ephemeral_disk_standard" },
      NOT_ENCRYPTABLE,
    ],
    ["elastic ephemeral premium", { category: "elastic_ephemeral_disk_premium" }, NOT_ENCRYPTABLE],
    ["local SSD", { category: "ephemeral_ssd" }, NOT_ENCRYPTABLE],
    ["local NVMe", { category: "local_ssd_pro" }, NOT_ENCRYPTABLE],
    ["local HDD", { category: "local_hdd_pro" }, NOT_ENCRYPTABLE],
    ["a system disk on ultra", { usage: "system", category: "cloud_efficiency" }, NOT_ESSD],
    ["a system disk on basic", { usage: "system", category: "cloud" }, NOT_ESSD],
    ["a system disk on standard SSD", { usage: "system", category: "cloud_ssd" }, NOT_ESSD],
    ["a system disk on ESSD", { usage: "system" }, undefined],
    ["a system disk on ESSD Entry", { usage: "system", category: "cloud_essd_entry" }, undefined],
    ["a system disk on AutoPL", { usage: "system", category: "cloud_auto" }, undefined],
    ["a data disk from a snapshot on SSD", { fromSnapshot: true, category: "cloud_ssd" }, NOT_ESSD],
    [
      "a data disk from a snapshot on regional ESSD",
      { fromSnapshot: true, category: "cloud_regional_disk_auto" },
      undefined,
    ],
    [
      "an encrypted system disk on ecs.ebmg5",
      { usage: "system", instanceType: "ecs.ebmg5.24xlarge" },
      RESTRICTED_TYPE,
    ],
    [
      "an encrypted system disk on ecs.sccg5",
      { usage: "system", instanceType: "ecs.sccg5.24xlarge" },
      RESTRICTED_TYPE,
    ],
    [
      "a from-snapshot disk on ecs.ebmhfg5",
      { fromSnapshot: true, instanceType: "ecs.ebmhfg5.large" },
      RESTRICTED_TYPE,
    ],
    [
      "a plain new data disk on ecs.ebmg5 is fine",
      { instanceType: "ecs.ebmg5.24xlarge" },
      undefined,
    ],
    ["a system disk on ecs.g7", { usage: "system", instanceType: "ecs.g7.large" }, undefined],
    [
      "ESSD-only before the family",
      { usage: "system", category: "cloud_ssd", instanceType: "ecs.ebmg5.24xlarge" },
      NOT_ESSD,
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(refusalOf(() => assertEncryptionPlacement({ ...base, ...overrides }))).toEqual(expected);
  });
});

describe("assertKeyUsableForDisks", () => {
  it.each([
    ["Enabled AES", "Enabled", "Aliyun_AES_256", undefined],
    ["Enabled SM4", "Enabled", "Aliyun_SM4", undefined],
    ["Disabled", "Disabled", "Aliyun_AES_256", NOT_ENABLED],
    ["PendingDeletion", "PendingDeletion", "Aliyun_AES_256", NOT_ENABLED],
    ["PendingImport", "PendingImport", "Aliyun_AES_256", NOT_ENABLED],
    ["Enabled RSA", "Enabled", "RSA_2048", NOT_SYMMETRIC],
    ["Enabled EC", "Enabled", "EC_P256", NOT_SYMMETRIC],
    ["Disabled RSA: the state first", "Disabled", "RSA_2048", NOT_ENABLED],
  ])("%s", (_name, keyState, keySpec, expected) => {
    expect(refusalOf(() => assertKeyUsableForDisks({ keyState, keySpec }))).toEqual(expected);
  });
});

describe("diskEncryptionConditions", () => {
  it("carries one value per disk, BYOK only when encrypted with a CMK", () => {
    expect(diskEncryptionConditions([{ encrypted: true, isByok: false }])).toEqual({
      "ecs:IsDiskEncrypted": ["true"],
      "ecs:IsDiskByokEncrypted": ["false"],
    });
    expect(
      diskEncryptionConditions(
        [
          { encrypted: false, isByok: true },
          { encrypted: true, isByok: true },
        ],
        { encrypted: "ecs:IsSystemDiskEncrypted", byok: "ecs:IsSystemDiskByokEncrypted" },
      ),
    ).toEqual({
      "ecs:IsSystemDiskEncrypted": ["false", "true"],
      "ecs:IsSystemDiskByokEncrypted": ["false", "true"],
    });
    expect(diskEncryptionConditions([])).toEqual({});
  });
});
