import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/**
 * Time on the emulator clock (DiskSeal 2026-11-28 AdvanceEmulatorClock via pop-core): deletion
 * when the window ends, automatic rotation, and the version APIs — through both KMS clients.
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

const advance = (Seconds: number) =>
  server.pop("2026-11-28").request("AdvanceEmulatorClock", { Seconds });
type Metadata = Record<string, string>;
type Sealed = { CiphertextBlob: string; KeyId: string; KeyVersionId: string };
type Versions = {
  KeyVersions: { KeyVersion: { KeyId: string; KeyVersionId: string; CreationDate: string }[] };
  TotalCount: number;
};

describe.each(["sdk", "pop"] as const)("on the emulator clock through %s", (clientName) => {
  const call: KmsCall = (action, params) => clients[clientName](action, params);
  const describeKey = async (KeyId: string) =>
    (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId })).KeyMetadata;
  const createKey = async (params: Record<string, unknown> = {}) =>
    (await call<{ KeyMetadata: Metadata }>("CreateKey", params)).KeyMetadata;

  it("deletes the key and its material when the window ends, not a second before", async () => {
    const key = await createKey();
    const alias = `alias/doomed-${clientName}`;
    await call("CreateAlias", { AliasName: alias, KeyId: key.KeyId });
    const { CiphertextBlob } = await call<Sealed>("Encrypt", {
      KeyId: key.KeyId,
      Plaintext: "ZGF0YQ==",
    });
    await call("ScheduleKeyDeletion", { KeyId: key.KeyId, PendingWindowInDays: 7 });

    await advance(7 * DAY - 60);
    expect((await describeKey(key.KeyId)).KeyState).toBe("PendingDeletion");
    expect(await failureOf(call("Decrypt", { CiphertextBlob }))).toMatchObject({
      code: "Rejected.PendingDeletion",
      status: 409,
    });

    await advance(120);
    for (const [action, params] of [
      ["DescribeKey", { KeyId: key.KeyId }],
      ["DescribeKey", { KeyId: key.Arn }],
      ["Decrypt", { CiphertextBlob }],
      ["CancelKeyDeletion", { KeyId: key.KeyId }],
      ["ListKeyVersions", { KeyId: key.KeyId }],
    ] as const) {
      expect(await failureOf(call(action, params))).toMatchObject({
        code: "Forbidden.KeyNotFound",
        status: 404,
      });
    }
    expect(await failureOf(call("DescribeKey", { KeyId: alias }))).toMatchObject({
      code: "Forbidden.AliasNotFound",
      status: 404,
    });
    const listed = await call<{ Keys: { Key: { KeyId: string }[] } }>("ListKeys", {
      PageSize: 100,
    });
    expect(listed.Keys.Key.map((k) => k.KeyId)).not.toContain(key.KeyId);
    const aliases = await call<{ Aliases: { Alias: { AliasName: string }[] } }>("ListAliases", {
      PageSize: 100,
    });
    expect(aliases.Aliases.Alias.map((a) => a.AliasName)).not.toContain(alias);

    // The trail keeps the key's history: every operation, the refusals included.
    type Events = { Events: { Action: string; Result: string }[] };
    const events = await server
      .pop("2026-11-28")
      .request<Events>("LookupEvents", { KeyId: key.KeyId, MaxResults: 100 });
    expect(events.Events.map((e) => `${e.Action}:${e.Result}`).reverse()).toEqual([
      "CreateKey:Success",
      "CreateAlias:Success",
      "Encrypt:Success",
      "ScheduleKeyDeletion:Success",
      "DescribeKey:Success",
      "Decrypt:Rejected.PendingDeletion",
      "DescribeKey:Forbidden.KeyNotFound",
      "DescribeKey:Forbidden.KeyNotFound",
      "Decrypt:Forbidden.KeyNotFound",
      "CancelKeyDeletion:Forbidden.KeyNotFound",
      "ListKeyVersions:Forbidden.KeyNotFound",
    ]);
  });

  it("rotates on the clock; old blobs keep decrypting with their own version", async () => {
    const key = await createKey({ EnableAutomaticRotation: true, RotationInterval: "7d" });
    const v1 = key.PrimaryKeyVersion;
    const old = await call<Sealed>("Encrypt", {
      KeyId: key.KeyId,
      Plaintext: "b2xk",
      EncryptionContext: { k: "v" },
    });
    expect(old.KeyVersionId).toBe(v1);

    await advance(7 * DAY + 1);
    const rotated = await describeKey(key.KeyId);
    expect(rotated.PrimaryKeyVersion).not.toBe(v1);
    expect(rotated.AutomaticRotation).toBe("Enabled");
    expect(Date.parse(rotated.NextRotationDate) - Date.parse(rotated.LastRotationDate)).toBe(
      7 * DAY * 1000,
    );
    const versions = await call<Versions>("ListKeyVersions", { KeyId: key.KeyId });
    expect(versions.TotalCount).toBe(2);
    expect(versions.KeyVersions.KeyVersion.map((v) => v.KeyVersionId)).toEqual([
      v1,
      rotated.PrimaryKeyVersion,
    ]);

    const opened = await call<{ Plaintext: string; KeyVersionId: string }>("Decrypt", {
      CiphertextBlob: old.CiphertextBlob,
      EncryptionContext: { k: "v" },
    });
    expect(opened).toMatchObject({ Plaintext: "b2xk", KeyVersionId: v1 });
    expect(
      (await call<Sealed>("Encrypt", { KeyId: key.KeyId, Plaintext: "bmV3" })).KeyVersionId,
    ).toBe(rotated.PrimaryKeyVersion);
  });

  it("suspends rotation while the key is disabled and catches up once enabled", async () => {
    const key = await createKey({ EnableAutomaticRotation: true, RotationInterval: "7d" });
    await call("DisableKey", { KeyId: key.KeyId });
    expect((await describeKey(key.KeyId)).AutomaticRotation).toBe("Suspended");
    await advance(8 * DAY);
    expect((await describeKey(key.KeyId)).PrimaryKeyVersion).toBe(key.PrimaryKeyVersion);
    await call("EnableKey", { KeyId: key.KeyId });
    await advance(1);
    expect((await describeKey(key.KeyId)).PrimaryKeyVersion).not.toBe(key.PrimaryKeyVersion);
  });

  it("creates, lists and describes versions; the rotation policy turns on and off", async () => {
    const key = await createKey();
    type Version = { KeyVersion: { KeyId: string; KeyVersionId: string; CreationDate: string } };
    const created = await call<Version>("CreateKeyVersion", { KeyId: key.KeyId });
    expect(created.KeyVersion.KeyId).toBe(key.KeyId);
    expect((await describeKey(key.KeyId)).PrimaryKeyVersion).toBe(created.KeyVersion.KeyVersionId);
    const described = await call<Version>("DescribeKeyVersion", {
      KeyId: key.KeyId,
      KeyVersionId: key.PrimaryKeyVersion,
    });
    expect(described.KeyVersion).toMatchObject({
      KeyId: key.KeyId,
      KeyVersionId: key.PrimaryKeyVersion,
      CreationDate: key.CreationDate,
    });
    const page = await call<Versions & { PageNumber: number; PageSize: number }>(
      "ListKeyVersions",
      { KeyId: key.KeyId, PageSize: 1, PageNumber: 2 },
    );
    expect(page).toMatchObject({ TotalCount: 2, PageNumber: 2, PageSize: 1 });
    expect(page.KeyVersions.KeyVersion.map((v) => v.KeyVersionId)).toEqual([
      created.KeyVersion.KeyVersionId,
    ]);
    expect(
      await failureOf(
        call("DescribeKeyVersion", {
          KeyId: key.KeyId,
          KeyVersionId: "00000000-0000-0000-0000-000000000000",
        }),
      ),
    ).toMatchObject({ code: "Forbidden.KeyVersionNotFound", status: 404 });

    await call("UpdateRotationPolicy", {
      KeyId: key.KeyId,
      EnableAutomaticRotation: true,
      RotationInterval: "365d",
    });
    expect(await describeKey(key.KeyId)).toMatchObject({
      AutomaticRotation: "Enabled",
      RotationInterval: "31536000s",
    });
    await call("UpdateRotationPolicy", { KeyId: key.KeyId, EnableAutomaticRotation: false });
    const off = await describeKey(key.KeyId);
    expect(off.AutomaticRotation).toBe("Disabled");
    expect(off.NextRotationDate).toBeUndefined();
    expect(
      await failureOf(
        call("UpdateRotationPolicy", { KeyId: key.KeyId, EnableAutomaticRotation: true }),
      ),
    ).toMatchObject({ code: "MissingParameter" });
    expect(
      await failureOf(
        call("UpdateRotationPolicy", {
          KeyId: key.KeyId,
          EnableAutomaticRotation: true,
          RotationInterval: "1d",
        }),
      ),
    ).toMatchObject({ code: "InvalidParameter" });
  });

  it("does not rotate asymmetric keys or imported material", async () => {
    const ec = await createKey({ KeySpec: "EC_P256" });
    expect(await failureOf(call("CreateKeyVersion", { KeyId: ec.KeyId }))).toMatchObject({
      code: "UnsupportedOperation",
      status: 400,
    });
    expect(
      await failureOf(
        call("UpdateRotationPolicy", {
          KeyId: ec.KeyId,
          EnableAutomaticRotation: true,
          RotationInterval: "30d",
        }),
      ),
    ).toMatchObject({ code: "UnsupportedOperation" });
  });
});

describe("ResetEmulator", () => {
  it("drops every key, version and alias, and what was cached of them", async () => {
    const call = clients.pop;
    const { KeyMetadata } = await call<{ KeyMetadata: Metadata }>("CreateKey");
    await call("CreateAlias", { AliasName: "alias/before-reset", KeyId: KeyMetadata.KeyId });
    const { CiphertextBlob } = await call<Sealed>("Encrypt", {
      KeyId: KeyMetadata.KeyId,
      Plaintext: "aGk=",
    });
    await server.pop("2026-11-28").request("ResetEmulator");
    expect(await failureOf(call("DescribeKey", { KeyId: KeyMetadata.KeyId }))).toMatchObject({
      code: "Forbidden.KeyNotFound",
    });
    expect(await failureOf(call("Decrypt", { CiphertextBlob }))).toMatchObject({
      code: "Forbidden.KeyNotFound",
    });
    expect(await failureOf(call("DescribeKey", { KeyId: "alias/before-reset" }))).toMatchObject({
      code: "Forbidden.AliasNotFound",
    });
    expect((await call<{ TotalCount: number }>("ListKeys")).TotalCount).toBe(0);
  });
});
