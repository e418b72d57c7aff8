import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestContext } from "@/lib/context";
import { resetEmulator } from "@/lib/emulator/reset-emulator";
import { createKey } from "@/lib/kms/create-key";
import { listKeyAssociationsOf } from "@/lib/kms/key-associations";
import { policyEvaluator } from "@/lib/ram/authorize";
import { grantEcsDiskEncryptRole } from "@/lib/ram/roles";
import { copyImage } from "@/lib/ecs/images/copy-image";
import { replaceSystemDisk } from "@/lib/ecs/instances/replace-system-disk";
import { copySnapshot } from "./copy-snapshot";
import { deleteSnapshot } from "./delete-snapshot";
import { getRuntime } from "@/lib/runtime";
import { bootTestRuntime, shutdownTestRuntime } from "@/tests/openapi/runtime";
import { provisionDisk } from "@/lib/ecs/disks/provision-disk";
import { startDisks } from "@/lib/ecs/disks/start-disks";
import { resolveDiskEncryption } from "@/lib/ecs/encryption/resolve-disk-encryption";
import { getConsoleImage, listConsoleImages } from "@/lib/ecs/images/console-queries";
import { createImage } from "@/lib/ecs/images/create-image";
import { startImages } from "@/lib/ecs/images/start-images";
import { getConsoleSnapshot, listConsoleSnapshots } from "./console-queries";
import { createSnapshot } from "./create-snapshot";
import { snapshotsRootDir } from "./snapshot-lookup";
import { startSnapshots } from "./start-snapshots";

/**
 * The snapshots and images domains in process: the key association check lists snapshots and
 * images, the console's views, and ResetEmulator removing snapshot media.
 */
let dataDir: string;
let root: RequestContext;

beforeAll(async () => {
  ({ dataDir } = await bootTestRuntime());
  startDisks();
  startSnapshots();
  startImages();
  root = { principal: { kind: "root", accountId: getRuntime().accountId }, regionId: "cn-hangzhou", requestId: "SNAPSHOTS-TEST", source: "console" };
});
afterAll(async () => {
  await shutdownTestRuntime(dataDir);
});

describe("snapshots and images in the key association check and the console", () => {
  it("lists the disk, its snapshot and the image made of it under the key; the console views carry the key, not the data key", async () => {
    await grantEcsDiskEncryptRole(root);
    const key = await createKey(root, { description: "associations" });
    const encryption = await resolveDiskEncryption(root, { regionId: "cn-hangzhou", category: "cloud_essd", usage: "system", encrypted: true, kmsKeyId: key.keyId, causedBy: "test" });
    const disk = await provisionDisk(root, "test", {
      regionId: "cn-hangzhou",
      zoneId: "cn-hangzhou-h",
      category: "cloud_essd",
      sizeGiB: 20,
      type: "system",
      encryption,
      imageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
      status: "Available",
    });
    const { snapshotId } = await createSnapshot(root, { diskId: disk.id, name: "assoc" });
    await getRuntime().scheduler.runDue();
    await new Promise((resolve) => setTimeout(resolve, getRuntime().config.transitionMs + 20));
    await getRuntime().scheduler.runDue();
    const { imageId } = await createImage(root, { snapshotId, imageName: "assoc-image" });

    const associations = await listKeyAssociationsOf(key.keyId, "cn-hangzhou");
    expect(associations.map((a) => [a.resourceType, a.resourceId])).toEqual([
      ["disk", disk.id],
      ["image", imageId],
      ["snapshot", snapshotId],
    ]);

    const view = await getConsoleSnapshot(root, { snapshotId });
    expect(view).toMatchObject({ snapshotId, name: "assoc", encrypted: true, kmsKeyId: key.keyId, sourceDiskType: "system", usage: "image", sourceImageId: "aliyun_3_x64_20G_alibase_20240819.vhd" });
    expect(JSON.stringify(view)).not.toContain("dataKey");
    expect((await listConsoleSnapshots(root, { filter: { encrypted: true } })).snapshots.map((s) => s.snapshotId)).toEqual([snapshotId]);
    const image = await getConsoleImage(root, { imageId });
    expect(image).toMatchObject({ imageId, name: "assoc-image", ownerAlias: "self", encrypted: true, kmsKeyId: key.keyId, osType: "linux" });
    expect(image?.disks).toEqual([{ device: "/dev/xvda", type: "system", sizeGiB: 20, snapshotId, encrypted: true, kmsKeyId: key.keyId }]);
    expect((await listConsoleImages(root, { filter: { imageOwnerAlias: "self" } })).images.map((i) => i.imageId)).toEqual([imageId]);
  });

  it("authorizes on snapshot and image ARNs, and ReplaceSystemDisk with the system disk's encryption conditions", async () => {
    const seen: { action: string; resourceArn: string; conditions: Record<string, string[]> }[] = [];
    policyEvaluator.current = async (_ctx, action, resourceArn, conditions) => {
      seen.push({ action, resourceArn, conditions });
      return { effect: "Deny", type: "ExplicitDeny" };
    };
    const user: RequestContext = { ...root, principal: { kind: "user", accountId: getRuntime().accountId, userName: "alice" } };
    const account = getRuntime().accountId;
    const denied = async (call: Promise<unknown>) => expect(await call.then(() => "allowed", (e: { code?: string }) => e.code)).toBe("Forbidden.RAM");
    try {
      await denied(deleteSnapshot(user, { snapshotId: "s-abc" }));
      await denied(copySnapshot(user, { snapshotId: "s-abc", destinationRegionId: "cn-shanghai" }));
      await denied(copyImage(user, { imageId: "m-abc", destinationRegionId: "cn-hangzhou", encrypted: true }));
      await denied(replaceSystemDisk(user, { instanceId: "i-abc", imageId: "aliyun_3_x64_20G_alibase_20240819.vhd", encrypted: true }));
      await denied(replaceSystemDisk(user, { instanceId: "i-abc", imageId: "aliyun_3_x64_20G_alibase_20240819.vhd" }));
    } finally {
      policyEvaluator.current = undefined;
    }
    expect(seen.map((s) => [s.action, s.resourceArn])).toEqual([
      ["ecs:DeleteSnapshot", `acs:ecs:cn-hangzhou:${account}:snapshot/s-abc`],
      ["ecs:CopySnapshot", `acs:ecs:cn-hangzhou:${account}:snapshot/s-abc`],
      ["ecs:CopyImage", `acs:ecs:cn-hangzhou:${account}:image/m-abc`],
      ["ecs:ReplaceSystemDisk", `acs:ecs:cn-hangzhou:${account}:instance/i-abc`],
      ["ecs:ReplaceSystemDisk", `acs:ecs:cn-hangzhou:${account}:instance/i-abc`],
    ]);
    expect(seen[3].conditions).toEqual({ "ecs:IsSystemDiskEncrypted": ["true"], "ecs:IsSystemDiskByokEncrypted": ["false"] });
    expect(seen[4].conditions).toEqual({ "ecs:IsSystemDiskEncrypted": ["false"], "ecs:IsSystemDiskByokEncrypted": ["false"] });
  });

  it("ResetEmulator removes the snapshots' media with their rows", async () => {
    expect(existsSync(snapshotsRootDir())).toBe(true);
    await resetEmulator(root);
    expect(existsSync(snapshotsRootDir())).toBe(false);
    expect(await getRuntime().db.snapshot.count()).toBe(0);
    expect(await getRuntime().db.image.count()).toBe(0);
  });
});
