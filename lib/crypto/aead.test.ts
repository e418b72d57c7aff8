import { createCipheriv, getCiphers, randomBytes } from "node:crypto";
import { gcm } from "@noble/ciphers/aes.js";
import { describe, expect, it } from "vitest";
import { AES_256_GCM, SM4_AEAD, type Aead } from "./aead";
import { AeadAuthenticationError } from "./errors";

const fromHex = (text: string) => Buffer.from(text, "hex");

/*
 * AES-256-GCM known answers: McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)",
 * revised 2005, Appendix B, Test Cases 13–16 (the AES-256 ones; also in NIST's GCM validation).
 */
const GCM_K15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
const GCM_IV15 = "cafebabefacedbaddecaf888";
const GCM_P15 =
  "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72" +
  "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
const GCM_C15 =
  "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa" +
  "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";
const GCM_VECTORS = [
  {
    name: "Test Case 13",
    key: "00".repeat(32),
    iv: "00".repeat(12),
    aad: "",
    pt: "",
    ct: "",
    tag: "530f8afbc74536b9a963b4f1c4cb738b",
  },
  {
    name: "Test Case 14",
    key: "00".repeat(32),
    iv: "00".repeat(12),
    aad: "",
    pt: "00".repeat(16),
    ct: "cea7403d4d606b6e074ec5d3baf39d18",
    tag: "d0d1c8a799996bf0265b98b5d48ab919",
  },
  {
    name: "Test Case 15",
    key: GCM_K15,
    iv: GCM_IV15,
    aad: "",
    pt: GCM_P15,
    ct: GCM_C15,
    tag: "b094dac5d93471bdec1a502270e3cc6c",
  },
  {
    name: "Test Case 16",
    key: GCM_K15,
    iv: GCM_IV15,
    aad: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
    pt: GCM_P15.slice(0, 120),
    ct: GCM_C15.slice(0, 120),
    tag: "76fc6ece0f4e1768cddf8853bb2d551b",
  },
];

describe("AES-256-GCM", () => {
  it.each(GCM_VECTORS)("matches GCM spec $name", ({ key, iv, aad, pt, ct, tag }) => {
    const sealed = AES_256_GCM.seal(fromHex(key), fromHex(iv), fromHex(pt), fromHex(aad));
    expect(sealed.toString("hex")).toBe(ct + tag);
    expect(AES_256_GCM.open(fromHex(key), fromHex(iv), sealed, fromHex(aad)).toString("hex")).toBe(
      pt,
    );
  });

  it.each([0, 1, 32, 1000])("agrees with @noble/ciphers' independent AES-256-GCM (%i bytes)", (length) => {
    const key = randomBytes(32);
    const nonce = randomBytes(12);
    const plaintext = randomBytes(length);
    const aad = randomBytes(33);
    const expected = gcm(key, nonce, aad).encrypt(plaintext);
    const sealed = AES_256_GCM.seal(key, nonce, plaintext, aad);
    expect(Buffer.from(expected).equals(sealed)).toBe(true);
    expect(Buffer.from(gcm(key, nonce, aad).decrypt(sealed)).equals(plaintext)).toBe(true);
  });
});

/*
 * SM4 block cipher known answers: GB/T 32907-2016 (= GM/T 0002-2012) Appendix A, example 1
 * (one encryption) and example 2 (the same block encrypted 1,000,000 times).
 */
describe("SM4 block cipher (node:crypto sm4-ecb)", () => {
  const key = fromHex("0123456789abcdeffedcba9876543210");
  const newSm4Ecb = () => createCipheriv("sm4-ecb", key, null).setAutoPadding(false);

  it("is available with CTR mode on this Node", () => {
    expect(getCiphers()).toEqual(expect.arrayContaining(["sm4-ecb", "sm4-ctr"]));
  });

  it("matches GB/T 32907-2016 example 1", () => {
    expect(newSm4Ecb().update(key).toString("hex")).toBe("681edf34d206965e86b3e94f536e4246");
  });

  // About 1 s here (one ECB object, 10^6 single-block updates); the timeout leaves CI headroom.
  it("matches GB/T 32907-2016 example 2 (1,000,000 iterations)", { timeout: 20_000 }, () => {
    const cipher = newSm4Ecb();
    let block: Buffer = key;
    for (let round = 0; round < 1_000_000; round++) block = cipher.update(block);
    expect(block.toString("hex")).toBe("595298c7c6fd271f0402f804c33d3f66");
  });
});

describe("SM4-AEAD", () => {
  /*
   * Not a published vector: it pins DiskSeal's construction (HKDF info strings, MAC input
   * order), which stored SM4 blobs depend on. Cross-checked with the OpenSSL 3 CLI:
   *   openssl kdf -keylen 16|32 -kdfopt digest:SHA256 -kdfopt hexkey:$K -kdfopt salt:
   *     -kdfopt "info:DiskSeal SM4-AEAD v1 encryption key|MAC key" HKDF
   *   openssl enc -sm4-ctr -K $ENC -iv $NONCE
   *   openssl dgst -sha256 -mac HMAC -macopt hexkey:$MAC   (over u64be(3) ‖ "aad" ‖ nonce ‖ C)
   */
  it("matches the pinned construction vector", () => {
    const key = fromHex("0123456789abcdeffedcba9876543210");
    const nonce = fromHex("000102030405060708090a0b0c0d0e0f");
    const sealed = SM4_AEAD.seal(key, nonce, Buffer.from("DiskSeal SM4-AEAD"), Buffer.from("aad"));
    expect(sealed.toString("hex")).toBe(
      "6c820f26b3fb1674b1d51dd11f8b5b8201" + "5a5b8866906ff9359aeea36e88c55c86",
    );
  });

  it("is SM4-CTR under a derived key, so the ciphertext is not the raw key's CTR stream", () => {
    const key = randomBytes(16);
    const nonce = randomBytes(16);
    const plaintext = Buffer.alloc(64);
    const sealed = SM4_AEAD.seal(key, nonce, plaintext, Buffer.alloc(0));
    const rawCtr = createCipheriv("sm4-ctr", key, nonce).update(plaintext);
    expect(sealed.length).toBe(64 + 16);
    expect(sealed.subarray(0, 64).equals(rawCtr)).toBe(false);
  });

  it("binds the exact associated data: a shorter or longer aad fails", () => {
    const key = randomBytes(16);
    const nonce = randomBytes(16);
    const sealed = SM4_AEAD.seal(key, nonce, Buffer.from("x"), Buffer.from("ab"));
    expect(() => SM4_AEAD.open(key, nonce, sealed, Buffer.from("a"))).toThrow(
      AeadAuthenticationError,
    );
    expect(() => SM4_AEAD.open(key, nonce, sealed, Buffer.from("ab\0"))).toThrow(
      AeadAuthenticationError,
    );
  });
});

describe.each<[string, Aead]>([
  ["AES-256-GCM", AES_256_GCM],
  ["SM4-AEAD", SM4_AEAD],
])("%s seal/open", (_name, aead) => {
  const key = randomBytes(aead.keyBytes);
  const nonce = randomBytes(aead.nonceBytes);
  const aad = Buffer.from("associated data");

  it.each([0, 1, 15, 16, 17, 1000])("round-trips %i bytes", (length) => {
    const plaintext = randomBytes(length);
    const sealed = aead.seal(key, nonce, plaintext, aad);
    expect(sealed.length).toBe(length + aead.tagBytes);
    expect(aead.open(key, nonce, sealed, aad).equals(plaintext)).toBe(true);
  });

  it("rejects every single-bit flip of ciphertext and tag", () => {
    const sealed = aead.seal(key, nonce, randomBytes(40), aad);
    for (let index = 0; index < sealed.length; index++) {
      const altered = Buffer.from(sealed);
      altered[index] ^= 1 << (index % 8);
      expect(() => aead.open(key, nonce, altered, aad), `byte ${index}`).toThrow(
        AeadAuthenticationError,
      );
    }
  });

  it("rejects another nonce, another key, other associated data, and short input", () => {
    const sealed = aead.seal(key, nonce, Buffer.from("secret"), aad);
    const otherNonce = Buffer.from(nonce);
    otherNonce[0] ^= 1;
    expect(() => aead.open(key, otherNonce, sealed, aad)).toThrow(AeadAuthenticationError);
    expect(() => aead.open(randomBytes(aead.keyBytes), nonce, sealed, aad)).toThrow(
      AeadAuthenticationError,
    );
    expect(() => aead.open(key, nonce, sealed, Buffer.from("other"))).toThrow(
      AeadAuthenticationError,
    );
    expect(() => aead.open(key, nonce, sealed.subarray(0, 15), aad)).toThrow(
      AeadAuthenticationError,
    );
    expect(() => aead.open(key, nonce, sealed.subarray(1), aad)).toThrow(AeadAuthenticationError);
  });

  it("refuses wrong key and nonce lengths as programming errors", () => {
    expect(() => aead.seal(randomBytes(aead.keyBytes + 1), nonce, Buffer.alloc(1), aad)).toThrow(
      RangeError,
    );
    expect(() => aead.seal(key, randomBytes(aead.nonceBytes - 1), Buffer.alloc(1), aad)).toThrow(
      RangeError,
    );
  });
});
