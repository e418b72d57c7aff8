import type { RequestContext } from "@/lib/context";
import { describeInstances } from "@/lib/ecs/instances/describe-instances";
import { imageProgresses } from "@/lib/ecs/images/console-images";
import { snapshotProgresses } from "@/lib/ecs/snapshots/console-snapshots";
import { listDisks } from "./describe-disks";

/**
 * What the "Encrypt this disk" wizard observes on each poll: the disk being encrypted, its
 * instance (and that instance's system disk now), and whatever the wizard has made — through
 * DescribeDisks, DescribeInstances, DescribeSnapshots and DescribeImages, so every poll is
 * authorized as the API's. The wizard decides its next step from this alone
 * (components/encrypt-wizard/wizard-plan.ts), which is what makes it resumable.
 */
export type WizardObservation = {
  source?: { status: string; instanceId: string | null };
  instance?: { status: string; systemDiskId: string | null };
  snapshot?: { id: string; status: string; progress: number };
  newDisk?: { id: string; status: string; instanceId: string | null };
  image?: { id: string; status: string; progress: number };
  copy?: { id: string; status: string; progress: number };
  replacedDisk?: { id: string; status: string };
};

export async function observeEncryptWizard(
  ctx: RequestContext,
  input: {
    kind: "data" | "system";
    diskId: string;
    instanceId?: string;
    snapshotId?: string;
    newDiskId?: string;
    imageId?: string;
    copyId?: string;
    replacedDiskId?: string;
  },
): Promise<WizardObservation> {
  const instance = input.instanceId
    ? (
        await describeInstances(ctx, {
          filter: { instanceIds: [input.instanceId] },
          paging: { mode: "page", pageNumber: 1, pageSize: 1 },
        })
      ).instances[0]
    : undefined;
  const systemDisk =
    input.kind === "system" && input.instanceId
      ? (
          await listDisks(ctx, {
            filter: { instanceId: input.instanceId, diskType: "system" },
            paging: { mode: "page", pageNumber: 1, pageSize: 1 },
          })
        ).disks[0]
      : undefined;
  // A system disk replaced by another one: the wizard's, whether or not it kept the id.
  const replacedDiskId =
    input.replacedDiskId ??
    (input.copyId && systemDisk && systemDisk.id !== input.diskId ? systemDisk.id : undefined);
  const diskIds = [input.diskId, input.newDiskId, replacedDiskId].filter(
    (id): id is string => id !== undefined,
  );
  const disks = new Map(
    (
      await listDisks(ctx, {
        filter: { diskIds },
        paging: { mode: "page", pageNumber: 1, pageSize: diskIds.length },
      })
    ).disks.map((disk) => [disk.id, disk]),
  );
  const snapshots = input.snapshotId ? await snapshotProgresses(ctx, [input.snapshotId]) : {};
  const imageIds = [input.imageId, input.copyId].filter((id): id is string => id !== undefined);
  const images = await imageProgresses(ctx, imageIds);

  const source = disks.get(input.diskId);
  const newDisk = input.newDiskId ? disks.get(input.newDiskId) : undefined;
  const replaced = replacedDiskId ? disks.get(replacedDiskId) : undefined;
  const resource = (
    id: string | undefined,
    table: Record<string, { status: string; progress: number }>,
  ) => (id && table[id] ? { id, ...table[id] } : undefined);
  return {
    source: source ? { status: source.status, instanceId: source.instanceId } : undefined,
    instance: instance
      ? { status: instance.status, systemDiskId: systemDisk?.id ?? null }
      : undefined,
    snapshot: resource(input.snapshotId, snapshots),
    newDisk: newDisk
      ? { id: newDisk.id, status: newDisk.status, instanceId: newDisk.instanceId }
      : undefined,
    image: resource(input.imageId, images),
    copy: resource(input.copyId, images),
    replacedDisk: replaced ? { id: replaced.id, status: replaced.status } : undefined,
  };
}
