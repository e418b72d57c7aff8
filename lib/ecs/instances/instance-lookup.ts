import type { RequestContext } from "@/lib/context";
import type { Tx } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import type { Disk, Instance } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { arn } from "@/lib/service/operation";
import { findInstanceType } from "@/lib/ecs/catalog/instance-types";
import { unwrapDataKey } from "@/lib/ecs/disks/data-key";
import type { VmSpec } from "@/lib/ecs/hypervisor";
import { instanceErrors } from "@/lib/ecs/instances/errors";

export function instanceArn(regionId: string, instanceId: string): string {
  return arn("ecs", regionId, getRuntime().accountId, `instance/${instanceId}`);
}

/** The instance, in that region (another region's is not found). Does not authorize. */
export async function getInstanceOrThrow(
  regionId: string,
  instanceId: string,
  tx: Tx = getRuntime().db,
): Promise<Instance> {
  const instance = await tx.instance.findUnique({ where: { id: instanceId } });
  if (!instance || instance.regionId !== regionId) throw instanceErrors.notFound();
  return instance;
}

/** The disks attached to an instance: the system disk, then data disks by device letter. */
export async function attachedDisks(instanceId: string, tx: Tx = getRuntime().db): Promise<Disk[]> {
  const disks = await tx.disk.findMany({ where: { instanceId } });
  return disks.sort((a, b) => letterOrder(a) - letterOrder(b));
}

function letterOrder(disk: Disk): number {
  if (disk.type === "system" && disk.deviceLetter === "a") return -1;
  return (disk.deviceLetter ?? "~").charCodeAt(0);
}

/** Letters b…z that data disks may take (16 data disks at most, as ECS allows). */
export const MAX_DATA_DISKS = 16;
const DATA_LETTERS = "bcdefghijklmnopqrstuvwxyz";

/** The lowest free data-disk letter (a device detached and attached again gets the lowest free name). */
export function lowestFreeLetter(disks: readonly Disk[]): string | undefined {
  const taken = new Set(disks.map((d) => d.deviceLetter));
  return [...DATA_LETTERS].find((letter) => !taken.has(letter));
}

/** What the hypervisor needs to run the instance (its disks as attached now). */
export function vmSpecOf(instance: Instance, disks: readonly Disk[]): VmSpec {
  const system = disks.find((d) => d.id === instance.systemDiskId);
  if (!system) throw instanceErrors.noSystemDisk();
  const memoryGiB = findInstanceType(instance.instanceType)?.memoryGiB ?? 2;
  return {
    instanceId: instance.id,
    regionId: instance.regionId,
    hostname: instance.hostName,
    imageId: instance.imageId,
    osType: instance.osType === "windows" ? "windows" : "linux",
    memoryMiB: Math.round(memoryGiB * 1024),
    systemDisk: system,
    dataDisks: disks.filter((d) => d.id !== system.id && d.deviceLetter),
    // A system disk made from a public image gets it installed while blank: at the first start,
    // and after ReplaceSystemDisk; one made from a snapshot (a custom image) already holds it.
    needsImage: system.sourceSnapshotId === null,
  };
}

/**
 * The data keys of the encrypted disks, from KMS (Decrypt as ECS, audited with CausedBy
 * `causedBy`): what StartInstance, RebootInstance and AttachDisk need before they act, so that
 * a key that is not Enabled refuses the call at once (`keyNotEnabled` gives the API's text).
 * On a refusal the keys already unwrapped are zeroed.
 */
export async function unwrapDiskKeys(
  ctx: RequestContext,
  disks: readonly Disk[],
  causedBy: string,
  keyNotEnabled: () => Error = instanceErrors.keyNotEnabled,
): Promise<Map<string, Buffer>> {
  const keys = new Map<string, Buffer>();
  try {
    for (const disk of disks) {
      if (disk.encrypted) keys.set(disk.id, await unwrapDataKey(ctx, disk, causedBy));
    }
    return keys;
  } catch (error) {
    zeroKeys(keys);
    if (isAppError(error) && error.code === "InvalidParameter.KMSKeyId.CMKNotEnabled") throw keyNotEnabled();
    throw error;
  }
}

export function zeroKeys(keys: Map<string, Buffer>): void {
  for (const key of keys.values()) key.fill(0);
  keys.clear();
}

/** When an asynchronous transition started at `from` ends (DISKSEAL_TRANSITION_MS later). */
export function transitionDue(from: Date): Date {
  return new Date(from.getTime() + getRuntime().config.transitionMs);
}

/** Asks the scheduler to run when a transition written just now is due. */
export function wakeForTransition(): void {
  const { config, scheduler } = getRuntime();
  scheduler.wakeIn(config.transitionMs);
}
