import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import { isDiskCategoryOffered } from "@/lib/ecs/catalog/availability";
import {
  DEFAULT_PERFORMANCE_LEVEL,
  getDiskSizeLimit,
  type PerformanceLevel,
} from "@/lib/ecs/catalog/disk-categories";
import { getRegionOrThrow } from "@/lib/ecs/catalog/regions";
import { getZoneOrThrow } from "@/lib/ecs/catalog/zones";
import {
  previewDiskEncryption,
  resolveDiskEncryption,
} from "@/lib/ecs/encryption/resolve-disk-encryption";
import { encryptionErrors } from "@/lib/ecs/encryption/errors";
import { diskEncryptionConditions, type EncryptionRequest } from "@/lib/ecs/encryption/rules";
import { assertMediumKeyUsable } from "@/lib/ecs/encryption/keyed-media";
import { getRegionEncryptionSetting } from "@/lib/ecs/encryption/region-settings";
import { snapshotErrors } from "@/lib/ecs/snapshots/errors";
import { encryptionFromSnapshot } from "@/lib/ecs/snapshots/snapshot-encryption";
import { getSnapshotOrThrow, snapshotAsMedium } from "@/lib/ecs/snapshots/snapshot-lookup";
import type { Tag } from "@/lib/ecs/tags/tag-rules";
import { diskArn } from "./describe-disks";
import { diskErrors } from "./errors";
import { provisionDisk } from "./provision-disk";

export type CreateDiskInput = {
  zoneId?: string;
  /** Default `cloud`, as the API's (the console sends `cloud_essd`). */
  category?: string;
  /** cloud_essd only (default PL1); ignored for other categories. */
  performanceLevel?: PerformanceLevel;
  sizeGiB?: number;
  snapshotId?: string;
  name?: string;
  description?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
  tags?: Tag[];
  clientToken?: string;
};

export const DEFAULT_API_DISK_CATEGORY = "cloud";

/** The level a disk of this category gets (ESSD only), or undefined. */
export function performanceLevelFor(
  category: string,
  level?: PerformanceLevel,
): PerformanceLevel | undefined {
  return category === "cloud_essd" ? (level ?? DEFAULT_PERFORMANCE_LEVEL) : undefined;
}

/**
 * ECS CreateDisk: a pay-as-you-go data disk in `ctx.regionId`, `Creating` until
 * DISKSEAL_TRANSITION_MS passes. Order: parameter form → authorization (with the effective
 * `ecs:IsDiskEncrypted` / `ecs:IsDiskByokEncrypted`) → region, zone, category → encryption
 * rules and key lookups → ClientToken → DryRun → create.
 */
export async function createDisk(
  ctx: RequestContext,
  input: CreateDiskInput,
): Promise<{ diskId: string }> {
  const regionId = ctx.regionId;
  const category = input.category ?? DEFAULT_API_DISK_CATEGORY;
  const performanceLevel = performanceLevelFor(category, input.performanceLevel);
  if (input.sizeGiB === undefined && !input.snapshotId) throw diskErrors.sizeOrSnapshotMissing();
  if (!input.zoneId) throw diskErrors.zoneMissing();
  if (input.sizeGiB !== undefined) {
    const limits = getDiskSizeLimit("data", category, performanceLevel);
    if (!limits || input.sizeGiB < limits.min || input.sizeGiB > limits.max)
      throw diskErrors.invalidSize();
  }
  const preview = await previewDiskEncryption(regionId, input);
  const resourceArn = arn("ecs", regionId, getRuntime().accountId, "disk/*");
  const conditions = diskEncryptionConditions([preview]);
  return operation(
    ctx,
    { service: "ecs", action: "CreateDisk", resourceArn, conditions },
    async (op) => {
      getRegionOrThrow(regionId);
      const zoneId = getZoneOrThrow(regionId, input.zoneId!).zoneId;
      if (!isDiskCategoryOffered(regionId, zoneId, "data", category))
        throw diskErrors.categoryNotOffered();
      const snapshot = input.snapshotId
        ? await getSnapshotOrThrow(regionId, input.snapshotId, diskErrors.snapshotNotFound)
        : undefined;
      let sizeGiB = input.sizeGiB;
      let request: EncryptionRequest = { encrypted: input.encrypted, kmsKeyId: input.kmsKeyId };
      if (snapshot) {
        if (snapshot.status !== "accomplished") throw snapshotErrors.notReadyForDisk();
        if (sizeGiB !== undefined && sizeGiB < snapshot.sourceDiskSize) throw snapshotErrors.diskSizeTooSmall();
        sizeGiB ??= snapshot.sourceDiskSize;
        const limits = getDiskSizeLimit("data", category, performanceLevel);
        if (!limits || sizeGiB < limits.min || sizeGiB > limits.max) throw diskErrors.invalidSize();
        request = encryptionFromSnapshot(snapshot, request, await getRegionEncryptionSetting(regionId), {
          inheritWhenOmitted: false,
          allowRekey: true,
        });
      }
      const encryption = await resolveDiskEncryption(ctx, {
        regionId,
        category,
        usage: "data",
        ...request,
        fromSnapshot: snapshot !== undefined,
        causedBy: op.eventId,
      });
      op.keyId = encryption.kmsKeyId;
      if (snapshot) {
        // The snapshot's data is opened with its own key: it must be Enabled too.
        await assertMediumKeyUsable(ctx, op.eventId, snapshot, {
          notEnabled: snapshotErrors.keyNotEnabled,
          notFound: encryptionErrors.keyNotFound,
        });
      }
      const earlier = await findByClientToken(regionId, input.clientToken);
      if (earlier) {
        op.resourceArn = diskArn(regionId, earlier);
        return { diskId: earlier };
      }
      if (ctx.dryRun) throw dryRunPassed();
      const disk = await provisionDisk(ctx, op.eventId, {
        regionId,
        zoneId,
        category,
        performanceLevel,
        sizeGiB: sizeGiB!,
        type: "data",
        encryption,
        name: input.name,
        description: input.description,
        deleteWithInstance: false,
        clientToken: input.clientToken,
        tags: input.tags,
        sourceSnapshotId: snapshot?.id,
        source: snapshot ? snapshotAsMedium(snapshot) : undefined,
      }).catch(async (error: unknown) => {
        // Two calls with one ClientToken at once: the unique index lets one win; the other answers with it.
        const winner = await findByClientToken(regionId, input.clientToken);
        if (winner) return { id: winner };
        throw error;
      });
      op.resourceArn = diskArn(regionId, disk.id);
      return { diskId: disk.id };
    },
  );
}

async function findByClientToken(
  regionId: string,
  clientToken?: string,
): Promise<string | undefined> {
  if (!clientToken) return undefined;
  const disk = await getRuntime().db.disk.findUnique({
    where: { regionId_clientToken: { regionId, clientToken } },
    select: { id: true },
  });
  return disk?.id;
}
