import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { failureOf, kmsClients, type KmsCall } from "../helpers/kms-clients";
import { accountOf, createDisk, describeDisk, diskseal, ecsPop } from "../helpers/ecs-disks";

/**
 * Encrypted disks through the ECS SDK: the service key, customer master keys (id, alias, ARN)
 * and the role, every encryption refusal of CreateDisk with its code, status and message,
 * encryption by default, and the audit trail of ECS's KMS calls.
 */
let server: TestServer;
let kms: KmsCall;
let account = "";
const Z = "cn-hangzhou-h";

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).pop;
  account = await accountOf(server);
});
afterAll(async () => {
  await server?.stop();
});

const encryptedDisk = (params: ConstructorParameters<typeof $Ecs.CreateDiskRequest>[0] = {}) =>
  createDisk(server.ecs, {
    zoneId: Z,
    size: 20,
    diskCategory: "cloud_essd",
    encrypted: true,
    ...params,
  });
const newKey = async (params: Record<string, unknown> = {}) =>
  (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", params)).KeyMetadata.KeyId;

const KMS_UNAUTHORIZED = {
  code: "InvalidParameter.KMSKeyId.KMSUnauthorized",
  status: 403,
  message: "ECS service have no right to access your KMS.",
};

describe("the service key", () => {
  it("does not exist before ECS first encrypts, then protects the disk; responses name its id", async () => {
    expect((await failureOf(kms("DescribeKey", { KeyId: "alias/acs/ecs" }))).code).toBe(
      "Forbidden.AliasNotFound",
    );
    const diskId = await encryptedDisk();
    const key = await kms<{ KeyMetadata: { KeyId: string; Creator: string } }>("DescribeKey", {
      KeyId: "alias/acs/ecs",
    });
    expect(key.KeyMetadata.Creator).toBe("Ecs");
    const disk = await describeDisk(server.ecs, diskId);
    expect(disk).toMatchObject({ encrypted: true, KMSKeyId: key.KeyMetadata.KeyId });
    const again = await encryptedDisk({ KMSKeyId: "alias/acs/ecs" });
    expect((await describeDisk(server.ecs, again))?.KMSKeyId).toBe(key.KeyMetadata.KeyId);
  });

  it("works in regions without customer master keys", async () => {
    for (const regionId of ["cn-fuzhou", "ap-southeast-7"]) {
      const diskId = await encryptedDisk({
        regionId,
        zoneId: `${regionId}${regionId.startsWith("cn-") ? "-" : ""}a`,
      });
      expect((await describeDisk(server.ecs, diskId, regionId))?.encrypted).toBe(true);
    }
  });

  it("records ECS's KMS calls in the trail, caused by the CreateDisk", async () => {
    const diskId = await encryptedDisk();
    const trail = diskseal(server);
    const create = await trail.request<{
      Events: { EventId: string; ResourceArn: string; KeyId?: string }[];
    }>("LookupEvents", {
      EventName: "CreateDisk",
      ResourceArn: `acs:ecs:cn-hangzhou:${account}:disk/${diskId}`,
    });
    expect(create.Events).toHaveLength(1);
    const { Events } = await trail.request<{
      Events: { Action: string; Principal: string; Source: string; CausedBy: string }[];
    }>("LookupEvents", {
      EventName: "GenerateDataKeyWithoutPlaintext",
    });
    expect(Events.find((e) => e.CausedBy === create.Events[0].EventId)).toMatchObject({
      Principal: "ecs.aliyuncs.com",
      Source: "ecs-service",
    });
  });
});

describe("customer master keys", () => {
  it("need the role first (KMSUnauthorized), then work by id, alias and ARN and get ECS's tag", async () => {
    const keyId = await newKey();
    await kms("CreateAlias", { KeyId: keyId, AliasName: "alias/disks" });
    expect(await failureOf(encryptedDisk({ KMSKeyId: keyId }))).toEqual(KMS_UNAUTHORIZED);
    // Without the role ECS cannot even look the key up.
    expect(await failureOf(encryptedDisk({ KMSKeyId: "key-does-not-exist" }))).toEqual(
      KMS_UNAUTHORIZED,
    );
    const grant = await diskseal(server).request<{
      Role: { RoleName: string; AssumeRolePolicyDocument: string };
      AttachedPolicies: { Policy: { PolicyName: string }[] };
    }>("GrantEcsDiskEncryptRole");
    expect(grant.Role.RoleName).toBe("AliyunECSDiskEncryptDefaultRole");
    expect(JSON.parse(grant.Role.AssumeRolePolicyDocument).Statement[0].Principal.Service).toEqual([
      "ecs.aliyuncs.com",
    ]);
    expect(grant.AttachedPolicies.Policy.map((p) => p.PolicyName)).toEqual([
      "AliyunECSDiskEncryptRolePolicy",
    ]);

    const arn = `acs:kms:cn-hangzhou:${account}:key/${keyId}`;
    for (const reference of [
      keyId,
      "alias/disks",
      arn,
      `acs:kms:cn-hangzhou:${account}:alias/disks`,
    ]) {
      const diskId = await encryptedDisk({ KMSKeyId: reference });
      expect((await describeDisk(server.ecs, diskId))?.KMSKeyId, reference).toBe(keyId);
    }
    const tags = await kms<{ Tags: { Tag: { TagKey: string; TagValue: string }[] } }>(
      "ListResourceTags",
      { KeyId: keyId },
    );
    expect(tags.Tags.Tag).toMatchObject([{ TagKey: "acs:ecs:disk-encryption", TagValue: "true" }]);
    const { Events } = await diskseal(server).request<{ Events: { Principal: string }[] }>(
      "LookupEvents",
      { EventName: "TagResource", KeyId: keyId },
    );
    expect(Events.map((e) => e.Principal)).toEqual(["ecs.aliyuncs.com"]);
  });

  it.each<[string, () => Promise<string>, { code: string; status: number; message: string }]>([
    [
      "an unknown key",
      async () => "key-does-not-exist",
      {
        code: "InvalidParameter.KMSKeyId.NotFound",
        status: 404,
        message: "The specified KMSKeyId does not exist.",
      },
    ],
    [
      "an unknown alias",
      async () => "alias/nothing",
      {
        code: "InvalidParameter.KMSKeyId.NotFound",
        status: 404,
        message: "The specified KMSKeyId does not exist.",
      },
    ],
    [
      "another region's key (ARN)",
      async () => `acs:kms:cn-shanghai:${account}:key/key-abc`,
      {
        code: "InvalidParameter.KMSKeyId.NotFound",
        status: 404,
        message: "The specified KMSKeyId does not exist.",
      },
    ],
    [
      "a disabled key",
      async () => {
        const keyId = await newKey();
        await kms("DisableKey", { KeyId: keyId });
        return keyId;
      },
      {
        code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
        status: 403,
        message: "The CMK (Customer Master Key) must be in an active state.",
      },
    ],
    [
      "a key pending deletion",
      async () => {
        const keyId = await newKey();
        await kms("ScheduleKeyDeletion", { KeyId: keyId, PendingWindowInDays: 7 });
        return keyId;
      },
      {
        code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
        status: 403,
        message: "The CMK (Customer Master Key) must be in an active state.",
      },
    ],
    [
      "a key awaiting its material",
      async () => newKey({ Origin: "EXTERNAL" }),
      {
        code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
        status: 403,
        message: "The CMK (Customer Master Key) must be in an active state.",
      },
    ],
    [
      "an asymmetric key",
      async () => newKey({ KeySpec: "RSA_2048", KeyUsage: "ENCRYPT/DECRYPT" }),
      {
        code: "InvalidKMSKeyId.NotSymmetric",
        status: 400,
        message: "The specified parameter KmsKeyId must be symmetric.",
      },
    ],
  ])("refuses %s", async (_name, key, expected) => {
    await diskseal(server).request("GrantEcsDiskEncryptRole");
    expect(await failureOf(encryptedDisk({ KMSKeyId: await key() }))).toEqual(expected);
  });
});

describe("CreateDisk's encryption refusals", () => {
  it.each<[string, Record<string, string>, string, number, string]>([
    [
      "KMSKeyId without Encrypted",
      { KMSKeyId: "alias/acs/ecs" },
      "InvalidParameter.EncryptedIllegal",
      400,
      "The specified parameter Encrypted must be true when kmsKeyId is not empty.",
    ],
    [
      "KMSKeyId with Encrypted=false",
      { KMSKeyId: "key-1", Encrypted: "false" },
      "InvalidParameter.EncryptedIllegal",
      400,
      "The specified parameter Encrypted must be true when kmsKeyId is not empty.",
    ],
    [
      "Nanjing",
      { RegionId: "cn-nanjing", ZoneId: "cn-nanjing-a", Encrypted: "true" },
      "NotSupportSnapshotEncrypted.RegionId",
      400,
      "The specified region does not support creating encrypted disks.",
    ],
    [
      "Seoul",
      { RegionId: "ap-northeast-2", ZoneId: "ap-northeast-2a", Encrypted: "true" },
      "NotSupportSnapshotEncrypted.RegionId",
      400,
      "The specified region does not support creating encrypted disks.",
    ],
    [
      "a CMK in Fuzhou, whatever the key",
      { RegionId: "cn-fuzhou", ZoneId: "cn-fuzhou-a", Encrypted: "true", KMSKeyId: "key-whatever" },
      "InvalidRegion.NotSupport",
      403,
      "The specified region does not support byok.",
    ],
    [
      "a CMK alias in Bangkok",
      {
        RegionId: "ap-southeast-7",
        ZoneId: "ap-southeast-7a",
        Encrypted: "true",
        KMSKeyId: "alias/mine",
      },
      "InvalidRegion.NotSupport",
      403,
      "The specified region does not support byok.",
    ],
    [
      "an elastic ephemeral disk",
      { DiskCategory: "elastic_ephemeral_disk_standard", Size: "64", Encrypted: "true" },
      "InvalidParameter.EncryptedNotSupported",
      403,
      "The current disk category does not support encryption. If encryption is required, please switch to a different disk category.",
    ],
    // A non-ESSD encrypted disk from a snapshot (NotSupportSnapshotEncrypted.DiskCategory) needs a
    // real snapshot: tests/integration/ecs-snapshots-disks.test.ts.
  ])("%s", async (_name, params, code, status, message) => {
    const request = ecsPop(server).request("CreateDisk", {
      RegionId: "cn-hangzhou",
      ZoneId: Z,
      DiskCategory: "cloud_essd",
      Size: "20",
      ...params,
    });
    expect(await failureOf(request)).toEqual({ code, status, message });
  });

  it("keeps plain disks possible in regions without encryption", async () => {
    const diskId = await createDisk(server.ecs, {
      regionId: "cn-nanjing",
      zoneId: "cn-nanjing-a",
      size: 20,
    });
    expect((await describeDisk(server.ecs, diskId, "cn-nanjing"))?.encrypted).toBe(false);
  });

  it("checks DryRun against the key too, and creates nothing", async () => {
    const dry = (params: Record<string, string>) =>
      failureOf(
        ecsPop(server).request("CreateDisk", {
          RegionId: "cn-shenzhen",
          ZoneId: "cn-shenzhen-c",
          Size: "20",
          DiskCategory: "cloud_essd",
          Encrypted: "true",
          DryRun: "true",
          ...params,
        }),
      );
    expect((await dry({})).code).toBe("DryRunOperation");
    expect((await dry({ KMSKeyId: "key-nope" })).code).toBe("InvalidParameter.KMSKeyId.NotFound");
    const disks = await ecsPop(server).request<{ TotalCount: number }>("DescribeDisks", {
      RegionId: "cn-shenzhen",
    });
    expect(disks.TotalCount).toBe(0);
    // Not even the region's service key: a DryRun creates nothing.
    const serviceKey = server.pop("2016-01-20").request("DescribeKey", {
      RegionId: "cn-shenzhen",
      KeyId: "alias/acs/ecs",
    });
    expect((await failureOf(serviceKey)).code).toBe("Forbidden.AliasNotFound");
  });
});
