import { createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/context";
import { plain64Tweak } from "@/lib/crypto/xts";
import { isAppError } from "@/lib/errors";
import { createKey } from "@/lib/kms/create-key";
import { decrypt } from "@/lib/kms/encrypt-decrypt";
import { disableKey, enableKey } from "@/lib/kms/enable-disable-key";
import { listKeyAssociationsOf } from "@/lib/kms/key-associations";
import { grantEcsDiskEncryptRole } from "@/lib/ram/roles";
import { getRuntime } from "@/lib/runtime";
import { bootTestRuntime, shutdownTestRuntime } from "@/tests/openapi/runtime";
import { resolveDiskEncryption } from "@/lib/ecs/encryption/resolve-disk-encryption";
import { openDiskDevice, unwrapDataKey } from "./data-key";
import { destroyDisk } from "./delete-disk";
import { provisionDisk } from "./provision-disk";
import { startDisks } from "./start-disks";
import { applyDueDiskTransitions } from "./transitions";

/**
 * The disks domain's interface, in process (tests/integration/ecs-disks*.test.ts drive the
 * same through the SDK): resolve → provision → unwrap → open, and the media decrypting with
 * node:crypto's own XTS given the key KMS Decrypt returns.
 */
let dataDir: string;
let root: RequestContext;

beforeAll(async () => {
  ({ dataDir } = await bootTestRuntime());
  startDisks();
  root = {
    principal: { kind: "root", accountId: getRuntime().accountId },
    regionId: "cn-hangzhou",
    requestId: "DISKS-TEST",
    source: "console",
  };
});
afterAll(async () => {
  await shutdownTestRuntime(dataDir);
});

const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) =>
      isAppError(error) ? `${error.httpStatus} ${error.code}` : Promise.reject(error),
  );

const base = {
  regionId: "cn-hangzhou",
  zoneId: "cn-hangzhou-h",
  category: "cloud_essd",
  sizeGiB: 20,
  type: "data" as const,
};

describe("an encrypted disk with the service key", () => {
  it("stores only the wrapped data key, and its media decrypt per sector with node:crypto", async () => {
    const encryption = await resolveDiskEncryption(root, {
      regionId: "cn-hangzhou",
      category: "cloud_essd",
      usage: "data",
      encrypted: true,
      causedBy: "EV-1",
    });
    expect(encryption).toMatchObject({ encrypted: true, isByok: false });
    expect(encryption.kmsKeyId).toMatch(/^key-/);
    const disk = await provisionDisk(root, "EV-1", { ...base, encryption });
    expect(disk).toMatchObject({
      status: "Creating",
      encrypted: true,
      kmsKeyId: encryption.kmsKeyId,
      deleteWithInstance: false,
    });
    expect(JSON.parse(disk.encryptionContext!)).toEqual({ "acs:ecs:disk": disk.id });

    const dataKey = await unwrapDataKey(root, disk, "EV-2");
    expect(dataKey).toHaveLength(64);
    expect(disk.dataKeyCiphertext).not.toContain(dataKey.toString("base64"));
    const device = await openDiskDevice(disk, dataKey);
    dataKey.fill(0);
    const plaintext = Buffer.alloc(8192);
    plaintext.write("the quick brown fox, on sector 7 and 8", "utf8");
    plaintext.fill(0x5a, 4096);
    await device.write(7 * 4096, plaintext);
    await device.flush();
    expect((await device.read(7 * 4096, 8192)).equals(plaintext)).toBe(true);
    const stored = await device.readRaw(7 * 4096, 8192);
    await device.close();
    expect(stored.includes(Buffer.from("quick brown fox"))).toBe(false);

    // The user's own path: KMS Decrypt(CiphertextBlob, EncryptionContext), then standard XTS.
    const { plaintext: key } = await decrypt(root, {
      ciphertextBlob: disk.dataKeyCiphertext!,
      encryptionContext: JSON.parse(disk.encryptionContext!),
    });
    for (const sector of [7, 8]) {
      const decipher = createDecipheriv("aes-256-xts", key, plain64Tweak(sector));
      const offset = (sector - 7) * 4096;
      const clear = Buffer.concat([
        decipher.update(stored.subarray(offset, offset + 4096)),
        decipher.final(),
      ]);
      expect(clear.equals(plaintext.subarray(offset, offset + 4096))).toBe(true);
    }

    const events = await getRuntime().db.auditEvent.findMany({
      where: { causedBy: { in: ["EV-1", "EV-2"] } },
      orderBy: { eventTime: "asc" },
    });
    expect(events.map((e) => [e.action, e.principal])).toEqual(
      expect.arrayContaining([
        ["CreateKey", "ecs.aliyuncs.com"],
        ["GenerateDataKeyWithoutPlaintext", "ecs.aliyuncs.com"],
        ["Decrypt", "ecs.aliyuncs.com"],
      ]),
    );
    expect(await listKeyAssociationsOf(encryption.kmsKeyId!, "cn-hangzhou")).toEqual([
      {
        resourceType: "disk",
        resourceId: disk.id,
        resourceName: undefined,
        regionId: "cn-hangzhou",
        status: "Creating",
      },
    ]);

    await applyDueDiskTransitions(new Date(Date.now() + 60_000));
    expect((await getRuntime().db.disk.findUnique({ where: { id: disk.id } }))?.status).toBe(
      "Available",
    );
    await destroyDisk(disk.id);
    expect(await getRuntime().db.disk.count({ where: { id: disk.id } })).toBe(0);
  });
});

describe("a disk with a customer master key", () => {
  it("needs the role, tags the key on first use, and needs the key Enabled to unwrap", async () => {
    const cmk = await createKey(root, {});
    const request = {
      regionId: "cn-hangzhou",
      category: "cloud_essd",
      usage: "data" as const,
      encrypted: true,
      kmsKeyId: cmk.keyId,
    };
    expect(await codeOf(resolveDiskEncryption(root, request))).toBe(
      "403 InvalidParameter.KMSKeyId.KMSUnauthorized",
    );
    await grantEcsDiskEncryptRole(root);
    expect(await codeOf(resolveDiskEncryption(root, { ...request, kmsKeyId: "key-nope" }))).toBe(
      "404 InvalidParameter.KMSKeyId.NotFound",
    );
    const encryption = await resolveDiskEncryption(root, request);
    expect(encryption).toEqual({ encrypted: true, kmsKeyId: cmk.keyId, isByok: true });
    const disk = await provisionDisk(root, "EV-3", { ...base, encryption, status: "Available" });
    expect(await getRuntime().db.kmsKeyTag.findMany({ where: { keyId: cmk.keyId } })).toMatchObject(
      [{ tagKey: "acs:ecs:disk-encryption", tagValue: "true" }],
    );

    await disableKey(root, { keyId: cmk.keyId });
    expect(await codeOf(resolveDiskEncryption(root, request))).toBe(
      "403 InvalidParameter.KMSKeyId.CMKNotEnabled",
    );
    expect(await codeOf(unwrapDataKey(root, disk, "EV-4"))).toBe(
      "403 InvalidParameter.KMSKeyId.CMKNotEnabled",
    );
    await enableKey(root, { keyId: cmk.keyId });
    const key = await unwrapDataKey(root, disk, "EV-5");
    expect(key).toHaveLength(64);
    key.fill(0);
  });
});
