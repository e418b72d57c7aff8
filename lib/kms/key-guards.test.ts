import { describe, expect, it } from "vitest";
import type { Principal } from "@/lib/context";
import {
  assertAsymmetricUsage,
  assertMayManage,
  assertSymmetric,
  guardKey,
  SERVICE_KEY_MANAGEMENT_ACTIONS,
} from "./key-guards";

const root: Principal = { kind: "root", accountId: "1234567890123456" };
const ecs: Principal = { kind: "service", accountId: "1234567890123456", service: "ecs" };
const serviceKey = {
  creatorType: "Service",
  keyState: "Enabled",
  origin: "Aliyun_KMS",
  deleteDate: null,
  materialExpireTime: null,
  keySpec: "Aliyun_AES_256",
  keyUsage: "ENCRYPT/DECRYPT",
};
const userKey = { ...serviceKey, creatorType: "User" };
const now = new Date();

describe("service keys", () => {
  it.each([...SERVICE_KEY_MANAGEMENT_ACTIONS])(
    "refuse a user's %s with 400 Rejected.UnsupportedOperation",
    (action) => {
      expect(() => assertMayManage(root, serviceKey, action)).toThrow(
        expect.objectContaining({ code: "Rejected.UnsupportedOperation", httpStatus: 400 }),
      );
    },
  );

  it("let users use them and let ECS manage them", () => {
    for (const action of [
      "Encrypt",
      "Decrypt",
      "GenerateDataKey",
      "DescribeKey",
      "ListAliasesByKeyId",
    ]) {
      expect(() => assertMayManage(root, serviceKey, action)).not.toThrow();
    }
    expect(() => assertMayManage(ecs, serviceKey, "DisableKey")).not.toThrow();
    expect(() => assertMayManage(root, userKey, "DisableKey")).not.toThrow();
  });

  it("check the service-key rule before the state table", () => {
    const disabledServiceKey = { ...serviceKey, keyState: "Disabled" };
    expect(() => guardKey(root, disabledServiceKey, "UpdateRotationPolicy", now)).toThrow(
      expect.objectContaining({ code: "Rejected.UnsupportedOperation" }),
    );
    expect(() =>
      guardKey(root, { ...userKey, keyState: "Disabled" }, "UpdateRotationPolicy", now),
    ).toThrow(expect.objectContaining({ code: "Rejected.Disabled", httpStatus: 409 }));
  });
});

describe("spec and usage", () => {
  it("keeps symmetric operations to symmetric keys", () => {
    expect(() => assertSymmetric({ keySpec: "Aliyun_SM4" })).not.toThrow();
    expect(() => assertSymmetric({ keySpec: "RSA_2048" })).toThrow(
      expect.objectContaining({ code: "UnsupportedOperation", httpStatus: 400 }),
    );
  });

  it("keeps asymmetric operations to the key's usage", () => {
    expect(() =>
      assertAsymmetricUsage({ keySpec: "RSA_2048", keyUsage: "SIGN/VERIFY" }, "SIGN/VERIFY"),
    ).not.toThrow();
    expect(() =>
      assertAsymmetricUsage({ keySpec: "RSA_2048", keyUsage: "SIGN/VERIFY" }, "ENCRYPT/DECRYPT"),
    ).toThrow(/KeyUsage is SIGN\/VERIFY/);
    expect(() =>
      assertAsymmetricUsage(
        { keySpec: "Aliyun_AES_256", keyUsage: "ENCRYPT/DECRYPT" },
        "ENCRYPT/DECRYPT",
      ),
    ).toThrow(/not an asymmetric key/);
  });
});
