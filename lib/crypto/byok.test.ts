import { constants, createPublicKey, publicEncrypt, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  generateWrappingKeyPair,
  unwrapKeyMaterial,
  wrapKeyMaterial,
  type WrappingKeyPair,
} from "./byok";
import { KeyMaterialUnwrapError, UnsupportedWrappingAlgorithmError } from "./errors";

describe("BYOK wrapping keys", () => {
  let pair: WrappingKeyPair;
  beforeAll(async () => {
    pair = await generateWrappingKeyPair();
  });

  it("exports the public key as base64 DER SubjectPublicKeyInfo of an RSA-2048 key", () => {
    // Every RSA-2048 SPKI starts like KMS's documented example "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIB…".
    expect(pair.publicKey.startsWith("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIB")).toBe(true);
    const key = createPublicKey({
      key: Buffer.from(pair.publicKey, "base64"),
      format: "der",
      type: "spki",
    });
    expect(key.asymmetricKeyType).toBe("rsa");
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it.each([
    ["RSAES_OAEP_SHA_256", "sha256", 32],
    ["RSAES_OAEP_SHA_1", "sha1", 16],
  ])("unwraps %s material encrypted with publicEncrypt", (algorithm, oaepHash, length) => {
    const material = randomBytes(length);
    const key = createPublicKey({
      key: Buffer.from(pair.publicKey, "base64"),
      format: "der",
      type: "spki",
    });
    const encrypted = publicEncrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
      material,
    );
    expect(unwrapKeyMaterial(pair.privateKey, algorithm, encrypted).equals(material)).toBe(true);
    expect(
      unwrapKeyMaterial(
        pair.privateKey,
        algorithm,
        wrapKeyMaterial(pair.publicKey, algorithm, material),
      ).equals(material),
    ).toBe(true);
  });

  it("refuses material wrapped with the other OAEP hash, another key pair, or altered", async () => {
    const material = randomBytes(32);
    const sha1Wrapped = wrapKeyMaterial(pair.publicKey, "RSAES_OAEP_SHA_1", material);
    expect(() => unwrapKeyMaterial(pair.privateKey, "RSAES_OAEP_SHA_256", sha1Wrapped)).toThrow(
      KeyMaterialUnwrapError,
    );
    const other = await generateWrappingKeyPair();
    const otherWrapped = wrapKeyMaterial(other.publicKey, "RSAES_OAEP_SHA_256", material);
    expect(() => unwrapKeyMaterial(pair.privateKey, "RSAES_OAEP_SHA_256", otherWrapped)).toThrow(
      KeyMaterialUnwrapError,
    );
    const altered = wrapKeyMaterial(pair.publicKey, "RSAES_OAEP_SHA_256", material);
    altered[100] ^= 1;
    expect(() => unwrapKeyMaterial(pair.privateKey, "RSAES_OAEP_SHA_256", altered)).toThrow(
      KeyMaterialUnwrapError,
    );
    expect(() => unwrapKeyMaterial(pair.privateKey, "RSAES_OAEP_SHA_256", Buffer.alloc(0))).toThrow(
      KeyMaterialUnwrapError,
    );
  });

  it.each(["RSAES_PKCS1_V1_5", "SM2PKE", "rsaes_oaep_sha_256"])(
    "refuses wrapping algorithm %s",
    (algorithm) => {
      expect(() => unwrapKeyMaterial(pair.privateKey, algorithm, Buffer.alloc(256))).toThrow(
        UnsupportedWrappingAlgorithmError,
      );
    },
  );

  it("generates a fresh pair each time", async () => {
    expect((await generateWrappingKeyPair()).publicKey).not.toBe(pair.publicKey);
  });
});
