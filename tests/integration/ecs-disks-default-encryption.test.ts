import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { failureOf } from "../helpers/kms-clients";
import { createDisk, describeDisk, diskseal, ecsPop } from "../helpers/ecs-disks";

/**
 * Encryption by default through the ECS SDK: EnableDiskEncryptionByDefault,
 * DisableDiskEncryptionByDefault, DescribeDiskEncryptionByDefaultStatus,
 * DescribeDiskDefaultKMSKeyId, ModifyDiskDefaultKMSKeyId, ResetDiskDefaultKMSKeyId, and how
 * CreateDisk obeys them.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("encryption by default", () => {
  const R = "cn-qingdao";
  const call = <T = Record<string, unknown>>(action: string, params: Record<string, string> = {}) =>
    ecsPop(server).request<T>(action, { RegionId: R, ...params });
  const disk = (params: ConstructorParameters<typeof $Ecs.CreateDiskRequest>[0] = {}) =>
    createDisk(server.ecs, {
      regionId: R,
      zoneId: "cn-qingdao-b",
      size: 20,
      diskCategory: "cloud_essd",
      ...params,
    });

  it("is off until enabled; Disable/Modify/Reset need it on", async () => {
    const status = await server.ecs.describeDiskEncryptionByDefaultStatus(
      new $Ecs.DescribeDiskEncryptionByDefaultStatusRequest({ regionId: R }),
    );
    expect(status.body?.encrypted).toBe(false);
    const notConfigured = {
      code: "InvalidDefaultEncryption.NotFound",
      status: 403,
      message: "You have not configured default encryption setting in this region.",
    };
    expect(await failureOf(call("DisableDiskEncryptionByDefault"))).toEqual(notConfigured);
    expect(
      await failureOf(call("ModifyDiskDefaultKMSKeyId", { KMSKeyId: "alias/acs/ecs" })),
    ).toEqual(notConfigured);
    expect(await failureOf(call("ResetDiskDefaultKMSKeyId"))).toEqual(notConfigured);
  });

  it("encrypts every new disk with the default key, refuses Encrypted=false, and ends with Disable", async () => {
    await server.ecs.enableDiskEncryptionByDefault(
      new $Ecs.EnableDiskEncryptionByDefaultRequest({ regionId: R }),
    );
    expect(await failureOf(call("EnableDiskEncryptionByDefault"))).toEqual({
      code: "InvalidOperation.DefaultEncryptionAlreadyEnabled",
      status: 403,
      message: "The specified region is already default encryption settings.",
    });
    expect(
      (
        await server.ecs.describeDiskEncryptionByDefaultStatus(
          new $Ecs.DescribeDiskEncryptionByDefaultStatusRequest({ regionId: R }),
        )
      ).body?.encrypted,
    ).toBe(true);
    const serviceKeyId = (
      await server.ecs.describeDiskDefaultKMSKeyId(
        new $Ecs.DescribeDiskDefaultKMSKeyIdRequest({ regionId: R }),
      )
    ).body!.KMSKeyId!;
    expect(serviceKeyId).toMatch(/^key-/);

    const byDefault = await disk();
    expect(await describeDisk(server.ecs, byDefault, R)).toMatchObject({
      encrypted: true,
      KMSKeyId: serviceKeyId,
    });
    expect(await failureOf(disk({ encrypted: false }))).toEqual({
      code: "InvalidEncrypted.NotMatchDiskDefaultEncryption",
      status: 403,
      message: "Enabling disk default encryption prevents the creation of non-encrypted disks.",
    });

    // A CMK as the default key (the KMS SDK's region is cn-hangzhou: create the key over pop-core with RegionId).
    await diskseal(server).request("GrantEcsDiskEncryptRole");
    const pop = server.pop("2016-01-20");
    const cmk = (
      await pop.request<{ KeyMetadata: { KeyId: string } }>("CreateKey", { RegionId: R })
    ).KeyMetadata.KeyId;
    await pop.request("CreateAlias", {
      RegionId: R,
      KeyId: cmk,
      AliasName: "alias/qingdao-default",
    });
    await server.ecs.modifyDiskDefaultKMSKeyId(
      new $Ecs.ModifyDiskDefaultKMSKeyIdRequest({ regionId: R, KMSKeyId: "alias/qingdao-default" }),
    );
    expect(
      (
        await server.ecs.describeDiskDefaultKMSKeyId(
          new $Ecs.DescribeDiskDefaultKMSKeyIdRequest({ regionId: R }),
        )
      ).body?.KMSKeyId,
    ).toBe(cmk);
    expect((await describeDisk(server.ecs, await disk(), R))?.KMSKeyId).toBe(cmk);
    // Its own key, Encrypted left out: accepted, the effective value is true.
    const own = await disk({ KMSKeyId: serviceKeyId });
    expect((await describeDisk(server.ecs, own, R))?.KMSKeyId).toBe(serviceKeyId);

    expect(await failureOf(call("ModifyDiskDefaultKMSKeyId", { KMSKeyId: "key-nothing" }))).toEqual(
      {
        code: "InvalidOperation.KMSKeyIdNotFound",
        status: 403,
        message: "The specified KMSKeyId not found, key-nothing.",
      },
    );
    const disabled = (
      await pop.request<{ KeyMetadata: { KeyId: string } }>("CreateKey", { RegionId: R })
    ).KeyMetadata.KeyId;
    await pop.request("DisableKey", { RegionId: R, KeyId: disabled });
    expect(await failureOf(call("ModifyDiskDefaultKMSKeyId", { KMSKeyId: disabled }))).toEqual({
      code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
      status: 400,
      message: "The CMK needs to be enabled.",
    });

    const reset = await call<{ KMSKeyId: string }>("ResetDiskDefaultKMSKeyId");
    expect(reset.KMSKeyId).toBe(serviceKeyId);
    expect((await describeDisk(server.ecs, await disk(), R))?.KMSKeyId).toBe(serviceKeyId);

    await server.ecs.disableDiskEncryptionByDefault(
      new $Ecs.DisableDiskEncryptionByDefaultRequest({ regionId: R }),
    );
    expect((await describeDisk(server.ecs, await disk(), R))?.encrypted).toBe(false);
    expect((await describeDisk(server.ecs, byDefault, R))?.encrypted).toBe(true);
  });

  it("is refused where there is no encryption, and in unknown regions", async () => {
    expect(
      await failureOf(
        ecsPop(server).request("EnableDiskEncryptionByDefault", { RegionId: "cn-nanjing" }),
      ),
    ).toEqual({
      code: "Abs.InvalidAction.RegionNotSupport",
      status: 403,
      message: "This region does not support this action.",
    });
    expect(
      await failureOf(
        ecsPop(server).request("DescribeDiskEncryptionByDefaultStatus", {
          RegionId: "cn-atlantis",
        }),
      ),
    ).toEqual({
      code: "InvalidParameter.RegionIdNotExists",
      status: 403,
      message: "The specified region does not exists.",
    });
  });

  it("with a default CMK in a region without CMKs is impossible", async () => {
    await ecsPop(server).request("EnableDiskEncryptionByDefault", { RegionId: "cn-fuzhou" });
    expect(
      (
        await failureOf(
          ecsPop(server).request("ModifyDiskDefaultKMSKeyId", {
            RegionId: "cn-fuzhou",
            KMSKeyId: "key-1",
          }),
        )
      ).code,
    ).toBe("InvalidRegion.NotSupport");
    await ecsPop(server).request("ModifyDiskDefaultKMSKeyId", {
      RegionId: "cn-fuzhou",
      KMSKeyId: "alias/acs/ecs",
    });
    await ecsPop(server).request("DisableDiskEncryptionByDefault", { RegionId: "cn-fuzhou" });
  });
});
