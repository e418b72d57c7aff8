import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/** Encrypt, Decrypt, ReEncrypt, GenerateDataKey(WithoutPlaintext) through both official clients. */
let server: TestServer;
let clients: Record<KmsClientName, KmsCall>;

beforeAll(async () => {
  server = await startTestServer();
  clients = kmsClients(server);
});
afterAll(async () => {
  await server?.stop();
});

type Sealed = { CiphertextBlob: string; KeyId: string; KeyVersionId: string };
type Opened = { Plaintext: string; KeyId: string; KeyVersionId: string };
const b64 = (text: string) => Buffer.from(text).toString("base64");

describe.each(["sdk", "pop"] as const)("symmetric cryptography through %s", (clientName) => {
  const call: KmsCall = (action, params) => clients[clientName](action, params);
  const createKey = async (params: Record<string, unknown> = {}) =>
    (
      await call<{ KeyMetadata: { KeyId: string; Arn: string; PrimaryKeyVersion: string } }>(
        "CreateKey",
        params,
      )
    ).KeyMetadata;

  it.each(["Aliyun_AES_256", "Aliyun_SM4"])(
    "encrypts and decrypts with a %s key, by id, alias or ARN",
    async (KeySpec) => {
      const key = await createKey({ KeySpec });
      const alias = `alias/crypto-${clientName}-${KeySpec.toLowerCase()}-${Date.now()}`;
      await call("CreateAlias", { AliasName: alias, KeyId: key.KeyId });
      for (const keyId of [key.KeyId, alias, key.Arn]) {
        const sealed = await call<Sealed>("Encrypt", {
          KeyId: keyId,
          Plaintext: b64("attack at dawn"),
        });
        expect(sealed).toMatchObject({ KeyId: key.KeyId, KeyVersionId: key.PrimaryKeyVersion });
        const opened = await call<Opened>("Decrypt", { CiphertextBlob: sealed.CiphertextBlob });
        expect(opened).toEqual({
          Plaintext: b64("attack at dawn"),
          KeyId: key.KeyId,
          KeyVersionId: key.PrimaryKeyVersion,
          RequestId: expect.any(String),
        });
      }
    },
  );

  it("binds the EncryptionContext: same pairs in any order decrypt, anything else is refused", async () => {
    const { KeyId } = await createKey();
    const context = { disk: "d-bp1", purpose: "data key" };
    const sealed = await call<Sealed>("Encrypt", {
      KeyId,
      Plaintext: b64("secret"),
      EncryptionContext: context,
    });
    const reordered = { purpose: "data key", disk: "d-bp1" };
    expect(
      (
        await call<Opened>("Decrypt", {
          CiphertextBlob: sealed.CiphertextBlob,
          EncryptionContext: reordered,
        })
      ).Plaintext,
    ).toBe(b64("secret"));
    for (const wrong of [
      undefined,
      {},
      { disk: "d-bp1" },
      { ...context, extra: "x" },
      { disk: "d-bp2", purpose: "data key" },
    ]) {
      const params =
        wrong === undefined
          ? { CiphertextBlob: sealed.CiphertextBlob }
          : { CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: wrong };
      expect(await failureOf(call("Decrypt", params))).toMatchObject({
        code: "InvalidCiphertext",
        status: 400,
      });
    }
    // Contexts that a plain concatenation would confuse are distinct.
    const ab = await call<Sealed>("Encrypt", {
      KeyId,
      Plaintext: b64("x"),
      EncryptionContext: { ab: "c" },
    });
    expect(
      await failureOf(
        call("Decrypt", { CiphertextBlob: ab.CiphertextBlob, EncryptionContext: { a: "bc" } }),
      ),
    ).toMatchObject({ code: "InvalidCiphertext" });
  });

  it("refuses altered and foreign ciphertexts alike", async () => {
    const { KeyId } = await createKey();
    const { CiphertextBlob } = await call<Sealed>("Encrypt", { KeyId, Plaintext: b64("payload") });
    const bytes = Buffer.from(CiphertextBlob, "base64");
    bytes[bytes.length - 1] ^= 0x01;
    for (const blob of [bytes.toString("base64"), b64("not a blob at all"), "%%%"]) {
      expect(await failureOf(call("Decrypt", { CiphertextBlob: blob }))).toMatchObject({
        code: "InvalidCiphertext",
        status: 400,
      });
    }
  });

  it("generates data keys of the asked length, with and without plaintext", async () => {
    const { KeyId } = await createKey({ KeySpec: "Aliyun_SM4" });
    const context = { volume: "vol-1" };
    const aes256 = await call<Sealed & { Plaintext: string }>("GenerateDataKey", {
      KeyId,
      EncryptionContext: context,
    });
    expect(Buffer.from(aes256.Plaintext, "base64")).toHaveLength(32);
    const opened = await call<Opened>("Decrypt", {
      CiphertextBlob: aes256.CiphertextBlob,
      EncryptionContext: context,
    });
    expect(opened.Plaintext).toBe(aes256.Plaintext);
    const aes128 = await call<Sealed & { Plaintext: string }>("GenerateDataKey", {
      KeyId,
      KeySpec: "AES_128",
    });
    expect(Buffer.from(aes128.Plaintext, "base64")).toHaveLength(16);
    const xts = await call<Sealed & { Plaintext: string }>("GenerateDataKey", {
      KeyId,
      KeySpec: "AES_128",
      NumberOfBytes: 64,
    });
    expect(Buffer.from(xts.Plaintext, "base64")).toHaveLength(64);
    const without = await call<Sealed & { Plaintext?: string }>("GenerateDataKeyWithoutPlaintext", {
      KeyId,
      NumberOfBytes: 1024,
    });
    expect(without.Plaintext).toBeUndefined();
    const later = await call<Opened>("Decrypt", { CiphertextBlob: without.CiphertextBlob });
    expect(Buffer.from(later.Plaintext, "base64")).toHaveLength(1024);
    for (const NumberOfBytes of [0, 1025, 1.5]) {
      expect(await failureOf(call("GenerateDataKey", { KeyId, NumberOfBytes }))).toMatchObject({
        code: "InvalidParameter",
        status: 400,
      });
    }
    expect(await failureOf(call("GenerateDataKey", { KeyId, KeySpec: "AES_512" }))).toMatchObject({
      code: "InvalidParameter",
    });
  });

  it("re-encrypts under another key, without the plaintext leaving KMS", async () => {
    const source = await createKey();
    const destination = await createKey({ KeySpec: "Aliyun_SM4" });
    const sealed = await call<Sealed>("Encrypt", {
      KeyId: source.KeyId,
      Plaintext: b64("move me"),
      EncryptionContext: { from: "a" },
    });
    const moved = await call<Sealed>("ReEncrypt", {
      CiphertextBlob: sealed.CiphertextBlob,
      DestinationKeyId: destination.KeyId,
      SourceEncryptionContext: { from: "a" },
      DestinationEncryptionContext: { to: "b" },
    });
    expect(moved).toMatchObject({
      KeyId: destination.KeyId,
      KeyVersionId: destination.PrimaryKeyVersion,
    });
    expect(
      (
        await call<Opened>("Decrypt", {
          CiphertextBlob: moved.CiphertextBlob,
          EncryptionContext: { to: "b" },
        })
      ).Plaintext,
    ).toBe(b64("move me"));
    const wrongSource = {
      CiphertextBlob: sealed.CiphertextBlob,
      DestinationKeyId: destination.KeyId,
    };
    expect(await failureOf(call("ReEncrypt", wrongSource))).toMatchObject({
      code: "InvalidCiphertext",
    });
  });

  it("refuses asymmetric keys, oversized plaintext and non-base64 input", async () => {
    const rsa = await createKey({ KeySpec: "RSA_2048" });
    for (const [action, params] of [
      ["Encrypt", { KeyId: rsa.KeyId, Plaintext: b64("x") }],
      ["GenerateDataKey", { KeyId: rsa.KeyId }],
      ["GenerateDataKeyWithoutPlaintext", { KeyId: rsa.KeyId }],
    ] as const) {
      expect(await failureOf(call(action, params))).toMatchObject({
        code: "UnsupportedOperation",
        status: 400,
      });
    }
    const { KeyId } = await createKey();
    expect(
      await call<Sealed>("Encrypt", { KeyId, Plaintext: Buffer.alloc(6144, 1).toString("base64") }),
    ).toHaveProperty("CiphertextBlob");
    expect(
      await failureOf(
        call("Encrypt", { KeyId, Plaintext: Buffer.alloc(6145, 1).toString("base64") }),
      ),
    ).toMatchObject({ code: "InvalidParameter" });
    expect(await failureOf(call("Encrypt", { KeyId, Plaintext: "not base64!" }))).toMatchObject({
      code: "InvalidParameter",
    });
    expect(await failureOf(call("Encrypt", { KeyId }))).toMatchObject({ code: "MissingParameter" });
    expect(
      await failureOf(call("Encrypt", { KeyId, Plaintext: b64("x"), EncryptionContext: "[1]" })),
    ).toMatchObject({ code: "InvalidParameter" });
  });

  it("looks the blob's key up in the request's region", async () => {
    const { KeyId } = await createKey();
    const { CiphertextBlob } = await call<Sealed>("Encrypt", { KeyId, Plaintext: b64("here") });
    expect(
      await failureOf(call("Decrypt", { CiphertextBlob, RegionId: "cn-shanghai" })),
    ).toMatchObject({ code: "Forbidden.KeyNotFound", status: 404 });
  });
});

describe("between clients", () => {
  it("decrypts with pop-core what the SDK sealed with a map context, and back", async () => {
    const { KeyMetadata } = await clients.sdk<{ KeyMetadata: { KeyId: string } }>("CreateKey");
    const context = { "key.with.dots": "v1", tenant: "acme" };
    const bySdk = await clients.sdk<Sealed>("Encrypt", {
      KeyId: KeyMetadata.KeyId,
      Plaintext: b64("both ways"),
      EncryptionContext: context,
    });
    expect(
      (
        await clients.pop<Opened>("Decrypt", {
          CiphertextBlob: bySdk.CiphertextBlob,
          EncryptionContext: context,
        })
      ).Plaintext,
    ).toBe(b64("both ways"));
    const byPop = await clients.pop<Sealed>("Encrypt", {
      KeyId: KeyMetadata.KeyId,
      Plaintext: b64("both ways"),
      EncryptionContext: context,
    });
    expect(
      (
        await clients.sdk<Opened>("Decrypt", {
          CiphertextBlob: byPop.CiphertextBlob,
          EncryptionContext: context,
        })
      ).Plaintext,
    ).toBe(b64("both ways"));
  });
});
