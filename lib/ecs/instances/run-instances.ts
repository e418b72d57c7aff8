import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { dryRunPassed } from "@/lib/errors";
import type { Disk, Snapshot } from "@/lib/generated/prisma/client";
import { resourceId } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import { isDiskCategoryOffered, isInstanceTypeOffered } from "@/lib/ecs/catalog/availability";
import { getInstanceTypeOrThrow } from "@/lib/ecs/catalog/instance-types";
import { findRegion } from "@/lib/ecs/catalog/regions";
import { findZone, listZones } from "@/lib/ecs/catalog/zones";
import { provisionDisk } from "@/lib/ecs/disks/provision-disk";
import { destroyDisk } from "@/lib/ecs/disks/delete-disk";
import { encryptionErrors } from "@/lib/ecs/encryption/errors";
import {
  previewDiskEncryption,
  resolveDiskEncryption,
  type ResolvedDiskEncryption,
} from "@/lib/ecs/encryption/resolve-disk-encryption";
import { diskEncryptionConditions } from "@/lib/ecs/encryption/rules";
import { assertMediumKeyUsable } from "@/lib/ecs/encryption/keyed-media";
import { getRegionEncryptionSetting } from "@/lib/ecs/encryption/region-settings";
import { getBootImageOrThrow, previewImageEncryption, type BootImage } from "@/lib/ecs/images/image-lookup";
import { snapshotErrors } from "@/lib/ecs/snapshots/errors";
import { encryptionFromSnapshot } from "@/lib/ecs/snapshots/snapshot-encryption";
import { getSnapshotOrThrow, snapshotAsMedium } from "@/lib/ecs/snapshots/snapshot-lookup";
import type { Tag } from "@/lib/ecs/tags/tag-rules";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import {
  attachedDisks,
  transitionDue,
  unwrapDiskKeys,
  vmSpecOf,
  wakeForTransition,
} from "@/lib/ecs/instances/instance-lookup";
import {
  assertHostName,
  defaultHostName,
  planDataDisk,
  planSystemDisk,
  type DiskPlan,
  type DiskRequest,
} from "@/lib/ecs/instances/run-instances-plan";

export type RunInstancesInput = {
  amount?: number;
  instanceType: string;
  imageId: string;
  zoneId?: string;
  systemDisk?: DiskRequest;
  dataDisks?: DiskRequest[];
  instanceName?: string;
  hostName?: string;
  description?: string;
  tags?: Tag[];
  clientToken?: string;
};

/** `dataSnapshots[n]`: the snapshot DataDisk.(n+1) starts from, if any. */
type Plan = { zoneId: string; image: BootImage; system: DiskPlan; data: DiskPlan[]; dataSnapshots: (Snapshot | undefined)[] };
type Encryption = { system: ResolvedDiskEncryption; data: ResolvedDiskEncryption[] };

/**
 * ECS RunInstances: `amount` pay-as-you-go instances, each with a system disk holding the image
 * and its data disks, `Pending → Starting → Running` over 2 × DISKSEAL_TRANSITION_MS while the
 * guests boot in the background. Order: parameter form → authorization (conditions with the
 * effective encryption of every disk and the instance type) → region, zone, type, image, disks →
 * encryption rules and key lookups → ClientToken → DryRun → create; each data key is unwrapped
 * (KMS Decrypt as ECS, CausedBy this call) to start the instance.
 */
export async function runInstances(ctx: RequestContext, input: RunInstancesInput): Promise<{ instanceIds: string[] }> {
  const regionId = ctx.regionId;
  const system = input.systemDisk ?? {};
  const data = input.dataDisks ?? [];
  // A custom image's encryption is the system disk's when Encrypted is left out (no refusal here: authorization comes first).
  const imageKey = await previewImageEncryption(regionId, input.imageId);
  const systemPreview = await previewDiskEncryption(
    regionId,
    imageKey.encrypted && system.encrypted === undefined ? { encrypted: true, kmsKeyId: system.kmsKeyId || imageKey.kmsKeyId || undefined } : system,
  );
  const dataPreviews = await Promise.all(data.map((disk) => previewDiskEncryption(regionId, disk)));
  const conditions = {
    "ecs:InstanceType": [input.instanceType],
    ...diskEncryptionConditions([systemPreview], {
      encrypted: "ecs:IsSystemDiskEncrypted",
      byok: "ecs:IsSystemDiskByokEncrypted",
    }),
    ...diskEncryptionConditions(dataPreviews),
  };
  const resourceArn = arn("ecs", regionId, getRuntime().accountId, "instance/*");
  return operation(ctx, { service: "ecs", action: "RunInstances", resourceArn, conditions }, async (op) => {
    const plan = await planInstances(regionId, input);
    const encryption = await resolveEncryption(ctx, regionId, input.instanceType, plan, op.eventId);
    const earlier = await findByClientToken(regionId, input.clientToken, input.amount ?? 1);
    if (earlier.length > 0) return { instanceIds: earlier };
    if (ctx.dryRun) throw dryRunPassed();

    const instanceIds: string[] = [];
    try {
      for (let n = 0; n < (input.amount ?? 1); n++) {
        instanceIds.push(await createInstance(ctx, op.eventId, input, plan, encryption, n));
      }
    } catch (error) {
      await Promise.all(instanceIds.map((id) => removeHalfMade(id)));
      throw error;
    }
    wakeForTransition();
    if (instanceIds.length === 1) op.resourceArn = arn("ecs", regionId, getRuntime().accountId, `instance/${instanceIds[0]}`);
    return { instanceIds };
  });
}

async function planInstances(regionId: string, input: RunInstancesInput): Promise<Plan> {
  if (!findRegion(regionId)) throw instanceErrors.regionNotFound();
  const zoneId = input.zoneId ?? listZones(regionId)[0]?.zoneId;
  if (!zoneId || !findZone(regionId, zoneId)) throw instanceErrors.zoneNotFound();
  const type = getInstanceTypeOrThrow(input.instanceType);
  if (!isInstanceTypeOffered(regionId, zoneId, type.instanceTypeId)) throw instanceErrors.typeNotInZone();
  const image = await getBootImageOrThrow(regionId, input.imageId);
  if (input.hostName !== undefined) assertHostName(input.hostName, image.osType);
  const system = planSystemDisk(input.systemDisk ?? {}, image, type);
  const dataSnapshots: (Snapshot | undefined)[] = [];
  for (const disk of input.dataDisks ?? []) {
    const snapshot = disk.snapshotId ? await getSnapshotOrThrow(regionId, disk.snapshotId) : undefined;
    if (snapshot && snapshot.status !== "accomplished") throw snapshotErrors.notReadyForDisk();
    dataSnapshots.push(snapshot);
  }
  const data = (input.dataDisks ?? []).map((disk, index) => planDataDisk(disk, index, type, dataSnapshots[index]?.sourceDiskSize));
  if (!isDiskCategoryOffered(regionId, zoneId, "system", system.category)) throw instanceErrors.systemDiskCategory();
  if (data.some((d) => !isDiskCategoryOffered(regionId, zoneId, "data", d.category))) throw instanceErrors.dataDiskCategory();
  return { zoneId, image, system, data, dataSnapshots };
}

async function resolveEncryption(
  ctx: RequestContext,
  regionId: string,
  instanceType: string,
  plan: Plan,
  causedBy: string,
): Promise<Encryption> {
  const setting = await getRegionEncryptionSetting(regionId);
  const resolve = (disk: DiskPlan, usage: "system" | "data", from: Snapshot | undefined, fromImage: boolean) =>
    resolveDiskEncryption(ctx, {
      regionId,
      category: disk.category,
      usage,
      // From an encrypted image the system disk inherits its key; from an encrypted snapshot a
      // data disk must ask for encryption, under the snapshot's key (no re-keying here).
      ...(from
        ? encryptionFromSnapshot(from, disk, setting, { inheritWhenOmitted: fromImage, allowRekey: fromImage })
        : { encrypted: disk.encrypted, kmsKeyId: disk.kmsKeyId }),
      fromSnapshot: from !== undefined,
      instanceType,
      causedBy,
    });
  const imageSnapshot = plan.image.kind === "custom" ? plan.image.systemSnapshot : undefined;
  const system = await resolve(plan.system, "system", imageSnapshot, true);
  const data: ResolvedDiskEncryption[] = [];
  for (const [n, disk] of plan.data.entries()) data.push(await resolve(disk, "data", plan.dataSnapshots[n], false));
  // The source data is opened with its own key: that key must be Enabled too.
  for (const snapshot of [imageSnapshot, ...plan.dataSnapshots]) {
    if (snapshot) await assertMediumKeyUsable(ctx, causedBy, snapshot, { notEnabled: encryptionErrors.keyNotEnabled, notFound: encryptionErrors.keyNotFound });
  }
  return { system, data };
}

/** The n-th instance of a call: row, tags, system disk (image installed at first boot), data disks. */
async function createInstance(
  ctx: RequestContext,
  causedBy: string,
  input: RunInstancesInput,
  plan: Plan,
  encryption: Encryption,
  n: number,
): Promise<string> {
  const { db } = getRuntime();
  const regionId = ctx.regionId;
  const id = resourceId("i", regionId);
  const at = now();
  await db.instance.create({
    data: {
      id,
      regionId,
      zoneId: plan.zoneId,
      name: input.instanceName ?? id,
      description: input.description ?? "",
      hostName: input.hostName ?? defaultHostName(id, plan.image.osType),
      instanceType: input.instanceType,
      imageId: plan.image.imageId,
      osType: plan.image.osType,
      status: "Pending",
      targetStatus: "Running",
      transitionDueAt: transitionDue(at),
      createdAt: at,
      clientToken: clientTokenOf(input.clientToken, n),
    },
  });
  if (input.tags?.length) {
    await db.resourceTag.createMany({
      data: input.tags.map((t) => ({ regionId, resourceType: "instance", resourceId: id, tagKey: t.key, tagValue: t.value })),
    });
  }
  const provision = (disk: DiskPlan, resolved: ResolvedDiskEncryption, type: "system" | "data", letter: string, from?: Snapshot) =>
    provisionDisk(ctx, causedBy, {
      regionId,
      zoneId: plan.zoneId,
      category: disk.category,
      performanceLevel: disk.performanceLevel,
      sizeGiB: disk.sizeGiB,
      type,
      encryption: resolved,
      name: disk.name,
      description: disk.description,
      instanceId: id,
      deviceLetter: letter,
      deleteWithInstance: disk.deleteWithInstance,
      imageId: type === "system" ? plan.image.imageId : undefined,
      status: "In_use",
      sourceSnapshotId: from?.id,
      source: from ? snapshotAsMedium(from) : undefined,
    });
  const imageSnapshot = plan.image.kind === "custom" ? plan.image.systemSnapshot : undefined;
  const systemDisk = await provision(plan.system, encryption.system, "system", "a", imageSnapshot);
  const instance = await db.instance.update({ where: { id }, data: { systemDiskId: systemDisk.id } });
  for (const [index, disk] of plan.data.entries()) {
    await provision(disk, encryption.data[index], "data", String.fromCharCode(98 + index), plan.dataSnapshots[index]);
  }
  const disks: Disk[] = await attachedDisks(id);
  const keys = await unwrapDiskKeys(ctx, disks, causedBy, encryptionErrors.keyNotEnabled);
  void getHypervisor().powerOn(vmSpecOf(instance, disks), { ctx, causedBy, keys });
  return id;
}

/** Instance n of a call keeps the token (n = 0) or `<token>#<n+1>`: the index is unique per region. */
function clientTokenOf(clientToken: string | undefined, n: number): string | null {
  if (!clientToken) return null;
  return n === 0 ? clientToken : `${clientToken}#${n + 1}`;
}

/** The instances an earlier call with this ClientToken created (same answer, nothing new). */
async function findByClientToken(regionId: string, clientToken: string | undefined, amount: number): Promise<string[]> {
  if (!clientToken) return [];
  const tokens = Array.from({ length: Math.max(amount, 100) }, (_, n) => clientTokenOf(clientToken, n)!);
  const rows = await getRuntime().db.instance.findMany({
    where: { regionId, clientToken: { in: tokens } },
    select: { id: true, clientToken: true },
  });
  return rows.sort((a, b) => tokens.indexOf(a.clientToken!) - tokens.indexOf(b.clientToken!)).map((r) => r.id);
}

/** A call that failed half-way leaves nothing behind: the instance, its tags and its disks go. */
async function removeHalfMade(instanceId: string): Promise<void> {
  const { db } = getRuntime();
  await getHypervisor().powerOff(instanceId, { force: true });
  for (const disk of await db.disk.findMany({ where: { instanceId } })) await destroyDisk(disk.id);
  await db.resourceTag.deleteMany({ where: { resourceType: "instance", resourceId: instanceId } });
  await db.instance.deleteMany({ where: { id: instanceId } });
}
