import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import type { Disk, Instance } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { operation, type Operation } from "@/lib/service/operation";
import { isRestrictedInstanceFamily } from "@/lib/ecs/catalog/restrictions";
import { diskArn, getDiskOrThrow } from "@/lib/ecs/disks/describe-disks";
import { authorize } from "@/lib/ram/authorize";
import { diskErrors } from "@/lib/ecs/disks/errors";
import { encryptionErrors } from "@/lib/ecs/encryption/errors";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import {
  attachedDisks,
  getInstanceOrThrow,
  instanceArn,
  lowestFreeLetter,
  MAX_DATA_DISKS,
  transitionDue,
  unwrapDiskKeys,
  wakeForTransition,
} from "@/lib/ecs/instances/instance-lookup";

type DiskInput = { instanceId: string; diskId: string };

function diskOperation<T>(
  ctx: RequestContext,
  action: string,
  input: DiskInput,
  run: (instance: Instance, disk: Disk, op: Operation) => Promise<T>,
): Promise<T> {
  const spec = { service: "ecs" as const, action, resourceArn: diskArn(ctx.regionId, input.diskId) };
  return operation(ctx, spec, async (op) => {
    // RAM authorizes both resources of the call, the disk (above) and the instance.
    await authorize(ctx, `ecs:${action}`, instanceArn(ctx.regionId, input.instanceId));
    const instance = await getInstanceOrThrow(ctx.regionId, input.instanceId);
    const disk = await getDiskOrThrow(ctx, ctx.regionId, input.diskId);
    op.keyId = disk.kmsKeyId ?? undefined;
    return run(instance, disk, op);
  });
}

/**
 * ECS AttachDisk: an Available disk of the instance's zone joins a Running or Stopped instance
 * as the lowest free /dev/vdX (`Attaching → In_use`). An encrypted disk's data key is unwrapped
 * first (KMS Decrypt as ECS, CausedBy this call; not Enabled → 403 CMKNotEnabled); a running
 * guest sees the disk before the call answers. Encrypted system disks and disks from snapshots
 * may not join the restricted families. `bootable` re-attaches a system disk to a Stopped
 * instance without one.
 */
export function attachDisk(
  ctx: RequestContext,
  input: DiskInput & { deleteWithInstance?: boolean; bootable?: boolean },
): Promise<void> {
  return diskOperation(ctx, "AttachDisk", input, async (instance, disk, op) => {
    if (disk.zoneId !== instance.zoneId) throw instanceErrors.notSameZone();
    if (instance.status !== "Running" && instance.status !== "Stopped") throw instanceErrors.incorrectStatus(400);
    if (disk.instanceId) throw instanceErrors.diskInUse();
    if (disk.status !== "Available") throw diskErrors.incorrectStatus("Available");
    const restricted = disk.encrypted && (disk.type === "system" || disk.sourceSnapshotId !== null);
    if (restricted && isRestrictedInstanceFamily(instance.instanceType)) throw encryptionErrors.restrictedInstanceType();
    const disks = await attachedDisks(instance.id);
    const letter = input.bootable ? bootLetter(instance, disk) : lowestFreeLetter(disks);
    if (!letter || disks.filter((d) => d.deviceLetter !== "a").length >= MAX_DATA_DISKS) {
      throw instanceErrors.diskLimitExceeded();
    }
    const keys = await unwrapDiskKeys(ctx, [disk], op.eventId);
    const at = now();
    const attached = await getRuntime().db.disk.update({
      where: { id: disk.id },
      data: {
        instanceId: instance.id,
        deviceLetter: letter,
        status: "Attaching",
        attachedAt: at,
        transitionDueAt: transitionDue(at),
        ...(input.deleteWithInstance !== undefined ? { deleteWithInstance: input.deleteWithInstance } : {}),
      },
    });
    if (input.bootable) {
      await getRuntime().db.instance.update({ where: { id: instance.id }, data: { systemDiskId: disk.id } });
    }
    wakeForTransition();
    if (instance.status === "Running" && !input.bootable) {
      await getHypervisor().attachDisk(instance.id, attached, `/dev/vd${letter}`, { ctx, causedBy: op.eventId, keys });
    } else {
      for (const key of keys.values()) key.fill(0);
    }
  });
}

/** A system disk goes back only to a Stopped instance that has none (AttachDisk Bootable=true). */
function bootLetter(instance: Instance, disk: Disk): string {
  if (disk.type !== "system") throw diskErrors.incorrectStatus();
  if (instance.status !== "Stopped" || instance.systemDiskId) throw instanceErrors.incorrectStatus(400);
  return "a";
}

/**
 * ECS DetachDisk: a data disk leaves a Running or Stopped instance (`Detaching → Available`); a
 * system disk only a Stopped one. A running guest commits and unmounts what it mounted from it
 * (a hung disk goes as it is), then the medium is flushed and closed and its key zeroed. Never
 * needs the key.
 */
export function detachDisk(ctx: RequestContext, input: DiskInput & { deleteWithInstance?: boolean }): Promise<void> {
  return diskOperation(ctx, "DetachDisk", input, async (instance, disk) => {
    if (!disk.instanceId) throw instanceErrors.alreadyDetached();
    if (disk.instanceId !== instance.id) throw instanceErrors.notAttachedHere();
    if (disk.status !== "In_use") throw diskErrors.incorrectStatus();
    const isSystem = disk.id === instance.systemDiskId;
    const allowed = isSystem ? instance.status === "Stopped" : instance.status === "Running" || instance.status === "Stopped";
    if (!allowed) throw instanceErrors.incorrectStatus();
    await getHypervisor().detachDisk(instance.id, disk.id);
    const at = now();
    const { db } = getRuntime();
    await db.disk.update({
      where: { id: disk.id },
      data: {
        status: "Detaching",
        instanceId: null,
        deviceLetter: null,
        detachedAt: at,
        transitionDueAt: transitionDue(at),
        ...(input.deleteWithInstance !== undefined ? { deleteWithInstance: input.deleteWithInstance } : {}),
      },
    });
    if (isSystem) await db.instance.update({ where: { id: instance.id }, data: { systemDiskId: null } });
    wakeForTransition();
  });
}
