import { rename, rm } from "node:fs/promises";
import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { deleteMedium, restoreMedium } from "@/lib/storage";
import { diskEncryptionContext, diskMediumDir, diskSizeBytes } from "@/lib/ecs/disks/data-key";
import { diskArn, getDiskOrThrow } from "@/lib/ecs/disks/describe-disks";
import { assertMediumKeyUsable, copyKeyedMedium } from "@/lib/ecs/encryption/keyed-media";
import { snapshotErrors } from "./errors";
import { getSnapshotOrThrow, snapshotAsMedium } from "./snapshot-lookup";

const keyErrors = { notEnabled: snapshotErrors.keyNotEnabled, notFound: () => snapshotErrors.keyNotFound(404) };

/**
 * ECS ResetDisk: the disk's data becomes the snapshot's. The snapshot must be of that disk
 * (403 InvalidParameter.Mismatch), and an unencrypted disk cannot take an encrypted snapshot
 * (a "Copy and Encrypt" copy of its own snapshot: 403 InvalidParameter.Mismatch); the disk In_use
 * or Available, its instance Stopped (403 IncorrectInstanceStatus), both keys Enabled. The new
 * medium is built beside the old one and swapped in, so a failure leaves the disk as it was.
 */
export function resetDisk(ctx: RequestContext, input: { diskId: string; snapshotId: string }): Promise<void> {
  const spec = { service: "ecs" as const, action: "ResetDisk", resourceArn: diskArn(ctx.regionId, input.diskId) };
  return operation(ctx, spec, async (op) => {
    const { db } = getRuntime();
    const disk = await getDiskOrThrow(ctx, ctx.regionId, input.diskId);
    const snapshot = await getSnapshotOrThrow(ctx.regionId, input.snapshotId);
    op.keyId = disk.kmsKeyId ?? undefined;
    if (snapshot.sourceDiskId !== disk.id) throw snapshotErrors.notOfDisk();
    if (snapshot.encrypted && !disk.encrypted) throw snapshotErrors.encryptedForUnencryptedDisk();
    if (disk.status !== "In_use" && disk.status !== "Available") throw snapshotErrors.incorrectDiskStatus();
    if (disk.instanceId) {
      const instance = await db.instance.findUnique({ where: { id: disk.instanceId }, select: { status: true } });
      if (instance && instance.status !== "Stopped") throw snapshotErrors.incorrectInstanceStatus();
    }
    if (snapshot.status !== "accomplished") throw snapshotErrors.notReady();
    await assertMediumKeyUsable(ctx, op.eventId, disk, keyErrors);
    await assertMediumKeyUsable(ctx, op.eventId, snapshot, keyErrors);
    if (ctx.dryRun) throw dryRunPassed();

    const dir = diskMediumDir(disk.id);
    const staging = `${dir}.reset`;
    await rm(staging, { recursive: true, force: true });
    let keys = { dataKeyCiphertext: disk.dataKeyCiphertext, encryptionContext: disk.encryptionContext };
    if (snapshot.dataKeyCiphertext === disk.dataKeyCiphertext) {
      // Its own snapshot: the same data key, so the chunks are linked back as they are.
      await restoreMedium(snapshotAsMedium(snapshot).dir, staging, { sizeBytes: diskSizeBytes(disk.sizeGiB) });
    } else {
      keys = await copyKeyedMedium(ctx, op.eventId, snapshotAsMedium(snapshot), {
        dir: staging,
        regionId: disk.regionId,
        readOnly: false,
        sizeBytes: diskSizeBytes(disk.sizeGiB),
        encryption: { encrypted: disk.encrypted, kmsKeyId: disk.kmsKeyId ?? undefined },
        context: diskEncryptionContext(disk.id),
      });
    }
    await deleteMedium(dir);
    await rename(staging, dir);
    await db.disk.update({ where: { id: disk.id }, data: keys });
  });
}
