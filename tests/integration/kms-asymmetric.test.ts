import { constants, createHash, createPublicKey, publicEncrypt, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * RSA_2048 and EC_P256 keys through both clients; every signature and ciphertext is checked with
 * node:crypto against the public key GetPublicKey returns, never with KMS's own code.
 */
let server: TestServer;
let clients: Record<KmsClientName, KmsCall>;

beforeAll(async () => {
  server = await startTestServer();
  clients = kmsClients(server);
});
afterAll(async () => {
  await server?.stop();
});

const MESSAGE = Buffer.from("the contract, as signed");
const DIGEST = createHash("sha256").update(MESSAGE).digest("base64");

describe.each(["sdk", "pop"] as const)("asymmetric keys through %s", (clientName) => {
  const call: KmsCall = (action, params) => clients[clientName](action, params);
  const createKey = async (params: Record<string, unknown>) =>
    (await call<{ KeyMetadata: { KeyId: string; PrimaryKeyVersion: string } }>("CreateKey", params))
      .KeyMetadata;
  const publicKeyOf = async (KeyId: string, KeyVersionId: string) => {
    const { PublicKey } = await call<{ PublicKey: string }>("GetPublicKey", {
      KeyId,
      KeyVersionId,
    });
    expect(PublicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    return createPublicKey(PublicKey);
  };

  it.each([
    ["RSA_2048", "RSA_PSS_SHA_256", { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }],
    ["RSA_2048", "RSA_PKCS1_SHA_256", {}],
    ["EC_P256", "ECDSA_SHA_256", {}],
  ] as const)(
    "%s signs with %s what node:crypto verifies on the message",
    async (KeySpec, Algorithm, options) => {
      const key = await createKey({ KeySpec, KeyUsage: "SIGN/VERIFY" });
      const publicKey = await publicKeyOf(key.KeyId, key.PrimaryKeyVersion);
      expect(publicKey.asymmetricKeyType).toBe(KeySpec === "EC_P256" ? "ec" : "rsa");
      const params = {
        KeyId: key.KeyId,
        KeyVersionId: key.PrimaryKeyVersion,
        Algorithm,
        Digest: DIGEST,
      };
      const signed = await call<{ Value: string; KeyId: string; KeyVersionId: string }>(
        "AsymmetricSign",
        params,
      );
      expect(signed).toMatchObject({ KeyId: key.KeyId, KeyVersionId: key.PrimaryKeyVersion });
      const signature = Buffer.from(signed.Value, "base64");
      expect(verify("sha256", MESSAGE, { key: publicKey, ...options }, signature)).toBe(true);
      expect(
        verify("sha256", Buffer.from("another message"), { key: publicKey, ...options }, signature),
      ).toBe(false);

      expect(
        (await call<{ Value: boolean }>("AsymmetricVerify", { ...params, Value: signed.Value }))
          .Value,
      ).toBe(true);
      const otherDigest = createHash("sha256").update("other").digest("base64");
      expect(
        (
          await call<{ Value: boolean }>("AsymmetricVerify", {
            ...params,
            Digest: otherDigest,
            Value: signed.Value,
          })
        ).Value,
      ).toBe(false);
    },
  );

  it.each([
    ["RSAES_OAEP_SHA_256", "sha256", 190],
    ["RSAES_OAEP_SHA_1", "sha1", 214],
  ] as const)(
    "RSA encrypts with %s what the private key decrypts, both directions",
    async (Algorithm, oaepHash, max) => {
      const key = await createKey({ KeySpec: "RSA_2048", KeyUsage: "ENCRYPT/DECRYPT" });
      const versioned = { KeyId: key.KeyId, KeyVersionId: key.PrimaryKeyVersion, Algorithm };
      const publicKey = await publicKeyOf(key.KeyId, key.PrimaryKeyVersion);
      const local = publicEncrypt(
        { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash },
        Buffer.from("sealed outside KMS"),
      );
      const opened = await call<{ Plaintext: string }>("AsymmetricDecrypt", {
        ...versioned,
        CiphertextBlob: local.toString("base64"),
      });
      expect(Buffer.from(opened.Plaintext, "base64").toString()).toBe("sealed outside KMS");

      const plaintext = Buffer.alloc(max, 7).toString("base64");
      const sealed = await call<{ CiphertextBlob: string }>("AsymmetricEncrypt", {
        ...versioned,
        Plaintext: plaintext,
      });
      expect(Buffer.from(sealed.CiphertextBlob, "base64")).toHaveLength(256);
      expect(
        (
          await call<{ Plaintext: string }>("AsymmetricDecrypt", {
            ...versioned,
            CiphertextBlob: sealed.CiphertextBlob,
          })
        ).Plaintext,
      ).toBe(plaintext);
      expect(
        await failureOf(
          call("AsymmetricEncrypt", {
            ...versioned,
            Plaintext: Buffer.alloc(max + 1).toString("base64"),
          }),
        ),
      ).toMatchObject({ code: "InvalidParameter" });
      const garbled = Buffer.from(sealed.CiphertextBlob, "base64");
      garbled[10] ^= 1;
      expect(
        await failureOf(
          call("AsymmetricDecrypt", { ...versioned, CiphertextBlob: garbled.toString("base64") }),
        ),
      ).toMatchObject({ code: "InvalidCiphertext", status: 400 });
    },
  );

  it("keeps each key to its usage, algorithm and version", async () => {
    const signing = await createKey({ KeySpec: "RSA_2048", KeyUsage: "SIGN/VERIFY" });
    const ec = await createKey({ KeySpec: "EC_P256" });
    const aes = await createKey({ KeySpec: "Aliyun_AES_256" });
    const sign = (
      key: { KeyId: string; PrimaryKeyVersion: string },
      Algorithm: string,
      extra: Record<string, unknown> = {},
    ) =>
      call("AsymmetricSign", {
        KeyId: key.KeyId,
        KeyVersionId: key.PrimaryKeyVersion,
        Algorithm,
        Digest: DIGEST,
        ...extra,
      });

    expect(
      await failureOf(
        call("AsymmetricEncrypt", {
          KeyId: signing.KeyId,
          KeyVersionId: signing.PrimaryKeyVersion,
          Algorithm: "RSAES_OAEP_SHA_256",
          Plaintext: "eA==",
        }),
      ),
    ).toMatchObject({ code: "UnsupportedOperation", status: 400 });
    expect(await failureOf(sign(aes, "RSA_PSS_SHA_256"))).toMatchObject({
      code: "UnsupportedOperation",
    });
    expect(await failureOf(sign(ec, "RSA_PSS_SHA_256"))).toMatchObject({
      code: "InvalidParameter",
    });
    expect(await failureOf(sign(signing, "ECDSA_SHA_256"))).toMatchObject({
      code: "InvalidParameter",
    });
    expect(await failureOf(sign(signing, "RSA_PSS_SHA_384"))).toMatchObject({
      code: "InvalidParameter",
    });
    expect(
      await failureOf(
        sign(signing, "RSA_PSS_SHA_256", { Digest: Buffer.alloc(20).toString("base64") }),
      ),
    ).toMatchObject({ code: "InvalidParameter" });
    expect(
      await failureOf(sign(signing, "RSA_PSS_SHA_256", { KeyVersionId: ec.PrimaryKeyVersion })),
    ).toMatchObject({ code: "Forbidden.KeyVersionNotFound", status: 404 });
    expect(
      await failureOf(
        call("AsymmetricSign", {
          KeyId: signing.KeyId,
          Algorithm: "RSA_PSS_SHA_256",
          Digest: DIGEST,
        }),
      ),
    ).toMatchObject({ code: "MissingParameter" });
    expect(
      await failureOf(
        call("GetPublicKey", { KeyId: aes.KeyId, KeyVersionId: aes.PrimaryKeyVersion }),
      ),
    ).toMatchObject({ code: "UnsupportedOperation" });
  });
});
