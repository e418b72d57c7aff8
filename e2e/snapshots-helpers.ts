import { expect } from "@playwright/test";
import { ZONE, api, unique } from "./instances-helpers";

/** What the snapshot and wizard specs seed through the API (ECS 2014-05-26, KMS, DiskSeal). */
export function seed(baseURL: string) {
  const ecs = api(baseURL, "2014-05-26");
  const kms = api(baseURL, "2016-01-20");
  const diskseal = api(baseURL, "2026-11-28");

  async function diskOf(diskId: string) {
    const { Disks } = await ecs<{ Disks: { Disk: Record<string, unknown>[] } }>("DescribeDisks", {
      DiskIds: JSON.stringify([diskId]),
    });
    return Disks.Disk[0];
  }
  async function waitForDisk(diskId: string, status: string) {
    await expect.poll(async () => (await diskOf(diskId))?.Status, { timeout: 30_000 }).toBe(status);
  }
  return {
    ecs,
    kms,
    diskOf,
    waitForDisk,
    /** An unattached pay-as-you-go data disk of the spec's zone. */
    async createDisk(params: Record<string, unknown> = {}) {
      const { DiskId } = await ecs<{ DiskId: string }>("CreateDisk", {
        ZoneId: ZONE,
        DiskCategory: "cloud_essd",
        Size: 20,
        DiskName: unique("e2e-disk"),
        ...params,
      });
      await waitForDisk(DiskId, "Available");
      return DiskId;
    },
    /** A snapshot of the disk, accomplished. */
    async createSnapshot(diskId: string) {
      const { SnapshotId } = await ecs<{ SnapshotId: string }>("CreateSnapshot", {
        DiskId: diskId,
        SnapshotName: unique("e2e-snap"),
      });
      await expect
        .poll(
          async () =>
            (
              await ecs<{ Snapshots: { Snapshot: { Status: string }[] } }>("DescribeSnapshots", {
                SnapshotIds: JSON.stringify([SnapshotId]),
              })
            ).Snapshots.Snapshot[0]?.Status,
          { timeout: 30_000 },
        )
        .toBe("accomplished");
      return SnapshotId;
    },
    /** A customer master key ECS may use (the role granted). */
    async createCmk() {
      const { KeyMetadata } = await kms<{ KeyMetadata: { KeyId: string } }>("CreateKey", {
        Description: unique("e2e snapshot cmk"),
      });
      await diskseal("GrantEcsDiskEncryptRole");
      return KeyMetadata.KeyId;
    },
  };
}
