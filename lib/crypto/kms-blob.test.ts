import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InvalidBlobError, InvalidEncryptionContextError } from "./errors";
import {
  MAX_BLOB_BYTES,
  MAX_BLOB_PLAINTEXT_BYTES,
  openBlob,
  parseBlobHeader,
  sealBlob,
  type BlobAlgorithm,
} from "./kms-blob";

const KEY_ID = "key-hzz62f1cb66fa42qo3pb9";
const KEY_VERSION_ID = "2ab1a983-7072-4bbc-a582-584b5bd8a2ab";
const CONTEXT = { DiskId: "d-bp1e7r2h4z5t", Purpose: "disk data key" };

const MATERIAL_BYTES: Record<BlobAlgorithm, number> = { "AES-256-GCM": 32, "SM4-AEAD": 16 };

function expectInvalidBlob(run: () => unknown, reason?: "malformed" | "unauthenticated"): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidBlobError);
  if (reason) expect((caught as InvalidBlobError).reason).toBe(reason);
}

const toBytes = (blob: string) => Buffer.from(blob, "base64");
const toBlob = (bytes: Buffer) => bytes.toString("base64");

describe.each<BlobAlgorithm>(["AES-256-GCM", "SM4-AEAD"])("%s blob", (algorithm) => {
  const material = randomBytes(MATERIAL_BYTES[algorithm]);
  const plaintext = randomBytes(32);
  const seal = (overrides: Partial<Parameters<typeof sealBlob>[0]> = {}) =>
    sealBlob({
      keyId: KEY_ID,
      keyVersionId: KEY_VERSION_ID,
      algorithm,
      material,
      plaintext,
      encryptionContext: CONTEXT,
      ...overrides,
    });
  const blob = seal();

  it("opens with the same material and context, and names its key and version in the header", () => {
    expect(parseBlobHeader(blob)).toEqual({
      keyId: KEY_ID,
      keyVersionId: KEY_VERSION_ID,
      algorithm,
    });
    expect(openBlob(blob, material, CONTEXT).equals(plaintext)).toBe(true);
    expect(
      openBlob(blob, material, { Purpose: "disk data key", DiskId: "d-bp1e7r2h4z5t" }).equals(
        plaintext,
      ),
    ).toBe(true);
  });

  it("lays the header out as documented in lib/kms/README.md", () => {
    const bytes = toBytes(blob);
    const nonceBytes = algorithm === "AES-256-GCM" ? 12 : 16;
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("DSKB");
    expect(bytes[4]).toBe(0x01);
    expect(bytes[5]).toBe(algorithm === "AES-256-GCM" ? 0x01 : 0x02);
    expect(bytes[6]).toBe(KEY_ID.length);
    expect(bytes.subarray(7, 7 + KEY_ID.length).toString("ascii")).toBe(KEY_ID);
    const versionAt = 7 + KEY_ID.length;
    expect(bytes[versionAt]).toBe(KEY_VERSION_ID.length);
    expect(
      bytes.subarray(versionAt + 1, versionAt + 1 + KEY_VERSION_ID.length).toString("ascii"),
    ).toBe(KEY_VERSION_ID);
    const headerBytes = versionAt + 1 + KEY_VERSION_ID.length + nonceBytes;
    expect(bytes.length).toBe(headerBytes + plaintext.length + 16);
    expect(bytes.includes(plaintext)).toBe(false);
  });

  it("draws a fresh nonce each time", () => {
    expect(seal()).not.toBe(blob);
  });

  it("rejects a flip of any single bit of any byte", () => {
    const bytes = toBytes(blob);
    for (let index = 0; index < bytes.length; index++) {
      for (let bit = 0; bit < 8; bit++) {
        const altered = Buffer.from(bytes);
        altered[index] ^= 1 << bit;
        let caught: unknown;
        try {
          openBlob(toBlob(altered), material, CONTEXT);
        } catch (error) {
          caught = error;
        }
        expect(caught, `byte ${index} bit ${bit}`).toBeInstanceOf(InvalidBlobError);
      }
    }
  });

  it("rejects every truncation and an extension", () => {
    const bytes = toBytes(blob);
    for (let length = 0; length < bytes.length; length++) {
      expectInvalidBlob(() => openBlob(toBlob(bytes.subarray(0, length)), material, CONTEXT));
    }
    expectInvalidBlob(
      () => openBlob(toBlob(Buffer.concat([bytes, Buffer.of(0)])), material, CONTEXT),
      "unauthenticated",
    );
    expectInvalidBlob(() => parseBlobHeader(toBlob(bytes.subarray(0, 10))), "malformed");
  });

  it("rejects another EncryptionContext, a missing one, and an extra pair", () => {
    expectInvalidBlob(
      () => openBlob(blob, material, { ...CONTEXT, DiskId: "d-other" }),
      "unauthenticated",
    );
    expectInvalidBlob(() => openBlob(blob, material, undefined), "unauthenticated");
    expectInvalidBlob(() => openBlob(blob, material, { ...CONTEXT, Extra: "" }), "unauthenticated");
  });

  it('does not open a blob sealed under {"ab":"c"} with {"a":"bc"}', () => {
    const sealed = seal({ encryptionContext: { ab: "c" } });
    expect(openBlob(sealed, material, { ab: "c" }).equals(plaintext)).toBe(true);
    expectInvalidBlob(() => openBlob(sealed, material, { a: "bc" }), "unauthenticated");
  });

  it("rejects other key material, and material of the other algorithm's length", () => {
    expectInvalidBlob(
      () => openBlob(blob, randomBytes(material.length), CONTEXT),
      "unauthenticated",
    );
    expectInvalidBlob(
      () => openBlob(blob, randomBytes(48 - material.length), CONTEXT),
      "unauthenticated",
    );
  });

  it("round-trips the largest blob: maximal ids and plaintext", () => {
    const big = randomBytes(MAX_BLOB_PLAINTEXT_BYTES);
    const sealed = seal({ keyId: "k".repeat(255), keyVersionId: "v".repeat(255), plaintext: big });
    const nonceBytes = algorithm === "AES-256-GCM" ? 12 : 16;
    expect(toBytes(sealed).length).toBe(MAX_BLOB_BYTES - 16 + nonceBytes);
    expect(openBlob(sealed, material, CONTEXT).equals(big)).toBe(true);
  });

  it("round-trips an empty plaintext and an empty context", () => {
    const sealed = seal({ plaintext: Buffer.alloc(0), encryptionContext: undefined });
    expect(openBlob(sealed, material, {}).length).toBe(0);
  });
});

describe("blob format errors", () => {
  const material = randomBytes(32);
  const blob = sealBlob({
    keyId: KEY_ID,
    keyVersionId: KEY_VERSION_ID,
    algorithm: "AES-256-GCM",
    material,
    plaintext: Buffer.from("x"),
  });
  const withByte = (index: number, value: number) => {
    const bytes = toBytes(blob);
    bytes[index] = value;
    return toBlob(bytes);
  };

  it.each([
    ["bad magic", () => withByte(0, 0x41), /not a DiskSeal blob/],
    ["unknown version", () => withByte(4, 0x02), /unknown format version 2/],
    ["unknown algorithm", () => withByte(5, 0x09), /unknown algorithm/],
    ["empty key id", () => withByte(6, 0), /invalid key id/],
    ["key id with a control character", () => withByte(7, 0x0a), /invalid key id/],
    ["key id longer than the blob", () => withByte(6, 0xff), /truncated/],
  ])("refuses %s as malformed", (_name, make, message) => {
    expect(() => parseBlobHeader(make())).toThrow(message);
    expectInvalidBlob(() => parseBlobHeader(make()), "malformed");
  });

  it.each([
    ["an empty string", ""],
    ["whitespace", ` ${blob}`],
    ["URL-safe base64", `-_${blob.slice(2)}`],
    ["a length that is not a multiple of 4", blob.slice(0, -1)],
    ["non-canonical trailing bits", "QR=="],
    ["text that is not base64", "this is not a blob!!"],
    ["an oversized string", "A".repeat(Math.ceil(MAX_BLOB_BYTES / 3) * 4 + 4)],
  ])("refuses %s as malformed", (_name, text) => {
    expectInvalidBlob(() => parseBlobHeader(text), "malformed");
  });

  it("refuses a payload longer than the plaintext limit before authenticating", () => {
    const bytes = Buffer.concat([toBytes(blob), Buffer.alloc(MAX_BLOB_PLAINTEXT_BYTES)]);
    expectInvalidBlob(() => parseBlobHeader(toBlob(bytes)), "malformed");
  });
});

describe("sealBlob input checks", () => {
  const base = {
    keyId: KEY_ID,
    keyVersionId: KEY_VERSION_ID,
    algorithm: "AES-256-GCM" as const,
    material: randomBytes(32),
    plaintext: Buffer.from("x"),
  };

  it("refuses bad ids, oversized plaintext and wrong material length as programming errors", () => {
    expect(() => sealBlob({ ...base, keyId: "" })).toThrow(RangeError);
    expect(() => sealBlob({ ...base, keyId: "key with space" })).toThrow(RangeError);
    expect(() => sealBlob({ ...base, keyVersionId: "v".repeat(256) })).toThrow(RangeError);
    expect(() => sealBlob({ ...base, keyVersionId: "版本" })).toThrow(RangeError);
    expect(() =>
      sealBlob({ ...base, plaintext: Buffer.alloc(MAX_BLOB_PLAINTEXT_BYTES + 1) }),
    ).toThrow(RangeError);
    expect(() => sealBlob({ ...base, material: randomBytes(16) })).toThrow(RangeError);
  });

  it("refuses an invalid EncryptionContext with InvalidEncryptionContextError", () => {
    const context = { a: 1 } as unknown as Record<string, string>;
    expect(() => sealBlob({ ...base, encryptionContext: context })).toThrow(
      InvalidEncryptionContextError,
    );
  });
});
