import { createDecipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeEncryptionContext } from "./encryption-context";
import { openBlob, parseBlobHeader, type BlobAlgorithm } from "./kms-blob";

/*
 * Blobs sealed by this code when format version 1 was written. They must open forever:
 * if one of these tests fails, the change broke every stored ciphertext blob.
 */
describe("format version 1 stays readable", () => {
  const GOLDEN = {
    keyId: "key-golden0000000000000001",
    keyVersionId: "00000000-0000-4000-8000-000000000001",
    context: { DiskId: "d-golden", Purpose: "golden" },
    plaintext: "DiskSeal blob format v1",
    "AES-256-GCM": {
      material: Buffer.from(Array.from({ length: 32 }, (_, index) => index)),
      blob:
        "RFNLQgEBGmtleS1nb2xkZW4wMDAwMDAwMDAwMDAwMDAxJDAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAw" +
        "McpvIhnUOeUczdnb5SVDlY3Aazj8hqgCKQh5FqASdODteQxXCc3cebUz8Uv8GcanT7loUw==",
    },
    "SM4-AEAD": {
      material: Buffer.from(Array.from({ length: 16 }, (_, index) => index)),
      blob:
        "RFNLQgECGmtleS1nb2xkZW4wMDAwMDAwMDAwMDAwMDAxJDAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAw" +
        "Mc7/HVKnBzI5md9eSb0WX1TGI3QLr4PBIPugNhY+ukhsV95eFo1oedPkRszTcBHBSRleiygoiRA=",
    },
  } as const;

  it.each<BlobAlgorithm>(["AES-256-GCM", "SM4-AEAD"])("opens the %s golden blob", (algorithm) => {
    const { material, blob } = GOLDEN[algorithm];
    expect(parseBlobHeader(blob)).toEqual({
      keyId: GOLDEN.keyId,
      keyVersionId: GOLDEN.keyVersionId,
      algorithm,
    });
    expect(openBlob(blob, material, GOLDEN.context).toString("utf8")).toBe(GOLDEN.plaintext);
  });

  it("decrypts the AES golden blob with plain node:crypto, following the documented layout", () => {
    const bytes = Buffer.from(GOLDEN["AES-256-GCM"].blob, "base64");
    const headerLength = 4 + 1 + 1 + 1 + GOLDEN.keyId.length + 1 + GOLDEN.keyVersionId.length + 12;
    const header = bytes.subarray(0, headerLength);
    const decipher = createDecipheriv(
      "aes-256-gcm",
      GOLDEN["AES-256-GCM"].material,
      header.subarray(-12),
    );
    decipher.setAAD(Buffer.concat([header, encodeEncryptionContext(GOLDEN.context)]));
    decipher.setAuthTag(bytes.subarray(-16));
    const plaintext = Buffer.concat([
      decipher.update(bytes.subarray(headerLength, -16)),
      decipher.final(),
    ]);
    expect(plaintext.toString("utf8")).toBe(GOLDEN.plaintext);
  });
});
