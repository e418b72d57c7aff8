import { $Ecs } from "./sdk";
import type { TestServer } from "./server";
import { REGION, until } from "./ecs-instances";

/** Shortcuts of the snapshot, image and conversion integration tests. */
export type EcsClient = TestServer["ecs"];

export async function createSnapshot(ecs: EcsClient, diskId: string, params: { snapshotName?: string; description?: string; tag?: { key: string; value: string }[] } = {}): Promise<string> {
  const body = (
    await ecs.createSnapshot(
      new $Ecs.CreateSnapshotRequest({
        diskId,
        snapshotName: params.snapshotName,
        description: params.description,
        tag: params.tag?.map((t) => new $Ecs.CreateSnapshotRequestTag(t)),
      }),
    )
  ).body!;
  return body.snapshotId!;
}

export type DescribeSnapshotsParams = NonNullable<ConstructorParameters<typeof $Ecs.DescribeSnapshotsRequest>[0]>;

export async function describeSnapshots(ecs: EcsClient, params: DescribeSnapshotsParams = {}) {
  return (await ecs.describeSnapshots(new $Ecs.DescribeSnapshotsRequest({ regionId: REGION, ...params }))).body!;
}

export async function describeSnapshot(ecs: EcsClient, snapshotId: string, regionId = REGION) {
  const body = await describeSnapshots(ecs, { regionId, snapshotIds: JSON.stringify([snapshotId]) });
  return body.snapshots?.snapshot?.[0];
}

/** Waits for `accomplished` (the scheduler moves it after DISKSEAL_TRANSITION_MS). */
export async function snapshotAccomplished(ecs: EcsClient, snapshotId: string, regionId = REGION) {
  return until(`${snapshotId} accomplished`, async () => {
    const snapshot = await describeSnapshot(ecs, snapshotId, regionId);
    return snapshot?.status === "accomplished" ? snapshot : undefined;
  });
}

/** CreateSnapshot and wait until it is accomplished. */
export async function takeSnapshot(ecs: EcsClient, diskId: string): Promise<string> {
  const snapshotId = await createSnapshot(ecs, diskId);
  await snapshotAccomplished(ecs, snapshotId);
  return snapshotId;
}

export async function copySnapshot(ecs: EcsClient, params: NonNullable<ConstructorParameters<typeof $Ecs.CopySnapshotRequest>[0]>): Promise<string> {
  const body = (await ecs.copySnapshot(new $Ecs.CopySnapshotRequest({ regionId: REGION, destinationRegionId: REGION, ...params }))).body!;
  return body.snapshotId!;
}

export async function describeImage(ecs: EcsClient, imageId: string, regionId = REGION) {
  const body = (
    await ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId, imageId, status: "Creating,Available,Deprecated,CreateFailed" }))
  ).body!;
  return body.images?.image?.[0];
}

export async function imageAvailable(ecs: EcsClient, imageId: string, regionId = REGION) {
  return until(`${imageId} Available`, async () => {
    const image = await describeImage(ecs, imageId, regionId);
    return image?.status === "Available" ? image : undefined;
  });
}

export async function createImage(ecs: EcsClient, params: NonNullable<ConstructorParameters<typeof $Ecs.CreateImageRequest>[0]>): Promise<string> {
  return (await ecs.createImage(new $Ecs.CreateImageRequest({ regionId: REGION, ...params }))).body!.imageId!;
}

export async function copyImage(ecs: EcsClient, params: NonNullable<ConstructorParameters<typeof $Ecs.CopyImageRequest>[0]>): Promise<string> {
  return (await ecs.copyImage(new $Ecs.CopyImageRequest({ regionId: REGION, destinationRegionId: REGION, ...params }))).body!.imageId!;
}

export async function replaceSystemDisk(ecs: EcsClient, params: NonNullable<ConstructorParameters<typeof $Ecs.ReplaceSystemDiskRequest>[0]>): Promise<string> {
  return (await ecs.replaceSystemDisk(new $Ecs.ReplaceSystemDiskRequest(params))).body!.diskId!;
}

/** Counts of snapshots and images in the region: what "nothing changed" compares. */
export async function inventory(ecs: EcsClient, regionId = REGION): Promise<{ snapshots: number; images: number; disks: number }> {
  const snapshots = (await describeSnapshots(ecs, { regionId, maxResults: 100 })).totalCount ?? 0;
  const images = (await ecs.describeImages(new $Ecs.DescribeImagesRequest({ regionId, imageOwnerAlias: "self", status: "Creating,Available,Deprecated,CreateFailed" }))).body!.totalCount ?? 0;
  const disks = (await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId, maxResults: 100 }))).body!.totalCount ?? 0;
  return { snapshots, images, disks };
}
