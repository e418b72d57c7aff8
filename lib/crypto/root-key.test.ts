import { describe, expect, it } from "vitest";
import { generateRootKey, matchesCheckValue, parseRootKey, rootKeyCheckValue, unwrapSecret, wrapSecret } from "./root-key";

describe("root key wrapping", () => {
  const key = generateRootKey();
  const secret = Buffer.from("an AccessKey secret");

  it("round-trips and never contains the plaintext", () => {
    const wrapped = wrapSecret(key, "access-key-secret:LTAI1", secret);
    expect(unwrapSecret(key, "access-key-secret:LTAI1", wrapped)).toEqual(secret);
    expect(Buffer.from(wrapped, "base64").includes(secret)).toBe(false);
  });

  it("uses a fresh nonce each time", () => {
    expect(wrapSecret(key, "p", secret)).not.toEqual(wrapSecret(key, "p", secret));
  });

  it("refuses another purpose, another key, and every single-byte flip", () => {
    const wrapped = wrapSecret(key, "purpose-a", secret);
    expect(() => unwrapSecret(key, "purpose-b", wrapped)).toThrow();
    expect(() => unwrapSecret(generateRootKey(), "purpose-a", wrapped)).toThrow();
    const bytes = Buffer.from(wrapped, "base64");
    for (let i = 0; i < bytes.length; i++) {
      const tampered = Buffer.from(bytes);
      tampered[i] ^= 0x01;
      expect(() => unwrapSecret(key, "purpose-a", tampered.toString("base64"))).toThrow();
    }
  });

  it("parses only base64 of exactly 32 bytes", () => {
    expect(parseRootKey(key.toString("base64"))).toEqual(key);
    expect(() => parseRootKey(Buffer.alloc(31).toString("base64"))).toThrow(/32 bytes/);
    expect(() => parseRootKey("not base64!")).toThrow(/32 bytes/);
  });

  it("has a check value that matches its key only", () => {
    const check = rootKeyCheckValue(key);
    expect(matchesCheckValue(key, check)).toBe(true);
    expect(matchesCheckValue(generateRootKey(), check)).toBe(false);
    expect(check).not.toContain(key.toString("base64"));
  });
});
