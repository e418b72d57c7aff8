import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import type { Snapshot } from "@/lib/generated/prisma/client";
import { resourceId } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { deleteMedium } from "@/lib/storage";
import { findRegion } from "@/lib/ecs/catalog/regions";
import { encryptionErrors } from "@/lib/ecs/encryption/errors";
import { assertMediumKeyUsable, copyKeyedMedium } from "@/lib/ecs/encryption/keyed-media";
import { resolveCopyKey } from "@/lib/ecs/encryption/resolve-disk-encryption";
import type { Tag } from "@/lib/ecs/tags/tag-rules";
import { assertSnapshotName } from "./create-snapshot";
import { snapshotErrors } from "./errors";
import {
  getSnapshotOrThrow,
  snapshotArn,
  snapshotAsMedium,
  snapshotEncryptionContext,
  snapshotMediumDir,
} from "./snapshot-lookup";

export type CopySnapshotInput = {
  snapshotId: string;
  destinationRegionId: string;
  destinationSnapshotName?: string;
  destinationSnapshotDescription?: string;
  encrypted?: boolean;
  kmsKeyId?: string;
  tags?: Tag[];
};

/**
 * ECS CopySnapshot: to another region, optionally encrypted under a key of that region; within
 * the region only as "Copy and Encrypt" (Encrypted=true under another key than the source's).
 * Order: parameter form (403 InvalidEncrypted.NotMatchKmsKeyId) → authorization on the source →
 * source (403 InvalidSnapshotId.NotFound) → destination region → no decryption (403
 * InvalidEncrypted.NotSupportDecrypt) → no plain same-region copy (403
 * InvalidOperation.NotSupportCopyInSameRegion) → accomplished (403 InvalidSnapshotId.NotReady) →
 * the source's key Enabled → the destination key → copy. Under another key the sectors are
 * re-encrypted under a new data key; the copy is `progressing` until accomplished.
 */
export function copySnapshot(ctx: RequestContext, input: CopySnapshotInput): Promise<{ snapshotId: string }> {
  if (input.kmsKeyId && input.encrypted !== true) throw snapshotErrors.copyKeyWithoutEncrypted();
  assertSnapshotName(input.destinationSnapshotName);
  const spec = { service: "ecs" as const, action: "CopySnapshot", resourceArn: snapshotArn(ctx.regionId, input.snapshotId) };
  return operation(ctx, spec, async (op) => {
    const source = await getSnapshotOrThrow(ctx.regionId, input.snapshotId, snapshotErrors.copySourceNotFound);
    op.keyId = source.kmsKeyId ?? undefined;
    const destination = input.destinationRegionId;
    if (!findRegion(destination)) throw snapshotErrors.destinationRegionNotFound();
    if (source.encrypted && input.encrypted !== true) throw snapshotErrors.notSupportDecrypt();
    const sameRegion = destination === ctx.regionId;
    if (sameRegion && input.encrypted !== true) throw snapshotErrors.sameRegion();
    if (source.status !== "accomplished") throw snapshotErrors.notReady();
    await assertMediumKeyUsable(ctx, op.eventId, source, {
      notEnabled: encryptionErrors.keyNotEnabled,
      notFound: snapshotErrors.copyKeyNotFound,
    });
    const encryption: { encrypted: boolean; kmsKeyId?: string } = input.encrypted
      ? { encrypted: true, ...(await resolveCopyKey(ctx, { regionId: destination, kmsKeyId: input.kmsKeyId, causedBy: op.eventId, keyNotFound: snapshotErrors.copyKeyNotFound })) }
      : { encrypted: false };
    if (sameRegion && source.encrypted && source.kmsKeyId === encryption.kmsKeyId) throw snapshotErrors.sameRegion();
    const copy = await copySnapshotTo(ctx, op.eventId, source, {
      regionId: destination,
      encryption,
      name: input.destinationSnapshotName,
      description: input.destinationSnapshotDescription,
      tags: input.tags,
    });
    op.resourceArn = snapshotArn(destination, copy.id);
    return { snapshotId: copy.id };
  });
}

/**
 * A new snapshot in `target.regionId` with the source's data, under `target.encryption` (the
 * same key: hard links and a rewrapped data key; another key: re-encrypted under a new one).
 * No checks: CopySnapshot's and CopyImage's guards come first.
 */
export async function copySnapshotTo(
  ctx: RequestContext,
  causedBy: string,
  source: Snapshot,
  target: {
    regionId: string;
    encryption: { encrypted: boolean; kmsKeyId?: string };
    name?: string;
    description?: string;
    tags?: Tag[];
  },
): Promise<Snapshot> {
  const { db, config, scheduler } = getRuntime();
  const id = resourceId("s", target.regionId);
  const dir = snapshotMediumDir(id);
  const keys = await copyKeyedMedium(ctx, causedBy, snapshotAsMedium(source), {
    dir,
    regionId: target.regionId,
    readOnly: true,
    encryption: target.encryption,
    context: snapshotEncryptionContext(id),
  });
  const createdAt = now();
  try {
    const copy = await db.$transaction(async (tx) => {
      const row = await tx.snapshot.create({
        data: {
          id,
          regionId: target.regionId,
          name: target.name ?? "",
          description: target.description ?? "",
          status: "progressing",
          completesAt: new Date(createdAt.getTime() + config.transitionMs),
          encrypted: target.encryption.encrypted,
          kmsKeyId: target.encryption.encrypted ? target.encryption.kmsKeyId! : null,
          dataKeyCiphertext: keys.dataKeyCiphertext,
          encryptionContext: keys.encryptionContext,
          sourceDiskId: source.sourceDiskId,
          sourceDiskSize: source.sourceDiskSize,
          sourceDiskType: source.sourceDiskType,
          sourceDiskCategory: source.sourceDiskCategory,
          sourceImageId: source.sourceImageId,
          sourceSnapshotId: source.id,
          sourceRegionId: source.regionId,
          sizeBytes: source.sizeBytes,
          createdAt,
          updatedAt: createdAt,
        },
      });
      if (target.tags?.length) {
        await tx.resourceTag.createMany({
          data: target.tags.map((t) => ({ regionId: target.regionId, resourceType: "snapshot", resourceId: id, tagKey: t.key, tagValue: t.value })),
        });
      }
      return row;
    });
    scheduler.wakeIn(config.transitionMs);
    return copy;
  } catch (error) {
    await deleteMedium(dir).catch(() => undefined);
    throw error;
  }
}
