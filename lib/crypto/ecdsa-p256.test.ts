import { createHash, createPrivateKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decodeDerSignature,
  encodeDerSignature,
  signP256Digest,
  signP256DigestRaw,
  verifyP256Digest,
} from "./ecdsa-p256";

const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest();

/** RFC 6979 appendix A.2.5: ECDSA, 256 bits (prime field), with SHA-256. */
const RFC6979_KEY = 0xc9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721n;
const RFC6979_VECTORS = [
  {
    message: "sample",
    r: 0xefd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716n,
    s: 0xf7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8n,
  },
  {
    message: "test",
    r: 0xf1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367n,
    s: 0x019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083n,
  },
];

describe("ECDSA P-256 over a digest", () => {
  it.each(RFC6979_VECTORS)("matches RFC 6979 A.2.5 for $message", ({ message, r, s }) => {
    expect(signP256DigestRaw(RFC6979_KEY, sha256(message))).toEqual({ r, s });
  });

  it("verifies with the RFC's public key as node:crypto sees it", () => {
    const jwk = {
      kty: "EC",
      crv: "P-256",
      d: Buffer.from(RFC6979_KEY.toString(16).padStart(64, "0"), "hex").toString("base64url"),
      x: Buffer.from(
        "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6",
        "hex",
      ).toString("base64url"),
      y: Buffer.from(
        "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299",
        "hex",
      ).toString("base64url"),
    };
    const privateKey = createPrivateKey({ key: jwk, format: "jwk" });
    const signature = signP256Digest(privateKey, sha256("sample"));
    expect(verify("sha256", Buffer.from("sample"), privateKey, signature)).toBe(true);
  });

  it("produces signatures node:crypto verifies on the message, and verifies node's", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    for (let i = 0; i < 5; i++) {
      const message = Buffer.from(`message ${i}`);
      const ours = signP256Digest(privateKey, sha256(message));
      expect(verify("sha256", message, publicKey, ours)).toBe(true);
      const theirs = sign("sha256", message, privateKey);
      expect(verifyP256Digest(publicKey, sha256(message), theirs)).toBe(true);
      expect(verifyP256Digest(publicKey, sha256(Buffer.from("other")), theirs)).toBe(false);
    }
  });

  it("refuses altered signatures, another key and malformed DER", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    const digest = sha256("m");
    const signature = signP256Digest(privateKey, digest);
    expect(verifyP256Digest(other, digest, signature)).toBe(false);
    for (let i = 0; i < signature.length; i++) {
      const altered = Buffer.from(signature);
      altered[i] ^= 0x01;
      expect(verifyP256Digest(publicKey, digest, altered)).toBe(false);
    }
    expect(verifyP256Digest(publicKey, digest, Buffer.alloc(0))).toBe(false);
    expect(verifyP256Digest(publicKey, digest, Buffer.concat([signature, Buffer.of(0)]))).toBe(
      false,
    );
  });

  it("encodes DER minimally and round-trips", () => {
    expect(encodeDerSignature(1n, 0x80n).toString("hex")).toBe("3007020101020200" + "80");
    expect(decodeDerSignature(encodeDerSignature(5n, 7n))).toEqual({ r: 5n, s: 7n });
    expect(decodeDerSignature(Buffer.from("30080202000102020007", "hex"))).toBeUndefined(); // not minimal
  });

  it("signs only 32-byte digests", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(() => signP256Digest(privateKey, Buffer.alloc(31))).toThrow(RangeError);
  });
});
