import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, kmsClients, type KmsCall } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/** DryRun=true checks the request like the real call, then answers DryRunOperation and does nothing. */
let server: TestServer;
let call: KmsCall;

beforeAll(async () => {
  server = await startTestServer();
  call = kmsClients(server).pop;
});
afterAll(async () => {
  await server?.stop();
});

describe("KMS DryRun", () => {
  it("answers DryRunOperation for a call that would succeed, and performs nothing", async () => {
    const { KeyMetadata } = await call<{ KeyMetadata: { KeyId: string } }>("CreateKey", {});
    const blob = (await call<{ CiphertextBlob: string }>("Encrypt", { KeyId: KeyMetadata.KeyId, Plaintext: "aGk=" })).CiphertextBlob;
    for (const [action, params] of [
      ["GenerateDataKey", { KeyId: KeyMetadata.KeyId }],
      ["GenerateDataKeyWithoutPlaintext", { KeyId: KeyMetadata.KeyId }],
      ["Encrypt", { KeyId: KeyMetadata.KeyId, Plaintext: "aGk=" }],
      ["Decrypt", { CiphertextBlob: blob }],
    ] as const) {
      const failure = await failureOf(call(action, { ...params, DryRun: "true" }));
      expect(failure).toMatchObject({ code: "DryRunOperation", status: 400 });
    }
    // DryRun=false is the real call.
    const real = await call<{ Plaintext: string }>("Decrypt", { CiphertextBlob: blob, DryRun: "false" });
    expect(real.Plaintext).toBe("aGk=");
  });

  it("still refuses what the real call would refuse", async () => {
    const { KeyMetadata } = await call<{ KeyMetadata: { KeyId: string } }>("CreateKey", {});
    await call("DisableKey", { KeyId: KeyMetadata.KeyId });
    const failure = await failureOf(call("GenerateDataKey", { KeyId: KeyMetadata.KeyId, DryRun: "true" }));
    expect(failure).toMatchObject({ code: "Rejected.Disabled", status: 409 });
    expect((await failureOf(call("Encrypt", { KeyId: KeyMetadata.KeyId, Plaintext: "aGk=", DryRun: "yes" }))).code).toBe("InvalidParameter");
  });
});
