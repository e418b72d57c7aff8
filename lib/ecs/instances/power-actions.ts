import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import type { Instance } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { operation, type Operation } from "@/lib/service/operation";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import {
  attachedDisks,
  getInstanceOrThrow,
  instanceArn,
  transitionDue,
  unwrapDiskKeys,
  vmSpecOf,
  wakeForTransition,
  zeroKeys,
} from "@/lib/ecs/instances/instance-lookup";

type InstanceInput = { instanceId: string };

function instanceOperation<T>(
  ctx: RequestContext,
  action: string,
  input: InstanceInput,
  run: (instance: Instance, op: Operation) => Promise<T>,
): Promise<T> {
  const resourceArn = instanceArn(ctx.regionId, input.instanceId);
  return operation(ctx, { service: "ecs", action, resourceArn }, async (op) =>
    run(await getInstanceOrThrow(ctx.regionId, input.instanceId), op),
  );
}

/** Moves the instance to `status`, ending in `targetStatus` after DISKSEAL_TRANSITION_MS (scheduler). */
async function beginTransition(instance: Instance, status: string, targetStatus: string): Promise<void> {
  await getRuntime().db.instance.update({
    where: { id: instance.id },
    data: { status, targetStatus, transitionDueAt: transitionDue(now()) },
  });
  wakeForTransition();
}

/**
 * ECS StartInstance: a Stopped instance goes `Starting → Running`. Its disks' data keys are
 * unwrapped first (KMS Decrypt as ECS, CausedBy this call): a key that is not Enabled refuses
 * the call at once (403 InvalidParameter.KMSKeyId.CMKNotEnabled). The guest boots in the
 * background.
 */
export function startInstance(ctx: RequestContext, input: InstanceInput): Promise<void> {
  return instanceOperation(ctx, "StartInstance", input, async (instance, op) => {
    if (instance.status !== "Stopped") throw instanceErrors.incorrectStatus();
    const disks = await attachedDisks(instance.id);
    const spec = vmSpecOf(instance, disks);
    const keys = await unwrapDiskKeys(ctx, disks, op.eventId);
    if (ctx.dryRun) {
      zeroKeys(keys);
      throw dryRunPassed();
    }
    await beginTransition(instance, "Starting", "Running");
    void getHypervisor().powerOn(spec, { ctx, causedBy: op.eventId, keys });
  });
}

/**
 * ECS StopInstance: a Running instance goes `Stopping → Stopped`; the guest shuts down (at once
 * with ForceStop, or when it hangs), every medium is flushed and closed, every key zeroed. It
 * never needs a key, so a hung instance can be stopped.
 */
export function stopInstance(ctx: RequestContext, input: InstanceInput & { forceStop?: boolean }): Promise<void> {
  return instanceOperation(ctx, "StopInstance", input, async (instance) => {
    if (instance.status !== "Running") throw instanceErrors.incorrectStatus();
    if (ctx.dryRun) throw dryRunPassed();
    await beginTransition(instance, "Stopping", "Stopped");
    void getHypervisor().powerOff(instance.id, { force: input.forceStop === true });
  });
}

/**
 * ECS RebootInstance: a Running instance goes `Starting → Running`. The keys are unwrapped anew
 * (refused at once when not Enabled — so a hung instance is not rebooted until its key is back;
 * StopInstance works). The guest shuts down (ForceStop: at once), drops its keys, boots.
 */
export function rebootInstance(ctx: RequestContext, input: InstanceInput & { forceStop?: boolean }): Promise<void> {
  return instanceOperation(ctx, "RebootInstance", input, async (instance, op) => {
    if (instance.status !== "Running") throw instanceErrors.incorrectStatus();
    const disks = await attachedDisks(instance.id);
    const spec = { ...vmSpecOf(instance, disks), needsImage: false };
    const keys = await unwrapDiskKeys(ctx, disks, op.eventId);
    if (ctx.dryRun) {
      zeroKeys(keys);
      throw dryRunPassed();
    }
    await beginTransition(instance, "Starting", "Running");
    void getHypervisor().reboot(spec, { ctx, causedBy: op.eventId, keys }, { force: input.forceStop === true });
  });
}
