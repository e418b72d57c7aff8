import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getKeyDetail, listKeyEvents } from "@/lib/kms/console-queries";
import { createKey } from "@/lib/kms/create-key";
import { disableKey } from "@/lib/kms/enable-disable-key";
import {
  listKeyAssociations,
  registerKeyAssociationSource,
  unregisterKeyAssociationSource,
  type KeyAssociation,
} from "@/lib/kms/key-associations";
import { listKeys } from "@/lib/kms/list-keys";
import { createAlias } from "@/lib/kms/alias-changes";
import { kmsActions } from "@/lib/kms/actions";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import { startInProcessEndpoint, type InProcessEndpoint } from "../helpers/in-process-endpoint";

/**
 * What the key dashboard calls directly (lib/kms/README.md "API for the console"): the key
 * list, the detail page's one query, the association check with seeded sources, and the key's
 * recent operations — which must include every KMS action taken on it.
 */
let endpoint: InProcessEndpoint;
let pop: KmsCall;

beforeAll(async () => {
  endpoint = await startInProcessEndpoint();
  pop = kmsClients(endpoint).pop;
});
afterAll(async () => {
  await endpoint?.close();
});

describe("the key association check", () => {
  it("lists what every registered source reports for the key, sorted, in any key state", async () => {
    const ctx = endpoint.rootContext();
    const key = await createKey(ctx, {});
    const other = await createKey(ctx, {});
    await createAlias(ctx, { aliasName: "alias/orders", keyId: key.keyId });
    // Seeded rows standing in for the ECS tables, which register the same way.
    const disks: KeyAssociation[] = [
      { resourceType: "disk", resourceId: "d-2", regionId: "cn-hangzhou", status: "In_use" },
      { resourceType: "disk", resourceId: "d-1", regionId: "cn-hangzhou", status: "Available" },
    ];
    const seeded: Record<string, KeyAssociation[]> = {
      [key.keyId]: disks,
      [other.keyId]: [{ resourceType: "disk", resourceId: "d-9", regionId: "cn-hangzhou" }],
    };
    registerKeyAssociationSource("test.disks", async (keyId, regionId) =>
      (seeded[keyId] ?? []).filter((row) => row.regionId === regionId),
    );
    registerKeyAssociationSource("test.snapshots", async (keyId) =>
      keyId === key.keyId
        ? [{ resourceType: "snapshot", resourceId: "s-1", regionId: "cn-hangzhou" }]
        : [],
    );

    expect(
      (await listKeyAssociations(ctx, { keyId: "alias/orders" })).map(
        (a) => `${a.resourceType}:${a.resourceId}`,
      ),
    ).toEqual(["disk:d-1", "disk:d-2", "snapshot:s-1"]);
    await disableKey(ctx, { keyId: key.keyId });
    expect(await listKeyAssociations(ctx, { keyId: key.keyId })).toHaveLength(3);
    expect((await getKeyDetail(ctx, { keyId: key.keyId })).associations).toHaveLength(3);
    unregisterKeyAssociationSource("test.snapshots");
    unregisterKeyAssociationSource("test.disks");
    expect(await listKeyAssociations(ctx, { keyId: key.keyId })).toEqual([]);
    await expect(
      listKeyAssociations(ctx, { keyId: "key-unknown0000000000000000" }),
    ).rejects.toMatchObject({ code: "Forbidden.KeyNotFound" });
  });
});

describe("the dashboard's reads", () => {
  it("lists keys with alias, state, spec and rotation; service and customer keys apart", async () => {
    const ctx = endpoint.rootContext("eu-central-1");
    const rotating = await createKey(ctx, {
      enableAutomaticRotation: true,
      rotationIntervalSeconds: 30 * 86_400,
      tags: [{ tagKey: "team", tagValue: "db" }],
    });
    await createAlias(ctx, { aliasName: "alias/db", keyId: rotating.keyId });
    const page = await listKeys(ctx, { filters: [{ key: "CreatorType", values: ["User"] }] });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      keyId: rotating.keyId,
      aliasNames: ["alias/db"],
      keyState: "Enabled",
      keySpec: "Aliyun_AES_256",
      protectionLevel: "SOFTWARE",
      automaticRotation: "Enabled",
      rotationIntervalSeconds: 2_592_000,
      tags: [{ tagKey: "team", tagValue: "db" }],
    });
    expect(page.items[0].createdAt).toBeInstanceOf(Date);
    expect(
      (await listKeys(ctx, { filters: [{ key: "CreatorType", values: ["Service"] }] })).items,
    ).toEqual([]);
  });

  it("gives a key's detail in one call: versions, aliases, tags, public key", async () => {
    const ctx = endpoint.rootContext();
    const rsa = await createKey(ctx, {
      keySpec: "RSA_2048",
      keyUsage: "SIGN/VERIFY",
      tags: [{ tagKey: "use", tagValue: "signing" }],
    });
    await pop("CreateAlias", { AliasName: "alias/signer", KeyId: rsa.keyId });
    const detail = await getKeyDetail(ctx, { keyId: "alias/signer" });
    expect(detail.key).toMatchObject({
      keyId: rsa.keyId,
      keySpec: "RSA_2048",
      keyUsage: "SIGN/VERIFY",
    });
    expect(detail.versions).toEqual([
      {
        keyId: rsa.keyId,
        keyVersionId: rsa.primaryKeyVersionId,
        createdAt: rsa.createdAt,
        isPrimary: true,
      },
    ]);
    expect(detail.aliases.map((a) => a.aliasName)).toEqual(["alias/signer"]);
    expect(detail.tags).toEqual([{ tagKey: "use", tagValue: "signing" }]);
    expect(detail.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const aes = await createKey(ctx, {});
    expect((await getKeyDetail(ctx, { keyId: aes.keyId })).publicKeyPem).toBeNull();
  });

  it("lists the key's recent operations, every KMS action on it included", async () => {
    const ctx = endpoint.rootContext();
    const { KeyMetadata } = await pop<{
      KeyMetadata: { KeyId: string; PrimaryKeyVersion: string };
    }>("CreateKey");
    const KeyId = KeyMetadata.KeyId;
    await pop("CreateAlias", { AliasName: "alias/history", KeyId });
    const { CiphertextBlob } = await pop<{ CiphertextBlob: string }>("Encrypt", {
      KeyId,
      Plaintext: "aGk=",
    });
    const byAlias = await listKeyEvents(ctx, { keyId: "alias/history" });
    expect(byAlias.events.map((e) => e.Action)).toEqual(["Encrypt", "CreateAlias", "CreateKey"]);
    const calls: [string, Record<string, unknown>][] = [
      ["DescribeKey", { KeyId }],
      ["UpdateKeyDescription", { KeyId, Description: "d" }],
      ["Decrypt", { CiphertextBlob }],
      ["ReEncrypt", { CiphertextBlob, DestinationKeyId: KeyId }],
      ["GenerateDataKey", { KeyId }],
      ["GenerateDataKeyWithoutPlaintext", { KeyId }],
      ["TagResource", { KeyId, Tags: '[{"TagKey":"a","TagValue":"b"}]' }],
      ["UntagResource", { KeyId, TagKeys: '["a"]' }],
      ["ListResourceTags", { KeyId }],
      ["ListAliasesByKeyId", { KeyId }],
      ["UpdateAlias", { AliasName: "alias/history", KeyId }],
      ["CreateKeyVersion", { KeyId }],
      ["ListKeyVersions", { KeyId }],
      ["DescribeKeyVersion", { KeyId, KeyVersionId: KeyMetadata.PrimaryKeyVersion }],
      ["UpdateRotationPolicy", { KeyId, EnableAutomaticRotation: false }],
      ["SetDeletionProtection", { KeyId, EnableDeletionProtection: false }],
      ["DisableKey", { KeyId }],
      ["EnableKey", { KeyId }],
      ["DeleteKeyMaterial", { KeyId }],
      ["GetPublicKey", { KeyId, KeyVersionId: "v" }],
      [
        "AsymmetricSign",
        {
          KeyId,
          KeyVersionId: "v",
          Algorithm: "ECDSA_SHA_256",
          Digest: Buffer.alloc(32).toString("base64"),
        },
      ],
      [
        "AsymmetricVerify",
        {
          KeyId,
          KeyVersionId: "v",
          Algorithm: "ECDSA_SHA_256",
          Digest: Buffer.alloc(32).toString("base64"),
          Value: "AA==",
        },
      ],
      [
        "AsymmetricEncrypt",
        { KeyId, KeyVersionId: "v", Algorithm: "RSAES_OAEP_SHA_256", Plaintext: "AA==" },
      ],
      [
        "AsymmetricDecrypt",
        { KeyId, KeyVersionId: "v", Algorithm: "RSAES_OAEP_SHA_256", CiphertextBlob: "AA==" },
      ],
      [
        "GetParametersForImport",
        { KeyId, WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048" },
      ],
      [
        "ImportKeyMaterial",
        { KeyId, EncryptedKeyMaterial: "AA==", ImportToken: "t", KeyMaterialExpireUnix: 0 },
      ],
      ["DeleteAlias", { AliasName: "alias/history" }],
      ["ScheduleKeyDeletion", { KeyId, PendingWindowInDays: 7 }],
      ["CancelKeyDeletion", { KeyId }],
    ];
    for (const [action, params] of calls) await pop(action, params).catch(() => undefined);

    const seen = new Set<string>();
    let page = await listKeyEvents(ctx, { keyId: KeyId, maxResults: 100 });
    page.events.forEach((e) => seen.add(e.Action));
    while (page.nextToken) {
      page = await listKeyEvents(ctx, { keyId: KeyId, maxResults: 100, nextToken: page.nextToken });
      page.events.forEach((e) => seen.add(e.Action));
    }
    const keyActions = Object.keys(kmsActions).filter(
      (action) => !["CreateKey", "ListKeys", "ListAliases"].includes(action),
    );
    expect([...seen].sort()).toEqual([...new Set(["CreateKey", ...keyActions])].sort());
    expect((await listKeyEvents(ctx, { keyId: KeyId, maxResults: 1 })).events[0]).toMatchObject({
      Action: "CancelKeyDeletion",
      KeyId,
      Result: "Success",
    });
  });
});
