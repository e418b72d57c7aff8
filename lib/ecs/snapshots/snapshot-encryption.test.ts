import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { NO_DEFAULT_ENCRYPTION } from "@/lib/ecs/encryption/rules";
import { encryptionFromSnapshot } from "./snapshot-encryption";

const encrypted = { encrypted: true, kmsKeyId: "key-snap" };
const plain = { encrypted: false, kmsKeyId: null };
const dataDisk = { inheritWhenOmitted: false, allowRekey: true };
const image = { inheritWhenOmitted: true, allowRekey: true };
const runInstancesData = { inheritWhenOmitted: false, allowRekey: false };
const byDefault = { encryptionByDefault: true, defaultKmsKeyId: null };

const codeOf = (run: () => unknown) => {
  try {
    return run();
  } catch (error) {
    if (isAppError(error)) return `${error.httpStatus} ${error.code}`;
    throw error;
  }
};

describe("encryptionFromSnapshot", () => {
  it("an unencrypted snapshot leaves the request as it is", () => {
    expect(encryptionFromSnapshot(plain, {}, NO_DEFAULT_ENCRYPTION, dataDisk)).toEqual({});
    expect(encryptionFromSnapshot(plain, { encrypted: true, kmsKeyId: "key-x" }, NO_DEFAULT_ENCRYPTION, dataDisk)).toEqual({ encrypted: true, kmsKeyId: "key-x" });
  });

  it("from an encrypted snapshot: the snapshot's key unless another is named", () => {
    expect(encryptionFromSnapshot(encrypted, { encrypted: true }, NO_DEFAULT_ENCRYPTION, dataDisk)).toEqual({ encrypted: true, kmsKeyId: "key-snap" });
    expect(encryptionFromSnapshot(encrypted, { encrypted: true, kmsKeyId: "key-other" }, NO_DEFAULT_ENCRYPTION, dataDisk)).toEqual({ encrypted: true, kmsKeyId: "key-other" });
  });

  it.each([
    ["Encrypted=false", { encrypted: false }, dataDisk, NO_DEFAULT_ENCRYPTION, "400 InvalidParameter.Encrypted"],
    ["Encrypted left out", {}, dataDisk, NO_DEFAULT_ENCRYPTION, "403 InvalidEncrypted.NotMatchSnapshot"],
    ["another key where re-keying is not offered", { encrypted: true, kmsKeyId: "key-other" }, runInstancesData, NO_DEFAULT_ENCRYPTION, "400 InvalidKmsKeyId.NotMatchSnapshot"],
    ["an image's Encrypted=false", { encrypted: false }, image, NO_DEFAULT_ENCRYPTION, "400 InvalidParameter.Encrypted"],
  ] as const)("refuses %s", (_name, request, options, setting, code) => {
    expect(codeOf(() => encryptionFromSnapshot(encrypted, request, setting, options))).toBe(code);
  });

  it("Encrypted left out is encrypted under the snapshot's key for an image, or with encryption by default", () => {
    expect(encryptionFromSnapshot(encrypted, {}, NO_DEFAULT_ENCRYPTION, image)).toEqual({ encrypted: true, kmsKeyId: "key-snap" });
    expect(encryptionFromSnapshot(encrypted, {}, byDefault, dataDisk)).toEqual({ encrypted: true, kmsKeyId: "key-snap" });
  });

  it("where re-keying is not offered, the snapshot's own key by id or ARN is accepted", () => {
    const arn = "acs:kms:cn-hangzhou:1234567890123456:key/key-snap";
    expect(encryptionFromSnapshot(encrypted, { encrypted: true, kmsKeyId: arn }, NO_DEFAULT_ENCRYPTION, runInstancesData)).toEqual({ encrypted: true, kmsKeyId: arn });
  });
});
