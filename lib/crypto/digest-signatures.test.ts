import { constants, createHash, generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signDigest, verifyDigest } from "./digest-signatures";

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest();
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };

const CASES = [
  { algorithm: "RSA_PKCS1_SHA_256", pair: rsa, options: {} },
  { algorithm: "RSA_PSS_SHA_256", pair: rsa, options: PSS },
  { algorithm: "ECDSA_SHA_256", pair: ec, options: {} },
] as const;

describe.each(CASES)("$algorithm over a digest", ({ algorithm, pair, options }) => {
  const message = Buffer.from("the original message, which KMS never sees");
  const digest = sha256(message);

  it("is verified by node:crypto on the message with the public key", () => {
    const signature = signDigest(algorithm, pair.privateKey, digest);
    expect(verify("sha256", message, { key: pair.publicKey, ...options }, signature)).toBe(true);
  });

  it("verifies node:crypto's signatures of the message", () => {
    const signature = sign("sha256", message, { key: pair.privateKey, ...options });
    expect(verifyDigest(algorithm, pair.publicKey, digest, signature)).toBe(true);
  });

  it("refuses another digest and altered signatures", () => {
    const signature = signDigest(algorithm, pair.privateKey, digest);
    expect(verifyDigest(algorithm, pair.publicKey, sha256(Buffer.from("other")), signature)).toBe(
      false,
    );
    for (const index of [0, 1, Math.floor(signature.length / 2), signature.length - 1]) {
      const altered = Buffer.from(signature);
      altered[index] ^= 0x80;
      expect(verifyDigest(algorithm, pair.publicKey, digest, altered)).toBe(false);
    }
    expect(verifyDigest(algorithm, pair.publicKey, digest, signature.subarray(1))).toBe(false);
  });
});

describe("digest signatures", () => {
  it("do not confuse PKCS#1 v1.5 with PSS", () => {
    const digest = sha256(Buffer.from("m"));
    expect(
      verifyDigest(
        "RSA_PSS_SHA_256",
        rsa.publicKey,
        digest,
        signDigest("RSA_PKCS1_SHA_256", rsa.privateKey, digest),
      ),
    ).toBe(false);
    expect(
      verifyDigest(
        "RSA_PKCS1_SHA_256",
        rsa.publicKey,
        digest,
        signDigest("RSA_PSS_SHA_256", rsa.privateKey, digest),
      ),
    ).toBe(false);
  });

  it("take only SHA-256 digests", () => {
    expect(() => signDigest("RSA_PKCS1_SHA_256", rsa.privateKey, Buffer.alloc(20))).toThrow(
      RangeError,
    );
  });

  it("use a fresh salt for each PSS signature", () => {
    const digest = sha256(Buffer.from("m"));
    expect(
      signDigest("RSA_PSS_SHA_256", rsa.privateKey, digest).equals(
        signDigest("RSA_PSS_SHA_256", rsa.privateKey, digest),
      ),
    ).toBe(false);
  });
});
