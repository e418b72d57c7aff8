import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { deleteMedium, isStorageError } from "@/lib/storage";
import { diskMediumDir } from "@/lib/ecs/disks/data-key";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import { getInstanceOrThrow, instanceArn } from "@/lib/ecs/instances/instance-lookup";
import { assertHostName } from "@/lib/ecs/instances/run-instances-plan";

/**
 * ECS DeleteInstance: a Stopped instance — or, with Force, one in any state but Pending — is
 * released. Disks with DeleteWithInstance go with it (rows, tags, media); the others become
 * Available. The guest is powered off at once (no commit), its keys zeroed, then the media of
 * the released disks are deleted.
 */
export function deleteInstance(ctx: RequestContext, input: { instanceId: string; force?: boolean }): Promise<void> {
  const resourceArn = instanceArn(ctx.regionId, input.instanceId);
  return operation(ctx, { service: "ecs", action: "DeleteInstance", resourceArn }, async () => {
    const instance = await getInstanceOrThrow(ctx.regionId, input.instanceId);
    const allowed = input.force ? instance.status !== "Pending" : instance.status === "Stopped";
    if (!allowed) throw instanceErrors.incorrectStatus();
    if (ctx.dryRun) throw dryRunPassed();
    const { db } = getRuntime();
    const disks = await db.disk.findMany({ where: { instanceId: instance.id } });
    const released = disks.filter((d) => d.deleteWithInstance);
    const kept = disks.filter((d) => !d.deleteWithInstance);
    const at = now();
    await db.$transaction([
      db.disk.updateMany({
        where: { id: { in: kept.map((d) => d.id) } },
        data: { status: "Available", instanceId: null, deviceLetter: null, detachedAt: at, transitionDueAt: null },
      }),
      db.resourceTag.deleteMany({ where: { resourceType: "disk", resourceId: { in: released.map((d) => d.id) } } }),
      db.disk.deleteMany({ where: { id: { in: released.map((d) => d.id) } } }),
      db.resourceTag.deleteMany({ where: { resourceType: "instance", resourceId: instance.id } }),
      db.instance.delete({ where: { id: instance.id } }),
    ]);
    const hypervisor = getHypervisor();
    void hypervisor
      .powerOff(instance.id, { force: true })
      .then(async () => {
        hypervisor.forgetConsoleOutput(instance.id);
        for (const disk of released) await deleteMedium(diskMediumDir(disk.id)).catch(ignoreMissing);
      })
      .catch((error: unknown) => console.error(`DeleteInstance ${instance.id}: releasing its disks failed`, error));
  });
}

export type ModifyInstanceAttributeInput = {
  instanceId: string;
  instanceName?: string;
  description?: string;
  hostName?: string;
};

/**
 * ECS ModifyInstanceAttribute: name, description, host name (the guest takes a new host name at
 * its next start, as on ECS). Password and the other attributes are accepted and ignored.
 */
export function modifyInstanceAttribute(ctx: RequestContext, input: ModifyInstanceAttributeInput): Promise<void> {
  const resourceArn = instanceArn(ctx.regionId, input.instanceId);
  return operation(ctx, { service: "ecs", action: "ModifyInstanceAttribute", resourceArn }, async () => {
    const instance = await getInstanceOrThrow(ctx.regionId, input.instanceId);
    if (input.hostName !== undefined) assertHostName(input.hostName, instance.osType === "windows" ? "windows" : "linux");
    await getRuntime().db.instance.update({
      where: { id: instance.id },
      data: {
        ...(input.instanceName !== undefined ? { name: input.instanceName } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.hostName !== undefined ? { hostName: input.hostName } : {}),
      },
    });
  });
}

function ignoreMissing(error: unknown): void {
  if (!isStorageError(error, "NotFound")) throw error;
}
