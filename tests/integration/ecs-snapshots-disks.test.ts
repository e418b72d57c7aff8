import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import {
  diskseal,
  diskStatus,
  disksOf,
  printServerOutputOnFailure,
  REGION,
  refusal,
  runInstances,
  shell,
  until,
  waitForStatus,
  ZONE,
} from "../helpers/ecs-instances";
import { ecsPop } from "../helpers/ecs-disks";
import { copySnapshot, describeSnapshot, inventory, snapshotAccomplished, takeSnapshot } from "../helpers/ecs-snapshots";

/**
 * Disks from snapshots (CreateDisk SnapshotId, RunInstances DataDisk.N.SnapshotId), ResetDisk
 * and CopySnapshot through the official ECS SDK: the data a guest wrote comes back, a snapshot
 * keeps its point in time and outlives its disk, and every refusal changes nothing.
 */
let server: TestServer;
let kms: KmsCall;
let keyId: string;
let otherKeyId: string;
let instanceId: string;
/** The instance's data disk: ext4 with /data/note.txt = "v1" when its snapshot was taken. */
let dataDiskId: string;
let plainSnapshot: string;
let encryptedSnapshot: string;

const ecs = () => server.ecs;

const createDisk = (params: ConstructorParameters<typeof $Ecs.CreateDiskRequest>[0]) =>
  ecs().createDisk(new $Ecs.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: "cloud_essd", ...params }));

async function available(diskId: string): Promise<string> {
  await until(`${diskId} Available`, async () => ((await diskStatus(ecs(), diskId)) === "Available" ? true : undefined));
  return diskId;
}

async function describeDisk(diskId: string) {
  return (await ecs().describeDisks(new $Ecs.DescribeDisksRequest({ regionId: REGION, diskIds: JSON.stringify([diskId]) }))).body!.disks?.disk?.[0];
}

/** Attaches the disk to the instance, mounts it and prints the note. */
async function readNote(diskId: string, target = instanceId): Promise<string> {
  await ecs().attachDisk(new $Ecs.AttachDiskRequest({ instanceId: target, diskId }));
  await until(`${diskId} In_use`, async () => ((await diskStatus(ecs(), diskId)) === "In_use" ? true : undefined));
  const device = (await disksOf(ecs(), target)).find((d) => d.diskId === diskId)!.device!.replace("/dev/xvd", "/dev/vd");
  const mountPoint = `/mnt/${diskId}`;
  return shell(ecs(), target, `mkdir -p ${mountPoint} && mount ${device} ${mountPoint} && cat ${mountPoint}/note.txt`);
}

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).sdk;
  await diskseal(server).request("GrantEcsDiskEncryptRole");
  keyId = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", { Description: "snapshots" })).KeyMetadata.KeyId;
  otherKeyId = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", { Description: "another" })).KeyMetadata.KeyId;
  [instanceId] = await runInstances(ecs(), { systemDisk: { category: "cloud_essd" }, dataDisks: [{ category: "cloud_essd", size: 20 }] });
  await waitForStatus(ecs(), instanceId, "Running");
  dataDiskId = (await disksOf(ecs(), instanceId))[1].diskId!;
  await shell(ecs(), instanceId, "mkfs.ext4 /dev/vdb && mkdir -p /data && mount /dev/vdb /data && echo v1 > /data/note.txt && sync");
  plainSnapshot = await takeSnapshot(ecs(), dataDiskId);
  // The disk moves on: the snapshot keeps v1.
  await shell(ecs(), instanceId, "echo v2 > /data/note.txt && sync");
  const encryptedDisk = await available((await createDisk({ snapshotId: plainSnapshot, encrypted: true, KMSKeyId: keyId })).body!.diskId!);
  encryptedSnapshot = await takeSnapshot(ecs(), encryptedDisk);
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

describe("CreateDisk from a snapshot", () => {
  it("takes the snapshot's size by default and its point-in-time data", async () => {
    const diskId = await available((await createDisk({ snapshotId: plainSnapshot })).body!.diskId!);
    expect(await describeDisk(diskId)).toMatchObject({ size: 20, encrypted: false, sourceSnapshotId: plainSnapshot });
    expect(await readNote(diskId)).toBe("v1\n");
  });

  it("from an encrypted snapshot with Encrypted=true and no key: the snapshot's key, the data readable", async () => {
    const diskId = await available((await createDisk({ snapshotId: encryptedSnapshot, encrypted: true, size: 40 })).body!.diskId!);
    expect(await describeDisk(diskId)).toMatchObject({ size: 40, encrypted: true, KMSKeyId: keyId });
    expect(await readNote(diskId)).toBe("v1\n");
  });

  it("from an encrypted snapshot under another key: re-encrypted under a new data key, the data readable", async () => {
    const diskId = await available((await createDisk({ snapshotId: encryptedSnapshot, encrypted: true, KMSKeyId: otherKeyId })).body!.diskId!);
    expect(await describeDisk(diskId)).toMatchObject({ encrypted: true, KMSKeyId: otherKeyId });
    expect(await readNote(diskId)).toBe("v1\n");
  });

  it.each([
    ["an unknown snapshot", () => ({ snapshotId: "s-unknown" }), "InvalidSnapshotId.NotFound", 404],
    ["a size below the snapshot's", () => ({ snapshotId: plainSnapshot, size: 10, performanceLevel: "PL0" }), "InvalidDiskSize.TooSmall", 403],
    ["an encrypted snapshot without Encrypted", () => ({ snapshotId: encryptedSnapshot }), "InvalidEncrypted.NotMatchSnapshot", 403],
    ["an encrypted snapshot with Encrypted=false", () => ({ snapshotId: encryptedSnapshot, encrypted: false }), "InvalidParameter.Encrypted", 400],
    ["an encrypted disk from a snapshot that is not ESSD", () => ({ snapshotId: plainSnapshot, encrypted: true, diskCategory: "cloud_efficiency" }), "NotSupportSnapshotEncrypted.DiskCategory", 403],
  ] as const)("refuses %s, creating nothing", async (_name, params, code, status) => {
    const before = await inventory(ecs());
    expect(await refusal(createDisk(params()))).toMatchObject({ code, statusCode: status });
    expect(await inventory(ecs())).toEqual(before);
  });

  it("DryRun checks the snapshot and creates nothing", async () => {
    const before = await inventory(ecs());
    const dry = (params: Record<string, string>) =>
      refusal(ecsPop(server).request("CreateDisk", { RegionId: REGION, ZoneId: ZONE, DiskCategory: "cloud_essd", DryRun: "true", ...params }));
    expect(await dry({ SnapshotId: plainSnapshot, Encrypted: "true" })).toMatchObject({ code: "DryRunOperation" });
    expect(await dry({ SnapshotId: encryptedSnapshot })).toMatchObject({ code: "InvalidEncrypted.NotMatchSnapshot" });
    expect(await inventory(ecs())).toEqual(before);
  });

  it("needs the snapshot's key Enabled", async () => {
    const before = await inventory(ecs());
    await kms("DisableKey", { KeyId: keyId });
    try {
      expect(await refusal(createDisk({ snapshotId: encryptedSnapshot, encrypted: true, KMSKeyId: otherKeyId }))).toMatchObject({
        code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
        statusCode: 403,
      });
    } finally {
      await kms("EnableKey", { KeyId: keyId });
    }
    expect(await inventory(ecs())).toEqual(before);
  });

  it("refuses an encrypted disk from a snapshot on a restricted instance family at AttachDisk", async () => {
    const [restricted] = await runInstances(ecs(), { instanceType: "ecs.ebmg5.24xlarge" });
    await waitForStatus(ecs(), restricted, "Running");
    const diskId = await available((await createDisk({ snapshotId: plainSnapshot, encrypted: true })).body!.diskId!);
    expect(await refusal(ecs().attachDisk(new $Ecs.AttachDiskRequest({ instanceId: restricted, diskId })))).toMatchObject({
      code: "NotSupportSnapshotEncrypted.InstanceType",
      statusCode: 400,
    });
    expect(await diskStatus(ecs(), diskId)).toBe("Available");
  });
});

describe("RunInstances DataDisk.N.SnapshotId", () => {
  it("creates the data disk with the snapshot's data (encrypted snapshot: Encrypted=true, its key)", async () => {
    const [id] = await runInstances(ecs(), { dataDisks: [{ category: "cloud_essd", snapshotId: encryptedSnapshot, encrypted: true }] });
    await waitForStatus(ecs(), id, "Running");
    const [, data] = await disksOf(ecs(), id);
    expect([data.encrypted, data.KMSKeyId, data.sourceSnapshotId, data.size]).toEqual([true, keyId, encryptedSnapshot, 20]);
    expect(await shell(ecs(), id, "mkdir -p /d && mount /dev/vdb /d && cat /d/note.txt")).toBe("v1\n");
  });

  it("refuses another key than the snapshot's, and a restricted family for an encrypted disk from a snapshot", async () => {
    const before = await inventory(ecs());
    expect(
      await refusal(runInstances(ecs(), { dataDisks: [{ category: "cloud_essd", snapshotId: encryptedSnapshot, encrypted: true, kmsKeyId: otherKeyId }] })),
    ).toMatchObject({ code: "InvalidKmsKeyId.NotMatchSnapshot", statusCode: 400 });
    expect(
      await refusal(runInstances(ecs(), { instanceType: "ecs.ebmg5.24xlarge", dataDisks: [{ category: "cloud_essd", snapshotId: plainSnapshot, encrypted: true }] })),
    ).toMatchObject({ code: "NotSupportSnapshotEncrypted.InstanceType", statusCode: 400 });
    expect(await refusal(runInstances(ecs(), { dataDisks: [{ category: "cloud_essd", snapshotId: encryptedSnapshot }] }))).toMatchObject({
      code: "InvalidEncrypted.NotMatchSnapshot",
      statusCode: 403,
    });
    expect(await inventory(ecs())).toEqual(before);
  });
});

describe("ResetDisk", () => {
  it("rolls a disk back to its own snapshot while the instance is Stopped", async () => {
    const reset = (params: { diskId?: string; snapshotId?: string; dryRun?: boolean } = {}) =>
      ecs().resetDisk(new $Ecs.ResetDiskRequest({ diskId: dataDiskId, snapshotId: plainSnapshot, ...params }));
    expect(await refusal(reset())).toMatchObject({ code: "IncorrectInstanceStatus", statusCode: 403 });
    await ecs().stopInstance(new $Ecs.StopInstanceRequest({ instanceId }));
    await waitForStatus(ecs(), instanceId, "Stopped");
    expect(await refusal(reset({ snapshotId: encryptedSnapshot }))).toMatchObject({
      code: "InvalidParameter.Mismatch",
      statusCode: 403,
      message: "The specified snapshot is not created from the specified disk.",
    });
    const encryptedCopy = await copySnapshot(ecs(), { snapshotId: plainSnapshot, destinationSnapshotName: "own-encrypted", destinationSnapshotDescription: "copy", encrypted: true });
    await snapshotAccomplished(ecs(), encryptedCopy);
    expect(await refusal(reset({ snapshotId: encryptedCopy }))).toMatchObject({
      code: "InvalidParameter.Mismatch",
      statusCode: 403,
      message: "Non-encrypted disk can not be reset by encrypted snapshot.",
    });
    expect(await refusal(reset({ snapshotId: "s-unknown" }))).toMatchObject({ code: "InvalidSnapshotId.NotFound", statusCode: 404 });
    expect(await refusal(reset({ dryRun: true }))).toMatchObject({ code: "DryRunOperation", statusCode: 400 });

    await reset();
    await ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId }));
    await waitForStatus(ecs(), instanceId, "Running");
    expect(await shell(ecs(), instanceId, "mkdir -p /data && mount /dev/vdb /data && cat /data/note.txt")).toBe("v1\n");
  });

  it("rolls an encrypted disk back to its own snapshot", async () => {
    const diskId = await available((await createDisk({ snapshotId: plainSnapshot, encrypted: true, KMSKeyId: keyId })).body!.diskId!);
    const snapshotId = await takeSnapshot(ecs(), diskId);
    expect(await readNote(diskId)).toBe("v1\n");
    await shell(ecs(), instanceId, `echo v3 > /mnt/${diskId}/note.txt && sync && umount /mnt/${diskId}`);
    await ecs().detachDisk(new $Ecs.DetachDiskRequest({ instanceId, diskId }));
    await available(diskId);
    await ecs().resetDisk(new $Ecs.ResetDiskRequest({ diskId, snapshotId }));
    expect(await describeDisk(diskId)).toMatchObject({ encrypted: true, KMSKeyId: keyId });
    expect(await readNote(diskId)).toBe("v1\n");
  });
});

describe("a snapshot outlives its disk", () => {
  it("after DeleteDisk the snapshot restores all the data", async () => {
    const diskId = await available((await createDisk({ size: 20 })).body!.diskId!);
    await ecs().attachDisk(new $Ecs.AttachDiskRequest({ instanceId, diskId }));
    await until(`${diskId} In_use`, async () => ((await diskStatus(ecs(), diskId)) === "In_use" ? true : undefined));
    const device = (await disksOf(ecs(), instanceId)).find((d) => d.diskId === diskId)!.device!.replace("/dev/xvd", "/dev/vd");
    const lines = Array.from({ length: 50 }, (_, n) => `line ${n} ${"x".repeat(40)}`).join("\n");
    await shell(ecs(), instanceId, `mkfs.ext4 ${device} && mkdir -p /gone && mount ${device} /gone && echo kept > /gone/note.txt && mkdir /gone/dir && printf '${lines}\\n' > /gone/dir/big.txt && sync && umount /gone`);
    const snapshotId = await takeSnapshot(ecs(), diskId);
    await ecs().detachDisk(new $Ecs.DetachDiskRequest({ instanceId, diskId }));
    await available(diskId);
    await ecs().deleteDisk(new $Ecs.DeleteDiskRequest({ diskId }));
    expect(await describeDisk(diskId)).toBeUndefined();
    expect(await describeSnapshot(ecs(), snapshotId)).toMatchObject({ sourceDiskId: diskId, status: "accomplished" });

    const restored = await available((await createDisk({ snapshotId })).body!.diskId!);
    expect(await readNote(restored)).toBe("kept\n");
    expect(await shell(ecs(), instanceId, `cat /mnt/${restored}/dir/big.txt`)).toBe(`${lines}\n`);
  });
});

describe("CopySnapshot", () => {
  const copy = (params: ConstructorParameters<typeof $Ecs.CopySnapshotRequest>[0]) =>
    copySnapshot(ecs(), { snapshotId: plainSnapshot, destinationSnapshotName: "copied", destinationSnapshotDescription: "a copy", ...params });

  it("copies to another region, plain or encrypted (under that region's service key)", async () => {
    const plain = await copy({ destinationRegionId: "cn-shanghai" });
    expect(await snapshotAccomplished(ecs(), plain, "cn-shanghai")).toMatchObject({
      encrypted: false,
      regionId: "cn-shanghai",
      sourceSnapshotId: plainSnapshot,
      sourceRegionId: REGION,
      sourceDiskSize: "20",
    });
    const encrypted = await copy({ destinationRegionId: "cn-shanghai", encrypted: true });
    const found = await snapshotAccomplished(ecs(), encrypted, "cn-shanghai");
    expect(found.encrypted).toBe(true);
    expect(found.KMSKeyId).toMatch(/^key-/);
  });

  it.each([
    ["a plain copy in the same region", () => ({}), "InvalidOperation.NotSupportCopyInSameRegion", 403],
    ["a same-region copy under the source's own key", () => ({ snapshotId: encryptedSnapshot, encrypted: true, KMSKeyId: keyId }), "InvalidOperation.NotSupportCopyInSameRegion", 403],
    ["decrypting an encrypted snapshot", () => ({ snapshotId: encryptedSnapshot, destinationRegionId: "cn-shanghai" }), "InvalidEncrypted.NotSupportDecrypt", 403],
    ["KMSKeyId without Encrypted", () => ({ KMSKeyId: keyId, destinationRegionId: "cn-shanghai" }), "InvalidEncrypted.NotMatchKmsKeyId", 403],
    ["a key of another region", () => ({ encrypted: true, KMSKeyId: keyId, destinationRegionId: "cn-shanghai" }), "InvalidParameter.KMSKeyId.NotFound", 403],
    ["an unknown snapshot", () => ({ snapshotId: "s-unknown", destinationRegionId: "cn-shanghai" }), "InvalidSnapshotId.NotFound", 403],
  ] as const)("refuses %s, copying nothing", async (_name, params, code, status) => {
    const before = [await inventory(ecs()), await inventory(ecs(), "cn-shanghai")];
    expect(await refusal(copy(params()))).toMatchObject({ code, statusCode: status });
    expect([await inventory(ecs()), await inventory(ecs(), "cn-shanghai")]).toEqual(before);
  });

  it("copies and encrypts within the region under another key; a disk from the copy reads the data", async () => {
    const encrypted = await copy({ snapshotId: encryptedSnapshot, encrypted: true, KMSKeyId: otherKeyId });
    expect(await snapshotAccomplished(ecs(), encrypted)).toMatchObject({ encrypted: true, KMSKeyId: otherKeyId });
    const diskId = await available((await createDisk({ snapshotId: encrypted, encrypted: true })).body!.diskId!);
    expect(await readNote(diskId)).toBe("v1\n");
  });
});
