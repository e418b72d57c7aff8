import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import { kmsClients, type KmsCall } from "../helpers/kms-clients";
import { accountOf } from "../helpers/ecs-disks";
import { diskseal, diskStatus, printServerOutputOnFailure, REGION, refusal, runInstances, until, waitForStatus, ZONE } from "../helpers/ecs-instances";
import {
  createSnapshot,
  describeSnapshot,
  describeSnapshots,
  inventory,
  snapshotAccomplished,
  takeSnapshot,
} from "../helpers/ecs-snapshots";

/**
 * CreateSnapshot, DescribeSnapshots (filters, paging), ModifySnapshotAttribute, DeleteSnapshot,
 * tags on snapshots, through the official ECS SDK: every refusal with its code and HTTP status,
 * and nothing changed by it.
 */
let server: TestServer;
let kms: KmsCall;
let keyId: string;
let encryptedDiskId: string;
let plainDiskId: string;

const ecs = () => server.ecs;

async function createDisk(params: ConstructorParameters<typeof $Ecs.CreateDiskRequest>[0] = {}): Promise<string> {
  const body = (await ecs().createDisk(new $Ecs.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: "cloud_essd", size: 20, ...params }))).body!;
  await until("the disk Available", async () => ((await diskStatus(ecs(), body.diskId!)) === "Available" ? true : undefined));
  return body.diskId!;
}

beforeAll(async () => {
  server = await startTestServer();
  kms = kmsClients(server).sdk;
  await diskseal(server).request("GrantEcsDiskEncryptRole");
  keyId = (await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", { Description: "snapshots" })).KeyMetadata.KeyId;
  await kms("CreateAlias", { KeyId: keyId, AliasName: "alias/snapshots" });
  encryptedDiskId = await createDisk({ encrypted: true, KMSKeyId: keyId, diskName: "encrypted-data" });
  plainDiskId = await createDisk({ diskName: "plain-data", size: 30 });
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

describe("CreateSnapshot and DescribeSnapshots", () => {
  let encryptedSnapshot: string;
  let plainSnapshot: string;

  it("a snapshot inherits its disk's encryption and key and is accomplished at 100%", async () => {
    encryptedSnapshot = await createSnapshot(ecs(), encryptedDiskId, { snapshotName: "enc-1", description: "first", tag: [{ key: "team", value: "storage" }] });
    expect(encryptedSnapshot).toMatch(/^s-/);
    const snapshot = await snapshotAccomplished(ecs(), encryptedSnapshot);
    expect(snapshot).toMatchObject({
      snapshotId: encryptedSnapshot,
      snapshotName: "enc-1",
      description: "first",
      status: "accomplished",
      progress: "100%",
      available: true,
      encrypted: true,
      KMSKeyId: keyId,
      sourceDiskId: encryptedDiskId,
      sourceDiskSize: "20",
      sourceDiskType: "Data",
      snapshotType: "user",
      usage: "none",
      regionId: REGION,
    });
    expect(snapshot.tags?.tag).toEqual([expect.objectContaining({ tagKey: "team", tagValue: "storage" })]);
    plainSnapshot = await takeSnapshot(ecs(), plainDiskId);
    expect(await describeSnapshot(ecs(), plainSnapshot)).toMatchObject({ encrypted: false, KMSKeyId: "", sourceDiskSize: "30" });
  });

  it("filters: DiskId, Encrypted, KMSKeyId (id, alias, ARN), Status, SnapshotName, SnapshotType, SourceDiskType, Tag", async () => {
    const ids = async (params: Parameters<typeof describeSnapshots>[1]) =>
      ((await describeSnapshots(ecs(), params)).snapshots?.snapshot ?? []).map((s) => s.snapshotId).sort();
    const account = await accountOf(server);
    expect(await ids({ diskId: encryptedDiskId })).toEqual([encryptedSnapshot]);
    expect(await ids({ encrypted: true })).toEqual([encryptedSnapshot]);
    expect(await ids({ KMSKeyId: keyId })).toEqual([encryptedSnapshot]);
    expect(await ids({ KMSKeyId: "alias/snapshots" })).toEqual([encryptedSnapshot]);
    expect(await ids({ KMSKeyId: `acs:kms:${REGION}:${account}:key/${keyId}` })).toEqual([encryptedSnapshot]);
    expect(await ids({ KMSKeyId: "alias/none" })).toEqual([]);
    expect(await ids({ status: "accomplished" })).toEqual([encryptedSnapshot, plainSnapshot].sort());
    expect(await ids({ status: "progressing" })).toEqual([]);
    expect(await ids({ snapshotName: "enc-1" })).toEqual([encryptedSnapshot]);
    expect(await ids({ snapshotType: "auto" })).toEqual([]);
    expect(await ids({ sourceDiskType: "data" })).toEqual([encryptedSnapshot, plainSnapshot].sort());
    expect(await ids({ sourceDiskType: "System" })).toEqual([]);
    expect(await ids({ tag: [new $Ecs.DescribeSnapshotsRequestTag({ key: "team", value: "storage" })] })).toEqual([encryptedSnapshot]);
    expect(await ids({ snapshotIds: JSON.stringify([plainSnapshot, "s-unknown"]) })).toEqual([plainSnapshot]);
  });

  it("pages by PageNumber/PageSize and by MaxResults/NextToken, newest first", async () => {
    const byPage = await describeSnapshots(ecs(), { pageNumber: 2, pageSize: 1 });
    expect([byPage.totalCount, byPage.pageNumber, byPage.pageSize]).toEqual([2, 2, 1]);
    expect(byPage.snapshots?.snapshot?.map((s) => s.snapshotId)).toEqual([encryptedSnapshot]);
    const first = await describeSnapshots(ecs(), { maxResults: 1 });
    expect(first.snapshots?.snapshot?.map((s) => s.snapshotId)).toEqual([plainSnapshot]);
    const second = await describeSnapshots(ecs(), { maxResults: 1, nextToken: first.nextToken });
    expect(second.snapshots?.snapshot?.map((s) => s.snapshotId)).toEqual([encryptedSnapshot]);
    expect(second.nextToken).toBe("");
  });

  it("refuses malformed SnapshotIds, a bad Status, and answers DryRun", async () => {
    expect(await refusal(describeSnapshots(ecs(), { snapshotIds: "not json" }))).toMatchObject({ code: "InvalidParameter.SnapshotIds", statusCode: 400 });
    expect(await refusal(describeSnapshots(ecs(), { status: "done" }))).toMatchObject({ code: "InvalidStatus.ValueNotSupported", statusCode: 400 });
    expect(await refusal(describeSnapshots(ecs(), { dryRun: true }))).toMatchObject({ code: "DryRunOperation", statusCode: 400 });
  });

  it("refuses an unknown disk, a name starting with auto, and a disabled key — creating nothing", async () => {
    const before = await inventory(ecs());
    expect(await refusal(createSnapshot(ecs(), "d-unknown"))).toMatchObject({ code: "InvalidDiskId.NotFound", statusCode: 404 });
    expect(await refusal(createSnapshot(ecs(), plainDiskId, { snapshotName: "auto-nightly" }))).toMatchObject({ code: "InvalidSnapshotName.Malformed", statusCode: 400 });
    expect(await refusal(createSnapshot(ecs(), plainDiskId, { snapshotName: "1-digit-first" }))).toMatchObject({ code: "InvalidParameter", statusCode: 400 });
    await kms("DisableKey", { KeyId: keyId });
    try {
      expect(await refusal(createSnapshot(ecs(), encryptedDiskId))).toMatchObject({
        code: "InvalidParameter.KMSKeyId.CMKNotEnabled",
        statusCode: 403,
        message: "The CMK needs to be enabled.",
      });
    } finally {
      await kms("EnableKey", { KeyId: keyId });
    }
    expect(await inventory(ecs())).toEqual(before);
  });

  it("asks KMS as the ECS service, with CausedBy the CreateSnapshot event", async () => {
    const snapshotId = await takeSnapshot(ecs(), encryptedDiskId);
    type Event = { EventId: string; Principal: string; CausedBy?: string; ResourceArn: string; Source: string };
    const events = async (name: string) => (await diskseal(server).request<{ Events: Event[] }>("LookupEvents", { EventName: name, MaxResults: 50 })).Events;
    const created = (await events("CreateSnapshot")).find((e) => e.ResourceArn.endsWith(`snapshot/${snapshotId}`))!;
    expect(created).toBeDefined();
    const describeKey = (await events("DescribeKey")).find((e) => e.CausedBy === created.EventId);
    expect(describeKey?.Source).toBe("ecs-service");
  });
});

describe("ModifySnapshotAttribute, DeleteSnapshot, tags", () => {
  it("renames and describes; an unknown snapshot is 404", async () => {
    const snapshotId = await takeSnapshot(ecs(), plainDiskId);
    await ecs().modifySnapshotAttribute(new $Ecs.ModifySnapshotAttributeRequest({ snapshotId, snapshotName: "renamed", description: "after" }));
    expect(await describeSnapshot(ecs(), snapshotId)).toMatchObject({ snapshotName: "renamed", description: "after" });
    expect(await refusal(ecs().modifySnapshotAttribute(new $Ecs.ModifySnapshotAttributeRequest({ snapshotId: "s-unknown", snapshotName: "x1" })))).toMatchObject({
      code: "InvalidSnapshotId.NotFound",
      statusCode: 404,
    });
  });

  it("TagResources / ListTagResources / UntagResources take ResourceType snapshot", async () => {
    const snapshotId = await takeSnapshot(ecs(), plainDiskId);
    await ecs().tagResources(new $Ecs.TagResourcesRequest({ regionId: REGION, resourceType: "snapshot", resourceId: [snapshotId], tag: [new $Ecs.TagResourcesRequestTag({ key: "env", value: "prod" })] }));
    const listed = (await ecs().listTagResources(new $Ecs.ListTagResourcesRequest({ regionId: REGION, resourceType: "snapshot", resourceId: [snapshotId] }))).body!;
    expect(listed.tagResources?.tagResource?.map((t) => [t.resourceId, t.tagKey, t.tagValue, t.resourceType])).toEqual([[snapshotId, "env", "prod", "snapshot"]]);
    await ecs().untagResources(new $Ecs.UntagResourcesRequest({ regionId: REGION, resourceType: "snapshot", resourceId: [snapshotId], tagKey: ["env"] }));
    expect((await describeSnapshot(ecs(), snapshotId))?.tags?.tag ?? []).toEqual([]);
    expect(await refusal(ecs().tagResources(new $Ecs.TagResourcesRequest({ regionId: REGION, resourceType: "snapshot", resourceId: ["s-unknown"], tag: [new $Ecs.TagResourcesRequestTag({ key: "a", value: "b" })] })))).toMatchObject({
      code: "InvalidResourceId.NotFound",
      statusCode: 404,
    });
  });

  it("deletes a snapshot; one disks were made from needs Force, and the disk keeps its data", async () => {
    const snapshotId = await takeSnapshot(ecs(), plainDiskId);
    const fromIt = (await ecs().createDisk(new $Ecs.CreateDiskRequest({ regionId: REGION, zoneId: ZONE, diskCategory: "cloud_essd", snapshotId }))).body!.diskId!;
    const deleteSnapshot = (force?: boolean) => ecs().deleteSnapshot(new $Ecs.DeleteSnapshotRequest({ snapshotId, force }));
    expect(await refusal(deleteSnapshot())).toMatchObject({ code: "SnapshotCreatedDisk", statusCode: 403 });
    expect(await describeSnapshot(ecs(), snapshotId)).toMatchObject({ usage: "disk" });
    await deleteSnapshot(true);
    expect(await describeSnapshot(ecs(), snapshotId)).toBeUndefined();
    expect(await refusal(deleteSnapshot())).toMatchObject({ code: "InvalidSnapshotId.NotFound", statusCode: 404 });
    await until("the disk Available", async () => ((await diskStatus(ecs(), fromIt)) === "Available" ? true : undefined));
  });

  it("a snapshot an image is made of cannot be deleted", async () => {
    const [instanceId] = await runInstances(ecs(), { systemDisk: { category: "cloud_essd" } });
    await waitForStatus(ecs(), instanceId, "Running");
    const imageId = (await ecs().createImage(new $Ecs.CreateImageRequest({ regionId: REGION, instanceId, imageName: "keeps-its-snapshot" }))).body!.imageId!;
    const image = await until("the image", async () => {
      const found = (await ecs().describeImages(new $Ecs.DescribeImagesRequest({ regionId: REGION, imageId, status: "Creating,Available" }))).body!.images?.image?.[0];
      return found?.status === "Available" ? found : undefined;
    });
    const snapshotId = image.diskDeviceMappings!.diskDeviceMapping![0].snapshotId!;
    expect(await describeSnapshot(ecs(), snapshotId)).toMatchObject({ usage: "image", sourceDiskType: "System" });
    expect(await refusal(ecs().deleteSnapshot(new $Ecs.DeleteSnapshotRequest({ snapshotId, force: true })))).toMatchObject({ code: "SnapshotCreatedImage", statusCode: 403 });
    expect(await describeSnapshot(ecs(), snapshotId)).toBeDefined();
  });
});
