import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startTestServer, type TestServer } from "../helpers/server";

/** Keys through both official clients: CreateKey (and its refusals), DescribeKey, ListKeys. */
let server: TestServer;
let clients: Record<KmsClientName, KmsCall>;

beforeAll(async () => {
  server = await startTestServer();
  clients = kmsClients(server);
});
afterAll(async () => {
  await server?.stop();
});

type Metadata = Record<string, string>;

describe.each(["sdk", "pop"] as const)("keys through %s", (clientName) => {
  const call: KmsCall = (action, params) => clients[clientName](action, params);
  const create = async (params: Record<string, unknown> = {}) =>
    (await call<{ KeyMetadata: Metadata }>("CreateKey", params)).KeyMetadata;

  it("creates keys of every spec with Alibaba's KeyMetadata", async () => {
    const aes = await create({ Description: "orders database" });
    expect(aes).toMatchObject({
      KeyState: "Enabled",
      KeySpec: "Aliyun_AES_256",
      KeyUsage: "ENCRYPT/DECRYPT",
      Origin: "Aliyun_KMS",
      ProtectionLevel: "SOFTWARE",
      Description: "orders database",
      AutomaticRotation: "Disabled",
    });
    expect(aes.KeyId).toMatch(/^key-[a-z0-9]{24}$/);
    expect(aes.Arn).toMatch(new RegExp(`^acs:kms:cn-hangzhou:\\d{16}:key/${aes.KeyId}$`));
    expect(aes.Creator).toMatch(/^\d{16}$/);
    expect(aes.CreationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(aes.PrimaryKeyVersion).toMatch(/^[0-9a-f-]{36}$/);
    expect(aes.DeleteDate).toBeUndefined();

    expect(await create({ KeySpec: "Aliyun_SM4", ProtectionLevel: "HSM" })).toMatchObject({
      KeySpec: "Aliyun_SM4",
      ProtectionLevel: "HSM",
    });
    expect(await create({ KeySpec: "RSA_2048" })).toMatchObject({
      KeySpec: "RSA_2048",
      KeyUsage: "ENCRYPT/DECRYPT",
    });
    expect(await create({ KeySpec: "RSA_2048", KeyUsage: "SIGN/VERIFY" })).toMatchObject({
      KeyUsage: "SIGN/VERIFY",
    });
    expect(await create({ KeySpec: "EC_P256" })).toMatchObject({
      KeySpec: "EC_P256",
      KeyUsage: "SIGN/VERIFY",
    });
    expect(await create({ Origin: "EXTERNAL" })).toMatchObject({
      Origin: "EXTERNAL",
      KeyState: "PendingImport",
    });
    const rotating = await create({ EnableAutomaticRotation: true, RotationInterval: "30d" });
    expect(rotating).toMatchObject({ AutomaticRotation: "Enabled", RotationInterval: "2592000s" });
    expect(Date.parse(rotating.NextRotationDate) - Date.parse(rotating.CreationDate)).toBe(
      30 * 86_400_000,
    );
  });

  it("describes a key by id, alias and ARN; another region's or account's ARN is not found", async () => {
    const key = await create();
    const alias = `alias/describe-${clientName}-${randomUUID().slice(0, 8)}`;
    await call("CreateAlias", { AliasName: alias, KeyId: key.KeyId });
    for (const keyId of [key.KeyId, alias, key.Arn]) {
      expect(
        (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId: keyId })).KeyMetadata.KeyId,
      ).toBe(key.KeyId);
    }
    const otherRegion = key.Arn.replace(":cn-hangzhou:", ":cn-shanghai:");
    const otherAccount = key.Arn.replace(/:\d{16}:/, ":1111111111111111:");
    for (const keyId of [otherRegion, otherAccount, "key-doesnotexist000000000000"]) {
      expect(await failureOf(call("DescribeKey", { KeyId: keyId }))).toMatchObject({
        code: "Forbidden.KeyNotFound",
        status: 404,
      });
    }
    expect(await failureOf(call("DescribeKey", { KeyId: "alias/none-such" }))).toMatchObject({
      code: "Forbidden.AliasNotFound",
      status: 404,
    });
    // A key made in another region through its ARN-less RegionId is found by its ARN only.
    const shanghai = await create({ RegionId: "cn-shanghai" });
    expect(shanghai.Arn).toContain(":cn-shanghai:");
    expect(
      (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId: shanghai.Arn })).KeyMetadata
        .KeyId,
    ).toBe(shanghai.KeyId);
    expect(await failureOf(call("DescribeKey", { KeyId: shanghai.KeyId }))).toMatchObject({
      code: "Forbidden.KeyNotFound",
    });
  });

  it("lists keys with paging and Filters", async () => {
    const run = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const key = await create({ Tags: JSON.stringify([{ TagKey: "run", TagValue: run }]) });
      ids.push(key.KeyId);
    }
    await call("DisableKey", { KeyId: ids[4] });
    const byRun = JSON.stringify([{ Key: "TagValue", Values: [run] }]);
    type Listed = {
      Keys: { Key: { KeyId: string; KeyArn: string }[] };
      TotalCount: number;
      PageNumber: number;
      PageSize: number;
    };
    const first = await call<Listed>("ListKeys", { Filters: byRun, PageSize: 2 });
    expect(first).toMatchObject({ TotalCount: 5, PageNumber: 1, PageSize: 2 });
    expect(first.Keys.Key.map((k) => k.KeyId)).toEqual(ids.slice(0, 2));
    expect(first.Keys.Key[0].KeyArn).toMatch(/^acs:kms:cn-hangzhou:\d{16}:key\//);
    const third = await call<Listed>("ListKeys", { Filters: byRun, PageSize: 2, PageNumber: 3 });
    expect(third.Keys.Key.map((k) => k.KeyId)).toEqual([ids[4]]);
    const enabled = JSON.stringify([
      { Key: "TagValue", Values: [run] },
      { Key: "KeyState", Values: ["Enabled"] },
    ]);
    expect((await call<Listed>("ListKeys", { Filters: enabled, PageSize: 100 })).TotalCount).toBe(
      4,
    );
    const all = await call<Listed>("ListKeys", { PageSize: 100 });
    expect(all.TotalCount).toBeGreaterThanOrEqual(5);
    for (const bad of [
      '[{"Key":"Colour","Values":["red"]}]',
      "nope",
      '[{"Key":"KeyState","Values":[]}]',
    ]) {
      expect(await failureOf(call("ListKeys", { Filters: bad }))).toMatchObject({
        code: "InvalidParameter",
        status: 400,
      });
    }
    expect(await failureOf(call("ListKeys", { PageSize: 101 }))).toMatchObject({
      code: "InvalidParameter",
    });
  });

  it("refuses CreateKey where the region has no customer master keys", async () => {
    for (const RegionId of ["cn-fuzhou", "ap-southeast-7"]) {
      expect(await failureOf(call("CreateKey", { RegionId }))).toMatchObject({
        code: "Rejected.UnsupportedOperation",
        status: 400,
      });
    }
    expect(await failureOf(call("CreateKey", { RegionId: "xx-nowhere-1" }))).toMatchObject({
      code: "InvalidRegionId.NotFound",
      status: 404,
    });
  });

  it.each([
    [{ KeySpec: "RSA_3072" }, "InvalidParameter"],
    [{ KeySpec: "aliyun_aes_256" }, "InvalidParameter"],
    [{ KeyUsage: "SIGN/VERIFY" }, "InvalidParameter"],
    [{ KeySpec: "EC_P256", KeyUsage: "ENCRYPT/DECRYPT" }, "InvalidParameter"],
    [{ Origin: "EXTERNAL", KeySpec: "RSA_2048" }, "InvalidParameter"],
    [{ EnableAutomaticRotation: true }, "MissingParameter"],
    [{ EnableAutomaticRotation: true, RotationInterval: "6d" }, "InvalidParameter"],
    [{ EnableAutomaticRotation: true, RotationInterval: "731d" }, "InvalidParameter"],
    [
      { EnableAutomaticRotation: true, RotationInterval: "365d", Origin: "EXTERNAL" },
      "InvalidParameter",
    ],
    [{ EnableAutomaticRotation: "yes" }, "InvalidParameter"],
    [{ Description: "x".repeat(8193) }, "InvalidParameter"],
  ])("refuses CreateKey %o with %s", async (params, code) => {
    expect(await failureOf(call("CreateKey", params))).toMatchObject({ code, status: 400 });
  });
});
