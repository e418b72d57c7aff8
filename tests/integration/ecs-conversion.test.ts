import { createDecipheriv } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import {
  diskStatus,
  diskseal,
  disksOf,
  printServerOutputOnFailure,
  readMedia,
  REGION,
  runInstances,
  shell,
  until,
  waitForStatus,
  ZONE,
} from "../helpers/ecs-instances";
import {
  copyImage,
  copySnapshot,
  createImage,
  describeImage,
  describeSnapshot,
  imageAvailable,
  replaceSystemDisk,
  takeSnapshot,
} from "../helpers/ecs-snapshots";

/**
 * The encryption guide's two ways of turning unencrypted disks into encrypted ones, end to end
 * through the official SDKs, with a file written in the guest before and read after:
 * data disk — CreateSnapshot → CreateDisk(SnapshotId, Encrypted, KMSKeyId) → AttachDisk, and the
 * CopySnapshot "Copy and Encrypt" variant; system disk — CreateImage → CopyImage(Encrypted,
 * KMSKeyId) → ReplaceSystemDisk → StartInstance. The new disks' media are ciphertext.
 */
let server: TestServer;
let kms: KmsCall;
let keyId: string;
let instanceId: string;
const MARKER = `DISKSEAL-CONVERT-${Date.now().toString(36)}-DATA`;
const SYSTEM_MARKER = `DISKSEAL-CONVERT-${Date.now().toString(36)}-SYSTEM`;
const SCAN_BYTES = 16 * 1024 * 1024;

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).sdk;
  await diskseal(server).request("GrantEcsDiskEncryptRole");
  keyId = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", { Description: "conversion" })).KeyMetadata.KeyId;
  [instanceId] = await runInstances(server.ecs, {
    systemDisk: { category: "cloud_essd" },
    dataDisks: [{ category: "cloud_essd", size: 20 }],
  });
  await waitForStatus(server.ecs, instanceId, "Running");
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

const ecs = () => server.ecs;

/** Decrypts stored sectors with node:crypto's aes-256-xts (plain64 tweak); never-written sectors stay zero. */
function decryptSectors(stored: Buffer, dataKey: Buffer): Buffer {
  const plain = Buffer.alloc(stored.length);
  for (let offset = 0; offset < stored.length; offset += 4096) {
    const sector = stored.subarray(offset, offset + 4096);
    if (sector.every((b) => b === 0)) continue;
    const tweak = Buffer.alloc(16);
    tweak.writeBigUInt64LE(BigInt(offset / 4096));
    const decipher = createDecipheriv("aes-256-xts", dataKey, tweak).setAutoPadding(false);
    Buffer.concat([decipher.update(sector), decipher.final()]).copy(plain, offset);
  }
  return plain;
}

async function dataKeyOf(diskId: string): Promise<Buffer> {
  const material = await diskseal(server).request<{ CiphertextBlob: string; EncryptionContext: string; KMSKeyId: string }>(
    "DescribeDiskEncryptionMaterial",
    { DiskId: diskId },
  );
  expect(JSON.parse(material.EncryptionContext)).toEqual({ "acs:ecs:disk": diskId });
  const { Plaintext } = await kms<{ Plaintext: string }>("Decrypt", {
    CiphertextBlob: material.CiphertextBlob,
    EncryptionContext: JSON.parse(material.EncryptionContext) as Record<string, string>,
  });
  return Buffer.from(Plaintext, "base64");
}

/** The disk's media hold the marker only as ciphertext: absent raw, present once decrypted with its data key. */
async function expectCiphertextOf(diskId: string, marker: string): Promise<void> {
  const media = await readMedia(server, diskId, 0, SCAN_BYTES);
  expect(media.includes(marker)).toBe(false);
  expect(decryptSectors(media, await dataKeyOf(diskId)).includes(marker)).toBe(true);
}

async function createDiskFrom(snapshotId: string, params: { encrypted?: boolean; kmsKeyId?: string } = {}): Promise<string> {
  const body = (
    await ecs().createDisk(
      new $Ecs.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: "cloud_essd", snapshotId, ...params, KMSKeyId: params.kmsKeyId }),
    )
  ).body!;
  await until("the disk Available", async () => ((await diskStatus(ecs(), body.diskId!)) === "Available" ? true : undefined));
  return body.diskId!;
}

async function attachAndRead(diskId: string, mountPoint: string): Promise<string> {
  await ecs().attachDisk(new $Ecs.AttachDiskRequest({ instanceId, diskId }));
  await until(`${diskId} In_use`, async () => ((await diskStatus(ecs(), diskId)) === "In_use" ? true : undefined));
  const device = (await disksOf(ecs(), instanceId)).find((d) => d.diskId === diskId)!.device!.replace("/dev/xvd", "/dev/vd");
  return shell(ecs(), instanceId, `mkdir -p ${mountPoint} && mount ${device} ${mountPoint} && cat ${mountPoint}/secret.txt`);
}

describe("a data disk becomes encrypted", () => {
  let plainDiskId: string;
  let snapshotId: string;

  it("CreateSnapshot → CreateDisk(SnapshotId, Encrypted, KMSKeyId) → AttachDisk: the file is there, the media are ciphertext", async () => {
    const [, data] = await disksOf(ecs(), instanceId);
    plainDiskId = data.diskId!;
    expect(data.encrypted).toBe(false);
    await shell(ecs(), instanceId, `mkfs.ext4 /dev/vdb && mkdir -p /data && mount /dev/vdb /data && echo ${MARKER} > /data/secret.txt && sync`);
    expect((await readMedia(server, plainDiskId, 0, SCAN_BYTES)).includes(MARKER)).toBe(true);

    snapshotId = await takeSnapshot(ecs(), plainDiskId);
    const snapshot = await describeSnapshot(ecs(), snapshotId);
    expect([snapshot?.encrypted, snapshot?.sourceDiskId, snapshot?.progress]).toEqual([false, plainDiskId, "100%"]);

    const encryptedId = await createDiskFrom(snapshotId, { encrypted: true, kmsKeyId: keyId });
    const disk = (await ecs().describeDisks(new $Ecs.DescribeDisksRequest({ regionId: REGION, diskIds: JSON.stringify([encryptedId]) }))).body!.disks!.disk![0];
    expect([disk.encrypted, disk.KMSKeyId, disk.sourceSnapshotId, disk.size]).toEqual([true, keyId, snapshotId, 20]);
    expect(await attachAndRead(encryptedId, "/enc")).toBe(`${MARKER}\n`);
    await expectCiphertextOf(encryptedId, MARKER);

    // The new data key came from KMS as the ECS service, caused by this CreateDisk.
    type Event = { EventId: string; Action: string; Principal: string; CausedBy?: string; ResourceArn: string };
    const events = async (action: string) =>
      (await diskseal(server).request<{ Events: Event[] }>("LookupEvents", { EventName: action, MaxResults: 50 })).Events;
    const createDisk = (await events("CreateDisk")).find((e) => e.ResourceArn.endsWith(`disk/${encryptedId}`))!;
    const generated = (await events("GenerateDataKey")).find((e) => e.CausedBy === createDisk.EventId);
    expect(generated?.Principal).toMatch(/ecs/);
  });

  it("CopySnapshot (Copy and Encrypt) → CreateDisk(SnapshotId) → AttachDisk: the file is there, the media are ciphertext", async () => {
    const copyId = await copySnapshot(ecs(), { snapshotId, destinationSnapshotName: "encrypted-copy", destinationSnapshotDescription: "Copy and Encrypt", encrypted: true, KMSKeyId: keyId });
    const copy = await until("the copy accomplished", async () => {
      const found = await describeSnapshot(ecs(), copyId);
      return found?.status === "accomplished" ? found : undefined;
    });
    expect([copy.encrypted, copy.KMSKeyId, copy.sourceSnapshotId, copy.snapshotName]).toEqual([true, keyId, snapshotId, "encrypted-copy"]);
    const diskId = await createDiskFrom(copyId, { encrypted: true });
    const disk = (await ecs().describeDisks(new $Ecs.DescribeDisksRequest({ regionId: REGION, diskIds: JSON.stringify([diskId]) }))).body!.disks!.disk![0];
    expect([disk.encrypted, disk.KMSKeyId]).toEqual([true, keyId]);
    expect(await attachAndRead(diskId, "/copy")).toBe(`${MARKER}\n`);
    await expectCiphertextOf(diskId, MARKER);
  });
});

describe("a system disk becomes encrypted", () => {
  it("CreateImage → CopyImage(Encrypted, KMSKeyId) → ReplaceSystemDisk → StartInstance: the file is there, the media are ciphertext", async () => {
    const [oldSystem] = await disksOf(ecs(), instanceId);
    expect([oldSystem.device, oldSystem.encrypted]).toEqual(["/dev/xvda", false]);
    await shell(ecs(), instanceId, `echo ${SYSTEM_MARKER} > /root/secret.txt && sync`);

    const imageId = await createImage(ecs(), { instanceId, imageName: "before-encryption" });
    const image = await imageAvailable(ecs(), imageId);
    expect(image.diskDeviceMappings!.diskDeviceMapping![0]).toMatchObject({ device: "/dev/xvda", type: "system", encrypted: false });

    const encryptedImageId = await copyImage(ecs(), { imageId, encrypted: true, KMSKeyId: keyId, destinationImageName: "encrypted" });
    // Creating until its snapshot is accomplished (50 ms here: a loaded machine may see it done already).
    expect(["Creating", "Available"]).toContain((await describeImage(ecs(), encryptedImageId))?.status);
    const encryptedImage = await imageAvailable(ecs(), encryptedImageId);
    const mapping = encryptedImage.diskDeviceMappings!.diskDeviceMapping![0];
    expect(mapping.encrypted).toBe(true);
    expect((await describeSnapshot(ecs(), mapping.snapshotId!))?.KMSKeyId).toBe(keyId);

    await ecs().stopInstance(new $Ecs.StopInstanceRequest({ instanceId }));
    await waitForStatus(ecs(), instanceId, "Stopped");
    const newDiskId = await replaceSystemDisk(ecs(), { instanceId, imageId: encryptedImageId });
    expect(newDiskId).not.toBe(oldSystem.diskId);
    await until("the new system disk In_use and the old one released", async () => {
      const disks = await disksOf(ecs(), instanceId);
      const system = disks.find((d) => d.type === "system");
      return system?.diskId === newDiskId && system.status === "In_use" && !disks.some((d) => d.diskId === oldSystem.diskId) ? true : undefined;
    });
    const [system] = await disksOf(ecs(), instanceId);
    expect([system.device, system.encrypted, system.KMSKeyId, system.imageId]).toEqual(["/dev/xvda", true, keyId, encryptedImageId]);

    await ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId }));
    await waitForStatus(ecs(), instanceId, "Running");
    expect(await shell(ecs(), instanceId, "cat /root/secret.txt")).toBe(`${SYSTEM_MARKER}\n`);
    await expectCiphertextOf(newDiskId, SYSTEM_MARKER);
  });
});
