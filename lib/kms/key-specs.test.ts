import { describe, expect, it } from "vitest";
import {
  canRotate,
  defaultKeyUsage,
  invalidKeySetting,
  isAsymmetricKeySpec,
  isSymmetricKeySpec,
  type KeySettings,
} from "./key-specs";

const settings = (over: Partial<KeySettings>): KeySettings => ({
  keySpec: "Aliyun_AES_256",
  keyUsage: "ENCRYPT/DECRYPT",
  origin: "Aliyun_KMS",
  enableAutomaticRotation: false,
  ...over,
});

describe("key specs", () => {
  it("tells symmetric from asymmetric", () => {
    expect(["Aliyun_AES_256", "Aliyun_SM4"].every(isSymmetricKeySpec)).toBe(true);
    expect(["RSA_2048", "EC_P256"].every(isAsymmetricKeySpec)).toBe(true);
    expect(isSymmetricKeySpec("RSA_2048") || isAsymmetricKeySpec("Aliyun_SM4")).toBe(false);
  });

  it("defaults the usage per spec (EC keys only sign)", () => {
    expect(defaultKeyUsage("Aliyun_SM4")).toBe("ENCRYPT/DECRYPT");
    expect(defaultKeyUsage("RSA_2048")).toBe("ENCRYPT/DECRYPT");
    expect(defaultKeyUsage("EC_P256")).toBe("SIGN/VERIFY");
  });

  it.each([
    [settings({}), undefined],
    [settings({ keySpec: "RSA_2048", keyUsage: "SIGN/VERIFY" }), undefined],
    [settings({ keyUsage: "SIGN/VERIFY" }), "KeyUsage"],
    [settings({ keySpec: "EC_P256", keyUsage: "ENCRYPT/DECRYPT" }), "KeyUsage"],
    [settings({ origin: "EXTERNAL", keySpec: "Aliyun_SM4" }), undefined],
    [settings({ origin: "EXTERNAL", keySpec: "RSA_2048" }), "Origin"],
    [settings({ enableAutomaticRotation: true }), undefined],
    [settings({ enableAutomaticRotation: true, origin: "EXTERNAL" }), "EnableAutomaticRotation"],
    [
      settings({ enableAutomaticRotation: true, keySpec: "EC_P256", keyUsage: "SIGN/VERIFY" }),
      "EnableAutomaticRotation",
    ],
  ] as const)("%o → %s", (input, expected) => {
    expect(invalidKeySetting(input)).toBe(expected);
  });

  it("rotates only symmetric keys whose material KMS made", () => {
    expect(canRotate({ keySpec: "Aliyun_SM4", origin: "Aliyun_KMS" })).toBe(true);
    expect(canRotate({ keySpec: "Aliyun_SM4", origin: "EXTERNAL" })).toBe(false);
    expect(canRotate({ keySpec: "RSA_2048", origin: "Aliyun_KMS" })).toBe(false);
  });
});
