import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { getOrCreateServiceKey } from "@/lib/kms/service-key";
import { failureOf, kmsClients, type KmsCall, type KmsClientName } from "../helpers/kms-clients";
import { startInProcessEndpoint, type InProcessEndpoint } from "../helpers/in-process-endpoint";

/**
 * The ECS service key `alias/acs/ecs`: absent until ECS first uses it (getOrCreateServiceKey,
 * called here as the ECS service will), then usable by everyone and managed by no user;
 * and regions without customer master keys, where only it exists.
 */
let endpoint: InProcessEndpoint;
let clients: Record<KmsClientName, KmsCall>;

beforeAll(async () => {
  endpoint = await startInProcessEndpoint();
  clients = kmsClients(endpoint);
});
afterAll(async () => {
  await endpoint?.close();
});

const ecsContext = (regionId = "cn-hangzhou") => ({
  ...serviceContext(endpoint.rootContext(regionId), "ecs", "CAUSING-EVENT"),
  regionId,
});
type Metadata = Record<string, string>;

describe("before ECS first uses it", () => {
  it("does not exist", async () => {
    for (const call of Object.values(clients)) {
      expect(await failureOf(call("DescribeKey", { KeyId: "alias/acs/ecs" }))).toMatchObject({
        code: "Forbidden.AliasNotFound",
        status: 404,
      });
      const aliases = await call<{ Aliases: { Alias: { AliasName: string }[] } }>("ListAliases");
      expect(aliases.Aliases.Alias).toEqual([]);
    }
  });
});

describe("the service key", () => {
  it("is created once per region on ECS's first use, audited as ECS's CreateKey", async () => {
    const keys = await Promise.all(
      Array.from({ length: 5 }, () => getOrCreateServiceKey(ecsContext(), "cn-hangzhou")),
    );
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    expect((await getOrCreateServiceKey(ecsContext(), "cn-hangzhou")).keyId).toBe(keys[0].keyId);
    expect(keys[0]).toMatchObject({
      creatorType: "Service",
      creator: "Ecs",
      keyState: "Enabled",
      keySpec: "Aliyun_AES_256",
    });
    const events = await getRuntime().db.auditEvent.findMany({ where: { keyId: keys[0].keyId } });
    expect(events).toMatchObject([
      {
        action: "CreateKey",
        principal: "ecs.aliyuncs.com",
        source: "ecs-service",
        causedBy: "CAUSING-EVENT",
        result: "Success",
      },
    ]);
  });

  it.each(["sdk", "pop"] as const)("is described, listed and used through %s", async (name) => {
    const call = clients[name];
    const { KeyMetadata } = await call<{ KeyMetadata: Metadata }>("DescribeKey", {
      KeyId: "alias/acs/ecs",
    });
    expect(KeyMetadata).toMatchObject({
      KeyState: "Enabled",
      Creator: "Ecs",
      Origin: "Aliyun_KMS",
    });
    const listed = await call<{ Keys: { Key: { KeyId: string }[] } }>("ListKeys", {
      Filters: '[{"Key":"CreatorType","Values":["Service"]}]',
    });
    expect(listed.Keys.Key.map((k) => k.KeyId)).toEqual([KeyMetadata.KeyId]);
    const aliases = await call<{ Aliases: { Alias: { AliasName: string; KeyId: string }[] } }>(
      "ListAliases",
    );
    expect(aliases.Aliases.Alias).toContainEqual(
      expect.objectContaining({ AliasName: "alias/acs/ecs", KeyId: KeyMetadata.KeyId }),
    );
    // Users may use it: a disk's data key under the service key is the user's to decrypt.
    const dataKey = await call<{ CiphertextBlob: string; Plaintext: string; KeyId: string }>(
      "GenerateDataKey",
      { KeyId: "alias/acs/ecs", NumberOfBytes: 64 },
    );
    expect(dataKey.KeyId).toBe(KeyMetadata.KeyId);
    expect(
      (await call<{ Plaintext: string }>("Decrypt", { CiphertextBlob: dataKey.CiphertextBlob }))
        .Plaintext,
    ).toBe(dataKey.Plaintext);
  });

  it.each(["sdk", "pop"] as const)(
    "refuses every user management through %s with 400 Rejected.UnsupportedOperation",
    async (name) => {
      const call = clients[name];
      const KeyId = "alias/acs/ecs";
      const { KeyMetadata: mine } = await call<{ KeyMetadata: Metadata }>("CreateKey");
      const myAlias = `alias/mine-${name}`;
      await call("CreateAlias", { AliasName: myAlias, KeyId: mine.KeyId });
      for (const [action, params] of [
        ["DisableKey", { KeyId }],
        ["EnableKey", { KeyId }],
        ["ScheduleKeyDeletion", { KeyId, PendingWindowInDays: 7 }],
        ["CancelKeyDeletion", { KeyId }],
        ["SetDeletionProtection", { KeyId, EnableDeletionProtection: true }],
        ["UpdateRotationPolicy", { KeyId, EnableAutomaticRotation: true, RotationInterval: "30d" }],
        ["CreateKeyVersion", { KeyId }],
        ["UpdateKeyDescription", { KeyId, Description: "mine now" }],
        ["TagResource", { KeyId, Tags: '[{"TagKey":"a","TagValue":"b"}]' }],
        ["CreateAlias", { AliasName: "alias/to-the-service-key", KeyId }],
        ["UpdateAlias", { AliasName: myAlias, KeyId }],
        ["UpdateAlias", { AliasName: "alias/acs/ecs", KeyId: mine.KeyId }],
        ["DeleteAlias", { AliasName: "alias/acs/ecs" }],
      ] as const) {
        expect({ action, ...(await failureOf(call(action, params))) }).toMatchObject({
          action,
          code: "Rejected.UnsupportedOperation",
          status: 400,
        });
      }
      expect(
        await failureOf(call("CreateAlias", { AliasName: "alias/acs/mine", KeyId: mine.KeyId })),
      ).toMatchObject({ code: "InvalidParameter", status: 400 });
      expect(
        (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId })).KeyMetadata.KeyState,
      ).toBe("Enabled");
    },
  );
});

describe("regions without customer master keys", () => {
  it("refuse CreateKey but serve the service key, also by ARN", async () => {
    const bangkok = await getOrCreateServiceKey(ecsContext("ap-southeast-7"), "ap-southeast-7");
    expect(bangkok.arn).toContain(":ap-southeast-7:");
    for (const call of Object.values(clients)) {
      expect(await failureOf(call("CreateKey", { RegionId: "ap-southeast-7" }))).toMatchObject({
        code: "Rejected.UnsupportedOperation",
        status: 400,
      });
      const sealed = await call<{ CiphertextBlob: string; KeyId: string }>("Encrypt", {
        KeyId: "alias/acs/ecs",
        Plaintext: "aGk=",
        RegionId: "ap-southeast-7",
      });
      expect(sealed.KeyId).toBe(bangkok.keyId);
      const aliasArn = bangkok.arn.replace(/key\/.*$/, "alias/acs/ecs");
      expect(
        (await call<{ KeyId: string }>("Encrypt", { KeyId: aliasArn, Plaintext: "aGk=" })).KeyId,
      ).toBe(bangkok.keyId);
      expect(
        (
          await call<{ Plaintext: string }>("Decrypt", {
            CiphertextBlob: sealed.CiphertextBlob,
            RegionId: "ap-southeast-7",
          })
        ).Plaintext,
      ).toBe("aGk=");
      // Each region has its own service key.
      expect(
        (await call<{ KeyMetadata: Metadata }>("DescribeKey", { KeyId: "alias/acs/ecs" }))
          .KeyMetadata.KeyId,
      ).not.toBe(bangkok.keyId);
    }
  });
});
