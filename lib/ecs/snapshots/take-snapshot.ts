import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import type { Disk, Snapshot } from "@/lib/generated/prisma/client";
import { resourceId } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { deleteMedium, snapshotMedium } from "@/lib/storage";
import { diskMediumDir } from "@/lib/ecs/disks/data-key";
import { assertMediumKeyUsable } from "@/lib/ecs/encryption/keyed-media";
import { basePublicImageId } from "@/lib/ecs/images/base-image";
import type { Tag } from "@/lib/ecs/tags/tag-rules";
import { snapshotErrors } from "./errors";
import { snapshotMediumDir } from "./snapshot-lookup";

/**
 * The guards of a snapshot of `disk` (CreateSnapshot, CreateImage): the disk Available or
 * In_use, its instance Running or Stopped, no snapshot of it still progressing, and its KMS key
 * Enabled (DescribeKey as ECS, CausedBy the call). Changes nothing.
 */
export async function assertDiskSnapshottable(ctx: RequestContext, causedBy: string, disk: Disk): Promise<void> {
  const { db } = getRuntime();
  if (disk.status !== "In_use" && disk.status !== "Available") throw snapshotErrors.incorrectDiskStatus();
  if (disk.instanceId) {
    const instance = await db.instance.findUnique({ where: { id: disk.instanceId }, select: { status: true } });
    if (instance && instance.status !== "Running" && instance.status !== "Stopped") {
      throw snapshotErrors.incorrectInstanceStatus(400);
    }
  }
  const progressing = await db.snapshot.count({ where: { sourceDiskId: disk.id, status: "progressing" } });
  if (progressing > 0) throw snapshotErrors.creatingSnapshot();
  await assertMediumKeyUsable(ctx, causedBy, disk, {
    notEnabled: snapshotErrors.keyNotEnabled,
    notFound: () => snapshotErrors.keyNotFound(400),
  });
}

export type TakeSnapshotInput = {
  name?: string;
  description?: string;
  tags?: Tag[];
  clientToken?: string;
};

/**
 * Takes the snapshot: the disk's medium (open or not) is flushed and hard-linked into the
 * snapshot's at this instant — cost ∝ what was written — and the row records the disk's wrapped
 * data key and context, the key the sectors are under. `progressing` until DISKSEAL_TRANSITION_MS
 * has passed on the emulator clock (scheduler "ecs.snapshots.transitions").
 */
export async function takeSnapshot(disk: Disk, input: TakeSnapshotInput = {}): Promise<Snapshot> {
  const { db, config, scheduler } = getRuntime();
  const id = resourceId("s", disk.regionId);
  const dir = snapshotMediumDir(id);
  const sourceImageId = disk.type === "system" ? ((await basePublicImageId(disk.imageId)) ?? null) : null;
  const info = await snapshotMedium(diskMediumDir(disk.id), dir);
  const createdAt = now();
  try {
    const snapshot = await db.$transaction(async (tx) => {
      const row = await tx.snapshot.create({
        data: {
          id,
          regionId: disk.regionId,
          name: input.name ?? "",
          description: input.description ?? "",
          status: "progressing",
          completesAt: new Date(createdAt.getTime() + config.transitionMs),
          encrypted: disk.encrypted,
          kmsKeyId: disk.kmsKeyId,
          dataKeyCiphertext: disk.dataKeyCiphertext,
          encryptionContext: disk.encryptionContext,
          sourceDiskId: disk.id,
          sourceDiskSize: disk.sizeGiB,
          sourceDiskType: disk.type,
          sourceDiskCategory: disk.category,
          sourceImageId,
          sizeBytes: BigInt(info.allocatedBytes),
          clientToken: input.clientToken ?? null,
          createdAt,
          updatedAt: createdAt,
        },
      });
      if (input.tags?.length) {
        await tx.resourceTag.createMany({
          data: input.tags.map((t) => ({ regionId: disk.regionId, resourceType: "snapshot", resourceId: id, tagKey: t.key, tagValue: t.value })),
        });
      }
      return row;
    });
    scheduler.wakeIn(config.transitionMs);
    return snapshot;
  } catch (error) {
    await deleteMedium(dir).catch(() => undefined);
    throw error;
  }
}

