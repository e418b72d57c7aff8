import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import type { Disk } from "@/lib/generated/prisma/client";
import { readKey } from "@/lib/kms/key-cache";
import { effectiveKeyState, isKeyGone } from "@/lib/kms/key-states";
import { operation } from "@/lib/service/operation";
import { tagsOfResources } from "@/lib/ecs/tags/resource-tags";
import { getHypervisor, type InstanceHang } from "@/lib/ecs/hypervisor";
import type { InstanceWithTags } from "@/lib/ecs/instances/describe-instances";
import { attachedDisks, getInstanceOrThrow, instanceArn } from "@/lib/ecs/instances/instance-lookup";
import { screenOf, type InstanceScreen } from "@/lib/ecs/instances/instance-screen";

/** Why a disk of a running instance hangs: the key KMS refused, and that key's state now. */
export type HangReason = InstanceHang & { keyState: string | "Deleted" };

export type InstanceDetail = {
  instance: InstanceWithTags;
  /** The system disk first, then data disks by device letter. */
  disks: Disk[];
  /** What the guest is doing: stopped | booting | running | stopping ("booting" while hung). */
  guestState: string;
  /** Non-empty while the instance hangs on I/O (DescribeInstances still says Running). */
  hangs: HangReason[];
  screen: InstanceScreen;
};

/**
 * The console's instance detail page: the instance, its disks, its screen, and — while it hangs
 * on I/O — which disks wait for which key and that key's state ("the key is Disabled"). Audited
 * as ECS DescribeInstanceAttribute.
 */
export function getInstanceDetail(ctx: RequestContext, input: { instanceId: string }): Promise<InstanceDetail> {
  const resourceArn = instanceArn(ctx.regionId, input.instanceId);
  return operation(ctx, { service: "ecs", action: "DescribeInstanceAttribute", resourceArn }, async () => {
    const instance = await getInstanceOrThrow(ctx.regionId, input.instanceId);
    const tags = (await tagsOfResources("instance", [instance.id])).get(instance.id) ?? [];
    const hypervisor = getHypervisor();
    const hangs = await Promise.all(
      hypervisor.hangs(instance.id).map(async (hang) => ({ ...hang, keyState: await keyStateOf(hang.kmsKeyId) })),
    );
    return {
      instance: { ...instance, tags },
      disks: await attachedDisks(instance.id),
      guestState: hypervisor.guest(instance.id)?.state ?? "stopped",
      hangs,
      screen: screenOf(instance.id),
    };
  });
}

async function keyStateOf(keyId: string | null): Promise<string> {
  const key = keyId ? await readKey(keyId) : null;
  if (!key || isKeyGone(key, now())) return "Deleted";
  return effectiveKeyState(key, now());
}
