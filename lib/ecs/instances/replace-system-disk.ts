import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { defaultSystemDiskSize, getDiskSizeLimit, type PerformanceLevel } from "@/lib/ecs/catalog/disk-categories";
import { destroyDisk } from "@/lib/ecs/disks/delete-disk";
import { provisionDisk } from "@/lib/ecs/disks/provision-disk";
import { encryptionErrors } from "@/lib/ecs/encryption/errors";
import { assertMediumKeyUsable } from "@/lib/ecs/encryption/keyed-media";
import { getRegionEncryptionSetting } from "@/lib/ecs/encryption/region-settings";
import { previewDiskEncryption, resolveDiskEncryption } from "@/lib/ecs/encryption/resolve-disk-encryption";
import { diskEncryptionConditions } from "@/lib/ecs/encryption/rules";
import { getBootImageOrThrow, previewImageEncryption } from "@/lib/ecs/images/image-lookup";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import { getInstanceOrThrow, instanceArn } from "@/lib/ecs/instances/instance-lookup";
import { encryptionFromSnapshot } from "@/lib/ecs/snapshots/snapshot-encryption";
import { snapshotAsMedium } from "@/lib/ecs/snapshots/snapshot-lookup";

export type ReplaceSystemDiskInput = {
  instanceId: string;
  imageId: string;
  encrypted?: boolean;
  kmsKeyId?: string;
  /** SystemDisk.Size, GiB: default the larger of the old disk's and the image's. */
  sizeGiB?: number;
};

/**
 * ECS ReplaceSystemDisk: a Stopped instance gets a NEW system disk (a new id, the old disk's
 * category) made from the image — a public image is installed at the next start, a custom
 * image's system snapshot is its data (re-encrypted under another key if asked). From an
 * encrypted image the disk is encrypted (Encrypted=false → 400 InvalidParameter.Encrypted);
 * Encrypted=true encrypts it (ESSD family only; restricted instance families refused). The old
 * system disk is released once the new one is In_use (scheduler). Order: parameter form →
 * authorization (`ecs:IsSystemDiskEncrypted`, `ecs:IsSystemDiskByokEncrypted`) → instance (404)
 * and Stopped (403) → image → size → encryption rules and keys → create.
 */
export async function replaceSystemDisk(ctx: RequestContext, input: ReplaceSystemDiskInput): Promise<{ diskId: string }> {
  const regionId = ctx.regionId;
  const imageKey = await previewImageEncryption(regionId, input.imageId);
  const request = { encrypted: input.encrypted, kmsKeyId: input.kmsKeyId };
  const preview = await previewDiskEncryption(
    regionId,
    imageKey.encrypted && input.encrypted === undefined ? { encrypted: true, kmsKeyId: input.kmsKeyId || imageKey.kmsKeyId || undefined } : request,
  );
  const conditions = diskEncryptionConditions([preview], { encrypted: "ecs:IsSystemDiskEncrypted", byok: "ecs:IsSystemDiskByokEncrypted" });
  const spec = { service: "ecs" as const, action: "ReplaceSystemDisk", resourceArn: instanceArn(regionId, input.instanceId), conditions };
  return operation(ctx, spec, async (op) => {
    const { db } = getRuntime();
    const instance = await getInstanceOrThrow(regionId, input.instanceId);
    if (instance.status !== "Stopped") throw instanceErrors.incorrectStatus();
    const image = await getBootImageOrThrow(regionId, input.imageId);
    const old = instance.systemDiskId ? await db.disk.findUnique({ where: { id: instance.systemDiskId } }) : null;
    if (!old || old.instanceId !== instance.id) throw instanceErrors.noSystemDisk();
    const sizeGiB = input.sizeGiB ?? Math.max(old.sizeGiB, defaultSystemDiskSize(image.sizeGiB));
    if (sizeGiB < image.sizeGiB) throw instanceErrors.systemDiskSmallerThanImage();
    const limit = getDiskSizeLimit("system", old.category, (old.performanceLevel ?? undefined) as PerformanceLevel | undefined);
    if (!limit || sizeGiB < limit.min || sizeGiB > limit.max) throw instanceErrors.systemDiskSize();
    const from = image.kind === "custom" ? image.systemSnapshot : undefined;
    const encryption = await resolveDiskEncryption(ctx, {
      regionId,
      category: old.category,
      usage: "system",
      ...(from
        ? encryptionFromSnapshot(from, request, await getRegionEncryptionSetting(regionId), { inheritWhenOmitted: true, allowRekey: true })
        : request),
      instanceType: instance.instanceType,
      causedBy: op.eventId,
    });
    op.keyId = encryption.kmsKeyId;
    if (from) await assertMediumKeyUsable(ctx, op.eventId, from, { notEnabled: encryptionErrors.keyNotEnabled, notFound: encryptionErrors.keyNotFound });

    const disk = await provisionDisk(ctx, op.eventId, {
      regionId,
      zoneId: instance.zoneId,
      category: old.category,
      performanceLevel: old.performanceLevel ?? undefined,
      sizeGiB,
      type: "system",
      encryption,
      instanceId: instance.id,
      deviceLetter: "a",
      deleteWithInstance: true,
      imageId: image.imageId,
      sourceSnapshotId: from?.id,
      source: from ? snapshotAsMedium(from) : undefined,
    });
    try {
      await db.$transaction([
        // The old disk stays the instance's, without a device, until the new one is In_use.
        db.disk.update({ where: { id: old.id }, data: { deviceLetter: null } }),
        db.instance.update({ where: { id: instance.id }, data: { systemDiskId: disk.id, imageId: image.imageId, osType: image.osType } }),
      ]);
    } catch (error) {
      await destroyDisk(disk.id);
      throw error;
    }
    return { diskId: disk.id };
  });
}

/**
 * Releases the system disks ReplaceSystemDisk replaced (still the instance's, with no device)
 * once the instance's new system disk is In_use. Scheduler handler "ecs.instances.replaced-system-disks".
 */
export async function releaseReplacedSystemDisks(): Promise<void> {
  const { db } = getRuntime();
  const replaced = await db.disk.findMany({ where: { type: "system", instanceId: { not: null }, deviceLetter: null } });
  for (const disk of replaced) {
    const instance = await db.instance.findUnique({ where: { id: disk.instanceId! }, select: { systemDiskId: true } });
    if (!instance?.systemDiskId || instance.systemDiskId === disk.id) continue;
    const current = await db.disk.findUnique({ where: { id: instance.systemDiskId }, select: { status: true } });
    if (current?.status === "In_use") await destroyDisk(disk.id);
  }
}
