import { createHash, createPublicKey, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wrapKeyMaterial } from "@/lib/crypto/byok";
import { openBlob } from "@/lib/crypto/kms-blob";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * Bring your own key, end to end through both clients: the user's material, wrapped with
 * lib/crypto/byok.ts wrapKeyMaterial (what they would do with openssl), imported, used,
 * expired on the emulator clock, deleted and imported again.
 */
let server: TestServer;
let clients: Record<KmsClientName, KmsCall>;
const DAY = 86_400;

beforeAll(async () => {
  server = await startTestServer();
  clients = kmsClients(server);
});
afterAll(async () => {
  await server?.stop();
});

const diskseal = () => server.pop("2026-11-28");
const emulatorNow = async () =>
  Date.parse((await diskseal().request<{ Now: string }>("DescribeEmulatorClock")).Now);
type Parameters = {
  KeyId: string;
  ImportToken: string;
  PublicKey: string;
  TokenExpireTime: string;
};

describe.each(["sdk", "pop"] as const)("BYOK through %s", (clientName) => {
  const call: KmsCall = (action, params) => clients[clientName](action, params);
  const state = async (KeyId: string) =>
    (await call<{ KeyMetadata: Record<string, string> }>("DescribeKey", { KeyId })).KeyMetadata;
  const externalKey = async (KeySpec = "Aliyun_AES_256") =>
    (
      await call<{ KeyMetadata: { KeyId: string; KeyState: string } }>("CreateKey", {
        Origin: "EXTERNAL",
        KeySpec,
      })
    ).KeyMetadata;
  const parameters = (KeyId: string, WrappingAlgorithm = "RSAES_OAEP_SHA_256") =>
    call<Parameters>("GetParametersForImport", {
      KeyId,
      WrappingAlgorithm,
      WrappingKeySpec: "RSA_2048",
    });
  const importMaterial = async (
    KeyId: string,
    material: Buffer,
    expireUnix = 0,
    algorithm = "RSAES_OAEP_SHA_256",
  ) => {
    const p = await parameters(KeyId, algorithm);
    const EncryptedKeyMaterial = wrapKeyMaterial(p.PublicKey, algorithm, material).toString(
      "base64",
    );
    return call("ImportKeyMaterial", {
      KeyId,
      EncryptedKeyMaterial,
      ImportToken: p.ImportToken,
      KeyMaterialExpireUnix: expireUnix,
    });
  };

  it("imports material: PendingImport → Enabled, and KMS really encrypts with it", async () => {
    const key = await externalKey();
    expect(key.KeyState).toBe("PendingImport");
    const p = await parameters(key.KeyId);
    expect(
      createPublicKey({ key: Buffer.from(p.PublicKey, "base64"), format: "der", type: "spki" })
        .asymmetricKeyDetails?.modulusLength,
    ).toBe(2048);
    expect(Date.parse(p.TokenExpireTime) - (await emulatorNow())).toBeGreaterThan(23 * 3600_000);

    const material = randomBytes(32);
    const expireUnix = Math.floor((await emulatorNow()) / 1000) + 2 * DAY;
    await importMaterial(key.KeyId, material, expireUnix);
    const imported = await state(key.KeyId);
    expect(imported).toMatchObject({
      KeyState: "Enabled",
      Origin: "EXTERNAL",
      MaterialExpireTime: new Date(expireUnix * 1000).toISOString().replace(".000", ""),
    });

    const sealed = await call<{ CiphertextBlob: string }>("Encrypt", {
      KeyId: key.KeyId,
      Plaintext: "bXkgZGF0YQ==",
      EncryptionContext: { app: "x" },
    });
    // The blob opens with the user's own material: the imported bytes are the key.
    expect(openBlob(sealed.CiphertextBlob, material, { app: "x" }).toString()).toBe("my data");

    // Expiry on the emulator clock → PendingImport; the same material brings it back.
    await diskseal().request("AdvanceEmulatorClock", { Seconds: 2 * DAY + 1 });
    const expired = await state(key.KeyId);
    expect(expired.KeyState).toBe("PendingImport");
    expect(expired.MaterialExpireTime).toBeUndefined();
    expect(
      await failureOf(
        call("Decrypt", { CiphertextBlob: sealed.CiphertextBlob, EncryptionContext: { app: "x" } }),
      ),
    ).toMatchObject({ code: "Rejected.PendingImport", status: 409 });
    expect(await failureOf(importMaterial(key.KeyId, randomBytes(32)))).toMatchObject({
      code: "InvalidKeyMaterial",
      status: 400,
    });
    await importMaterial(key.KeyId, material, 0, "RSAES_OAEP_SHA_1");
    expect((await state(key.KeyId)).KeyState).toBe("Enabled");
    const opened = await call<{ Plaintext: string }>("Decrypt", {
      CiphertextBlob: sealed.CiphertextBlob,
      EncryptionContext: { app: "x" },
    });
    expect(opened.Plaintext).toBe("bXkgZGF0YQ==");

    // DeleteKeyMaterial: back to PendingImport at once.
    await call("DeleteKeyMaterial", { KeyId: key.KeyId });
    expect((await state(key.KeyId)).KeyState).toBe("PendingImport");
    await importMaterial(key.KeyId, material);
    expect((await state(key.KeyId)).KeyState).toBe("Enabled");
  });

  it("imports SM4 material of 16 bytes", async () => {
    const key = await externalKey("Aliyun_SM4");
    expect(await failureOf(importMaterial(key.KeyId, randomBytes(32)))).toMatchObject({
      code: "InvalidKeyMaterial",
    });
    await importMaterial(key.KeyId, createHash("md5").update("sixteen bytes!").digest());
    expect((await state(key.KeyId)).KeyState).toBe("Enabled");
  });

  it("refuses what is not a valid import", async () => {
    const key = await externalKey();
    const other = await externalKey();
    const p = await parameters(key.KeyId);
    const wrapped = wrapKeyMaterial(p.PublicKey, "RSAES_OAEP_SHA_256", randomBytes(32)).toString(
      "base64",
    );
    const importWith = (params: Record<string, unknown>) =>
      call("ImportKeyMaterial", {
        KeyId: key.KeyId,
        EncryptedKeyMaterial: wrapped,
        ImportToken: p.ImportToken,
        KeyMaterialExpireUnix: 0,
        ...params,
      });

    expect(await failureOf(importWith({ KeyId: other.KeyId }))).toMatchObject({
      code: "InvalidImportToken",
      status: 400,
    });
    expect(await failureOf(importWith({ ImportToken: "bm90IGEgdG9rZW4=" }))).toMatchObject({
      code: "InvalidImportToken",
    });
    expect(
      await failureOf(importWith({ EncryptedKeyMaterial: randomBytes(256).toString("base64") })),
    ).toMatchObject({ code: "InvalidKeyMaterial" });
    const sha1Wrapped = wrapKeyMaterial(p.PublicKey, "RSAES_OAEP_SHA_1", randomBytes(32)).toString(
      "base64",
    );
    expect(await failureOf(importWith({ EncryptedKeyMaterial: sha1Wrapped }))).toMatchObject({
      code: "InvalidKeyMaterial",
    });
    const past = Math.floor((await emulatorNow()) / 1000) - 60;
    expect(await failureOf(importWith({ KeyMaterialExpireUnix: past }))).toMatchObject({
      code: "InvalidParameter",
    });

    const pkcs1 = await failureOf(parameters(key.KeyId, "RSAES_PKCS1_V1_5"));
    expect(pkcs1).toMatchObject({ code: "InvalidParameter", status: 400 });
    expect(pkcs1.message).toContain("RSAES_OAEP_SHA_256 and RSAES_OAEP_SHA_1");
    expect(
      await failureOf(
        call("GetParametersForImport", {
          KeyId: key.KeyId,
          WrappingAlgorithm: "SM2PKE",
          WrappingKeySpec: "EC_SM2",
        }),
      ),
    ).toMatchObject({ code: "InvalidParameter" });

    const kmsKey = (await call<{ KeyMetadata: { KeyId: string } }>("CreateKey")).KeyMetadata;
    for (const action of ["GetParametersForImport", "DeleteKeyMaterial"]) {
      const params =
        action === "DeleteKeyMaterial"
          ? { KeyId: kmsKey.KeyId }
          : {
              KeyId: kmsKey.KeyId,
              WrappingAlgorithm: "RSAES_OAEP_SHA_256",
              WrappingKeySpec: "RSA_2048",
            };
      expect(await failureOf(call(action, params))).toMatchObject({
        code: "Unsupported.Origin",
        status: 400,
      });
    }

    // Tokens last 24 hours on the emulator clock.
    await diskseal().request("AdvanceEmulatorClock", { Seconds: DAY + 1 });
    expect(await failureOf(importWith({}))).toMatchObject({
      code: "ExpiredImportToken",
      status: 400,
    });
  });
});
