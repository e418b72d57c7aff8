import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import { ecsPop } from "../helpers/ecs-disks";
import {
  diskseal,
  disksOf,
  LINUX_IMAGE,
  printServerOutputOnFailure,
  REGION,
  refusal,
  runInstances,
  shell,
  until,
  waitForStatus,
} from "../helpers/ecs-instances";
import {
  copyImage,
  createImage,
  describeImage,
  describeSnapshot,
  imageAvailable,
  inventory,
  replaceSystemDisk,
  takeSnapshot,
} from "../helpers/ecs-snapshots";

/**
 * CreateImage, DescribeImages (custom and public), CopyImage, ModifyImageAttribute, DeleteImage,
 * ReplaceSystemDisk and RunInstances from a custom image, through the official ECS SDK: every
 * refusal with its code and HTTP status, and nothing changed by it.
 */
let server: TestServer;
let kms: KmsCall;
let keyId: string;
let instanceId: string;
let imageId: string;
let encryptedImageId: string;
const FILE = `image-file-${Date.now().toString(36)}`;

const ecs = () => server.ecs;

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).sdk;
  await diskseal(server).request("GrantEcsDiskEncryptRole");
  keyId = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", { Description: "images" })).KeyMetadata.KeyId;
  [instanceId] = await runInstances(ecs(), { systemDisk: { category: "cloud_essd" }, dataDisks: [{ category: "cloud_essd", size: 20 }] });
  await waitForStatus(ecs(), instanceId, "Running");
  await shell(ecs(), instanceId, `echo ${FILE} > /root/image.txt && sync`);
  imageId = await createImage(ecs(), { instanceId, imageName: "golden", description: "with a file" });
  await imageAvailable(ecs(), imageId);
  encryptedImageId = await copyImage(ecs(), { imageId, encrypted: true, KMSKeyId: keyId, destinationImageName: "golden-encrypted" });
  await imageAvailable(ecs(), encryptedImageId);
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

describe("CreateImage and DescribeImages", () => {
  it("an image of an instance: its system disk's snapshot, Creating → Available, beside the public images", async () => {
    const image = await describeImage(ecs(), imageId);
    expect(image).toMatchObject({ imageId, imageName: "golden", description: "with a file", imageOwnerAlias: "self", status: "Available", progress: "100%", OSType: "linux", size: 40 });
    const mapping = image!.diskDeviceMappings!.diskDeviceMapping!;
    expect(mapping).toHaveLength(1);
    expect(mapping[0]).toMatchObject({ device: "/dev/xvda", type: "system", size: "40", encrypted: false });
    const snapshot = await describeSnapshot(ecs(), mapping[0].snapshotId!);
    expect(snapshot).toMatchObject({ sourceDiskType: "System", usage: "image" });

    const list = async (params: ConstructorParameters<typeof $Ecs.DescribeImagesRequest>[0]) =>
      ((await ecs().describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION, pageSize: 100, ...params }))).body!.images?.image ?? []).map((i) => i.imageId);
    expect(await list({})).toEqual(expect.arrayContaining([imageId, encryptedImageId, LINUX_IMAGE]));
    expect((await list({ imageOwnerAlias: "self" })).sort()).toEqual([imageId, encryptedImageId].sort());
    expect(await list({ imageOwnerAlias: "system" })).not.toContain(imageId);
    expect(await list({ snapshotId: mapping[0].snapshotId })).toEqual([imageId]);
    expect(await list({ imageName: "ENCRYPTED", imageOwnerAlias: "self" })).toEqual([encryptedImageId]);
  });

  it("an image of a system disk's snapshot; a data disk's snapshot is refused", async () => {
    const [system, data] = await disksOf(ecs(), instanceId);
    const systemSnapshot = await takeSnapshot(ecs(), system.diskId!);
    const fromSnapshot = await createImage(ecs(), { snapshotId: systemSnapshot, imageName: "from-snapshot" });
    const creating = await describeImage(ecs(), fromSnapshot);
    expect(["Creating", "Available"]).toContain(creating?.status);
    expect((await imageAvailable(ecs(), fromSnapshot)).diskDeviceMappings!.diskDeviceMapping![0].snapshotId).toBe(systemSnapshot);

    const before = await inventory(ecs());
    const dataSnapshot = await takeSnapshot(ecs(), data.diskId!);
    const after = await inventory(ecs());
    expect(await refusal(createImage(ecs(), { snapshotId: dataSnapshot }))).toMatchObject({ code: "InvalidSnapshotId.NotSystemDiskSnapshot", statusCode: 403 });
    expect(await refusal(createImage(ecs(), {}))).toMatchObject({ code: "MissingParameter", statusCode: 400 });
    expect(await refusal(createImage(ecs(), { instanceId, imageName: "golden" }))).toMatchObject({ code: "InvalidImageName.Duplicated", statusCode: 403 });
    expect(await refusal(createImage(ecs(), { instanceId: "i-unknown" }))).toMatchObject({ code: "InvalidInstanceId.NotFound", statusCode: 404 });
    expect(await refusal(createImage(ecs(), { instanceId, dryRun: true }))).toMatchObject({ code: "DryRunOperation", statusCode: 400 });
    expect(await inventory(ecs())).toEqual(after);
    expect(after.snapshots).toBe(before.snapshots + 1);
  });
});

describe("CopyImage", () => {
  it("copies with encryption: each snapshot encrypted under the key", async () => {
    const image = await describeImage(ecs(), encryptedImageId);
    expect(image).toMatchObject({ imageName: "golden-encrypted", isCopied: true, status: "Available" });
    const mapping = image!.diskDeviceMappings!.diskDeviceMapping![0];
    expect(mapping.encrypted).toBe(true);
    expect(await describeSnapshot(ecs(), mapping.snapshotId!)).toMatchObject({ encrypted: true, KMSKeyId: keyId });
  });

  it("copies a plain image to another region", async () => {
    const copied = await copyImage(ecs(), { imageId, destinationRegionId: "cn-shanghai" });
    const image = await imageAvailable(ecs(), copied, "cn-shanghai");
    expect(image.diskDeviceMappings!.diskDeviceMapping![0].encrypted).toBe(false);
  });

  it.each([
    ["decrypting an encrypted image", () => ({ imageId: encryptedImageId }), "OperationDeined.EncryptedSnapshot", 403],
    ["decrypting it into another region", () => ({ imageId: encryptedImageId, destinationRegionId: "cn-shanghai" }), "OperationDeined.EncryptedSnapshot", 403],
    ["encrypting across regions", () => ({ imageId, destinationRegionId: "cn-shanghai", encrypted: true }), "OperationDenied.EncryptSnapshotAcrossRegion", 403],
    ["KMSKeyId without Encrypted", () => ({ imageId, KMSKeyId: keyId }), "InvalidParameter.EncryptedIllegal", 400],
    ["an unknown key", () => ({ imageId, encrypted: true, KMSKeyId: "key-unknown" }), "InvalidParameter.KMSKeyId.NotFound", 404],
    ["a public image", () => ({ imageId: LINUX_IMAGE }), "InvalidImageId.NotFound", 404],
    ["DryRun", () => ({ imageId, encrypted: true, dryRun: true }), "DryRunOperation", 400],
  ] as const)("refuses %s, copying nothing", async (_name, params, code, status) => {
    const before = [await inventory(ecs()), await inventory(ecs(), "cn-shanghai")];
    expect(await refusal(copyImage(ecs(), params()))).toMatchObject({ code, statusCode: status });
    expect([await inventory(ecs()), await inventory(ecs(), "cn-shanghai")]).toEqual(before);
  });

  it("refuses with the key disabled", async () => {
    const before = await inventory(ecs());
    await kms("DisableKey", { KeyId: keyId });
    try {
      expect(await refusal(copyImage(ecs(), { imageId: encryptedImageId, encrypted: true }))).toMatchObject({
        code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
        statusCode: 403,
      });
    } finally {
      await kms("EnableKey", { KeyId: keyId });
    }
    expect(await inventory(ecs())).toEqual(before);
  });
});

describe("RunInstances from a custom image", () => {
  it("an encrypted image gives an encrypted system disk under its key, with the guest's files", async () => {
    const [id] = await runInstances(ecs(), { imageId: encryptedImageId, systemDisk: { category: "cloud_essd" } });
    await waitForStatus(ecs(), id, "Running");
    const [system] = await disksOf(ecs(), id);
    expect([system.encrypted, system.KMSKeyId, system.imageId, system.size]).toEqual([true, keyId, encryptedImageId, 40]);
    expect(await shell(ecs(), id, "cat /root/image.txt")).toBe(`${FILE}\n`);
    const instance = (await ecs().describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: REGION, instanceIds: JSON.stringify([id]) }))).body!.instances!.instance![0];
    expect([instance.imageId, instance.OSNameEn, instance.OSType]).toEqual([encryptedImageId, "Alibaba Cloud Linux 3.2104 LTS 64 bit", "linux"]);
  });

  it("refuses Encrypted=false for an encrypted image, and a system disk category that cannot be encrypted", async () => {
    const before = await inventory(ecs());
    expect(await refusal(runInstances(ecs(), { imageId: encryptedImageId, systemDisk: { category: "cloud_essd", encrypted: false } }))).toMatchObject({
      code: "InvalidParameter.Encrypted",
      statusCode: 400,
    });
    expect(await refusal(runInstances(ecs(), { imageId: encryptedImageId, systemDisk: { category: "cloud_efficiency" } }))).toMatchObject({
      code: "NotSupportSnapshotEncrypted.DiskCategory",
      statusCode: 403,
    });
    expect(await inventory(ecs())).toEqual(before);
  });
});

describe("ReplaceSystemDisk", () => {
  it.each([
    ["a Running instance", () => ({}), "IncorrectInstanceStatus", 403],
  ] as const)("refuses %s", async (_name, params, code, status) => {
    expect(await refusal(replaceSystemDisk(ecs(), { instanceId, imageId: encryptedImageId, ...params() }))).toMatchObject({ code, statusCode: status });
  });

  it("on a Stopped instance: refusals change nothing; a public image is installed at the next start", async () => {
    const [id] = await runInstances(ecs(), { systemDisk: { category: "cloud_essd" } });
    await waitForStatus(ecs(), id, "Running");
    await shell(ecs(), id, "echo old > /root/old.txt && sync");
    await ecs().stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
    await waitForStatus(ecs(), id, "Stopped");
    const [oldSystem] = await disksOf(ecs(), id);
    const before = await inventory(ecs());
    const refused = (params: Partial<ConstructorParameters<typeof $Ecs.ReplaceSystemDiskRequest>[0]>) =>
      refusal(replaceSystemDisk(ecs(), { instanceId: id, imageId: encryptedImageId, ...params }));
    expect(await refused({ encrypted: false })).toMatchObject({ code: "InvalidParameter.Encrypted", statusCode: 400 });
    expect(await refused({ imageId: "m-unknown" })).toMatchObject({ code: "InvalidImageId.NotFound", statusCode: 404 });
    expect(await refused({ systemDisk: new $Ecs.ReplaceSystemDiskRequestSystemDisk({ size: 30 }) })).toMatchObject({ code: "InvalidSystemDiskSize.LessThanImageSize", statusCode: 404 });
    expect(await refused({ imageId: LINUX_IMAGE, KMSKeyId: keyId })).toMatchObject({ code: "InvalidParameter.EncryptedIllegal", statusCode: 400 });
    expect(await inventory(ecs())).toEqual(before);
    expect((await disksOf(ecs(), id)).map((d) => d.diskId)).toEqual([oldSystem.diskId]);

    const diskId = await replaceSystemDisk(ecs(), { instanceId: id, imageId: LINUX_IMAGE, encrypted: true, KMSKeyId: keyId });
    await until("the new disk In_use, the old released", async () => {
      const disks = await disksOf(ecs(), id);
      return disks.length === 1 && disks[0].diskId === diskId && disks[0].status === "In_use" ? true : undefined;
    });
    expect((await disksOf(ecs(), id))[0]).toMatchObject({ encrypted: true, KMSKeyId: keyId, imageId: LINUX_IMAGE, device: "/dev/xvda" });
    await ecs().startInstance(new $Ecs.StartInstanceRequest({ instanceId: id }));
    await waitForStatus(ecs(), id, "Running");
    expect(await shell(ecs(), id, "test -e /root/old.txt && echo present || echo fresh")).toBe("fresh\n");
  });

  it("refuses encryption on a system disk category outside the ESSD family, and on a restricted family", async () => {
    const [efficiency] = await runInstances(ecs(), { systemDisk: { category: "cloud_efficiency" } });
    const [restricted] = await runInstances(ecs(), { instanceType: "ecs.ebmg5.24xlarge", systemDisk: { category: "cloud_essd" } });
    for (const id of [efficiency, restricted]) {
      await waitForStatus(ecs(), id, "Running");
      await ecs().stopInstance(new $Ecs.StopInstanceRequest({ instanceId: id }));
      await waitForStatus(ecs(), id, "Stopped");
    }
    const before = await inventory(ecs());
    expect(await refusal(replaceSystemDisk(ecs(), { instanceId: efficiency, imageId: LINUX_IMAGE, encrypted: true }))).toMatchObject({
      code: "NotSupportSnapshotEncrypted.DiskCategory",
      statusCode: 403,
    });
    expect(await refusal(replaceSystemDisk(ecs(), { instanceId: restricted, imageId: encryptedImageId }))).toMatchObject({
      code: "NotSupportSnapshotEncrypted.InstanceType",
      statusCode: 400,
    });
    expect(await inventory(ecs())).toEqual(before);
  });
});

describe("ModifyImageAttribute and DeleteImage", () => {
  it("renames, deprecates; a name in use is refused", async () => {
    const target = await copyImage(ecs(), { imageId, destinationImageName: "to-modify" });
    await imageAvailable(ecs(), target);
    await ecs().modifyImageAttribute(new $Ecs.ModifyImageAttributeRequest({ regionId: REGION, imageId: target, imageName: "modified", description: "new words", status: "Deprecated" }));
    expect(await describeImage(ecs(), target)).toMatchObject({ imageName: "modified", description: "new words", status: "Deprecated" });
    expect(await refusal(ecs().modifyImageAttribute(new $Ecs.ModifyImageAttributeRequest({ regionId: REGION, imageId: target, imageName: "golden" })))).toMatchObject({
      code: "InvalidImageName.Duplicated",
      statusCode: 403,
    });
    expect(await refusal(ecs().modifyImageAttribute(new $Ecs.ModifyImageAttributeRequest({ regionId: REGION, imageId: "m-unknown", imageName: "x1" })))).toMatchObject({
      code: "InvalidImageId.NotFound",
      statusCode: 404,
    });
  });

  it("an image instances were made from needs Force; its snapshots stay and can then be deleted", async () => {
    const deleteImage = (force?: boolean, dryRun?: boolean) => ecs().deleteImage(new $Ecs.DeleteImageRequest({ regionId: REGION, imageId: encryptedImageId, force, dryRun }));
    expect(await refusal(deleteImage())).toMatchObject({ code: "ImageUsedByInstance", statusCode: 403 });
    expect(await refusal(deleteImage(true, true))).toMatchObject({ code: "DryRunOperation", statusCode: 400 });
    const snapshotId = (await describeImage(ecs(), encryptedImageId))!.diskDeviceMappings!.diskDeviceMapping![0].snapshotId!;
    await deleteImage(true);
    expect(await describeImage(ecs(), encryptedImageId)).toBeUndefined();
    expect(await describeSnapshot(ecs(), snapshotId)).toBeDefined();
    await ecs().deleteSnapshot(new $Ecs.DeleteSnapshotRequest({ snapshotId, force: true }));
    expect(await describeSnapshot(ecs(), snapshotId)).toBeUndefined();
  });

  it("tags images", async () => {
    await ecs().tagResources(new $Ecs.TagResourcesRequest({ regionId: REGION, resourceType: "image", resourceId: [imageId], tag: [new $Ecs.TagResourcesRequestTag({ key: "os", value: "alinux" })] }));
    expect((await describeImage(ecs(), imageId))?.tags?.tag).toEqual([expect.objectContaining({ tagKey: "os", tagValue: "alinux" })]);
    const tagged = await ecsPop(server).request<{ Images: { Image: { ImageId: string }[] } }>("DescribeImages", { RegionId: REGION, "Tag.1.Key": "os" });
    expect(tagged.Images.Image.map((i) => i.ImageId)).toEqual([imageId]);
  });
});
