import type { RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { listDisks } from "@/lib/ecs/disks/describe-disks";
import { copyImage } from "@/lib/ecs/images/copy-image";
import { createImage } from "@/lib/ecs/images/create-image";
import { deleteImage } from "@/lib/ecs/images/delete-modify-image";
import { describeImages } from "@/lib/ecs/images/describe-images";
import { describeInstances } from "@/lib/ecs/instances/describe-instances";
import { startInstance, stopInstance } from "@/lib/ecs/instances/power-actions";
import { replaceSystemDisk } from "@/lib/ecs/instances/replace-system-disk";
import { createSnapshot } from "@/lib/ecs/snapshots/create-snapshot";
import { deleteSnapshot } from "@/lib/ecs/snapshots/delete-snapshot";
import { describeSnapshots } from "@/lib/ecs/snapshots/describe-snapshots";
import { AppError } from "@/lib/errors";

/**
 * ACS::ECS::EncryptSystemDisk, the action the template loops over its instances, as a list of
 * steps (ecs-kms-semantics.md, OOS). Each step calls the ECS services as the execution's
 * principal (the OOSAssumeRole or the caller), so RAM decides every call. A step either moves
 * on, waits (asked again on the runner's next tick), or ends the task.
 *
 * Steps are idempotent, because the runner may have been killed at any point of one: what a
 * step creates carries a ClientToken or a name derived from the task (a repeated call finds the
 * first result), and the state the runner records (the original system disk, the power state)
 * is compared with what exists before acting — a system disk already replaced is not replaced
 * again, a stopped instance not stopped again.
 */
export const STEPS = [
  "waitInstanceReady",
  "checkEncrypted",
  "createSnapshot",
  "waitSnapshot",
  "createImage",
  "waitImage",
  "copyImage",
  "waitEncryptedImage",
  "stopInstance",
  "waitStopped",
  "replaceSystemDisk",
  "waitSystemDiskInUse",
  "startInstance",
  "waitRunning",
  "deleteResources",
] as const;
export type StepName = (typeof STEPS)[number];

/** The first step after which the instance is touched: a cancel no longer abandons the task there. */
export const FIRST_DISRUPTIVE_STEP: StepName = "stopInstance";

/** What a task recorded so far (OosTaskExecution.state). */
export type TaskState = {
  systemDiskId?: string;
  wasRunning?: boolean;
  alreadyEncrypted?: boolean;
  snapshotId?: string;
  imageId?: string;
  encryptedImageId?: string;
  encryptedSnapshotIds?: string[];
  newSystemDiskId?: string;
};

export type StepInput = {
  ctx: RequestContext;
  taskId: string;
  executionId: string;
  instanceId: string;
  kmsKeyId: string;
  state: TaskState;
};

export type StepResult = { next: true } | { wait: true } | { end: "Success" | "Skipped" };

const next = { next: true } as const;
const wait = { wait: true } as const;

/** A resource that vanished or a state the runner cannot go on from. */
const stepFailed = (message: string) => new AppError("Execution.StepFailed", message, 400);

async function instanceOf(t: StepInput) {
  const page = await describeInstances(t.ctx, { filter: { instanceIds: [t.instanceId] }, paging: { mode: "page", pageNumber: 1, pageSize: 1 } });
  const instance = page.instances[0];
  if (!instance) throw new AppError("InvalidInstanceId.NotFound", "The specified InstanceId does not exist.", 404);
  return instance;
}

async function diskOf(t: StepInput, diskId: string) {
  const page = await listDisks(t.ctx, { filter: { diskIds: [diskId] } });
  return page.disks[0];
}

async function imageStatus(t: StepInput, imageId: string): Promise<string | undefined> {
  const body = await describeImages(t.ctx, { imageId, imageOwnerAlias: "self", status: "Creating,Available,CreateFailed,UnAvailable,Deprecated" });
  return body.Images.Image[0]?.Status as string | undefined;
}

/** Image names are unique per region; these name the task's own images so a repeated step finds them. */
const imageName = (t: StepInput) => `CreateImage-${t.taskId}`;
const encryptedImageName = (t: StepInput) => `EncryptImage-${t.taskId}`;

export const STEP_RUNNERS: Record<StepName, (t: StepInput) => Promise<StepResult>> = {
  async waitInstanceReady(t) {
    const instance = await instanceOf(t);
    if (instance.status !== "Running" && instance.status !== "Stopped") return wait;
    if (!instance.systemDiskId) throw stepFailed(`The instance ${t.instanceId} has no system disk.`);
    t.state.systemDiskId = instance.systemDiskId;
    t.state.wasRunning = instance.status === "Running";
    return next;
  },

  async checkEncrypted(t) {
    const disk = await diskOf(t, t.state.systemDiskId!);
    if (!disk) throw stepFailed(`The system disk ${t.state.systemDiskId} does not exist.`);
    if (disk.encrypted) {
      t.state.alreadyEncrypted = true;
      return { end: "Skipped" };
    }
    return next;
  },

  async createSnapshot(t) {
    const { snapshotId } = await createSnapshot(t.ctx, {
      diskId: t.state.systemDiskId!,
      name: `Snapshot-${t.executionId}`,
      description: `OOS ${t.executionId}: system disk of ${t.instanceId}`,
      clientToken: `${t.taskId}-snapshot`,
    });
    t.state.snapshotId = snapshotId;
    return next;
  },

  async waitSnapshot(t) {
    const page = await describeSnapshots(t.ctx, { filter: { snapshotIds: [t.state.snapshotId!] } });
    const status = page.snapshots[0]?.status;
    if (status === "accomplished") return next;
    if (status === "progressing") return wait;
    throw stepFailed(`The snapshot ${t.state.snapshotId} is ${status ?? "gone"}.`);
  },

  async createImage(t) {
    const { imageId } = await createImage(t.ctx, {
      snapshotId: t.state.snapshotId!,
      imageName: imageName(t),
      description: `OOS ${t.executionId}: image of ${t.instanceId}`,
      clientToken: `${t.taskId}-image`,
    });
    t.state.imageId = imageId;
    return next;
  },

  async waitImage(t) {
    return waitForImage(t, t.state.imageId!);
  },

  async copyImage(t) {
    // CopyImage takes no ClientToken: the copy made before a crash is found by its name.
    const found = await describeImages(t.ctx, { imageName: encryptedImageName(t), imageOwnerAlias: "self", status: "Creating,Available" });
    const earlier = found.Images.Image.find((image) => image.ImageName === encryptedImageName(t));
    t.state.encryptedImageId = earlier
      ? (earlier.ImageId as string)
      : (
          await copyImage(t.ctx, {
            imageId: t.state.imageId!,
            destinationRegionId: t.ctx.regionId,
            destinationImageName: encryptedImageName(t),
            destinationDescription: `OOS ${t.executionId}: encrypted image of ${t.instanceId}`,
            encrypted: true,
            kmsKeyId: t.kmsKeyId || undefined,
          })
        ).imageId;
    return next;
  },

  async waitEncryptedImage(t) {
    const result = await waitForImage(t, t.state.encryptedImageId!);
    // Its snapshot copies are temporary too: recorded now, while the image still names them.
    if ("next" in result) t.state.encryptedSnapshotIds = await snapshotsOfImage(t, t.state.encryptedImageId!);
    return result;
  },

  async stopInstance(t) {
    const instance = await instanceOf(t);
    if (instance.status === "Running") await stopInstance(t.ctx, { instanceId: t.instanceId });
    return next;
  },

  async waitStopped(t) {
    const instance = await instanceOf(t);
    if (instance.status === "Stopped") return next;
    if (instance.status === "Stopping") return wait;
    // Started again by someone else, or a server restart caught it before it stopped.
    if (instance.status === "Running") await stopInstance(t.ctx, { instanceId: t.instanceId });
    return wait;
  },

  async replaceSystemDisk(t) {
    const instance = await instanceOf(t);
    if (instance.systemDiskId && instance.systemDiskId !== t.state.systemDiskId) {
      // Replaced before a crash: the new disk is the one to wait for.
      t.state.newSystemDiskId = instance.systemDiskId;
      return next;
    }
    const { diskId } = await replaceSystemDisk(t.ctx, { instanceId: t.instanceId, imageId: t.state.encryptedImageId! });
    t.state.newSystemDiskId = diskId;
    return next;
  },

  async waitSystemDiskInUse(t) {
    const disk = await diskOf(t, t.state.newSystemDiskId!);
    if (!disk) throw stepFailed(`The new system disk ${t.state.newSystemDiskId} does not exist.`);
    return disk.status === "In_use" ? next : wait;
  },

  async startInstance(t) {
    const instance = await instanceOf(t);
    if (instance.status === "Stopped") await startInstance(t.ctx, { instanceId: t.instanceId });
    return next;
  },

  async waitRunning(t) {
    const instance = await instanceOf(t);
    if (instance.status === "Running") return next;
    if (instance.status === "Starting" || instance.status === "Pending") return wait;
    throw stepFailed(`The instance ${t.instanceId} is ${instance.status} instead of starting.`);
  },

  async deleteResources(t) {
    await deleteTemporaryResources(t);
    return { end: "Success" };
  },
};

async function waitForImage(t: StepInput, imageId: string): Promise<StepResult> {
  const status = await imageStatus(t, imageId);
  if (status === "Available") return next;
  if (status === "Creating") return wait;
  throw stepFailed(`The image ${imageId} is ${status ?? "gone"}.`);
}

/**
 * Deletes both images and the snapshot (and the encrypted image's own snapshot copies, which
 * the new system disk no longer needs: disks keep their data). Anything already gone is fine,
 * so this runs again safely after a crash, and after a failure or a cancel to tidy up.
 */
export async function deleteTemporaryResources(t: StepInput): Promise<void> {
  const { encryptedImageId, imageId, snapshotId } = t.state;
  if (encryptedImageId) {
    t.state.encryptedSnapshotIds ??= await snapshotsOfImage(t, encryptedImageId);
    await ignoringNotFound(deleteImage(t.ctx, { imageId: encryptedImageId, force: true }));
  }
  if (imageId) await ignoringNotFound(deleteImage(t.ctx, { imageId, force: true }));
  for (const id of t.state.encryptedSnapshotIds ?? []) await ignoringNotFound(deleteSnapshot(t.ctx, { snapshotId: id, force: true }));
  if (snapshotId) await ignoringNotFound(deleteSnapshot(t.ctx, { snapshotId, force: true }));
}

async function snapshotsOfImage(t: StepInput, imageId: string): Promise<string[]> {
  const body = await describeImages(t.ctx, { imageId, imageOwnerAlias: "self", status: "Creating,Available,CreateFailed,UnAvailable,Deprecated" });
  const mappings = (body.Images.Image[0]?.DiskDeviceMappings as { DiskDeviceMapping?: { SnapshotId?: string }[] } | undefined)?.DiskDeviceMapping ?? [];
  return mappings.map((m) => m.SnapshotId).filter((id): id is string => Boolean(id));
}

async function ignoringNotFound(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (isAppError(error) && error.httpStatus === 404) return;
    throw error;
  }
}
