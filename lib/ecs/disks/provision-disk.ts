import { serviceContext, type RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { isAppError } from "@/lib/errors";
import type { Disk } from "@/lib/generated/prisma/client";
import { resourceId } from "@/lib/ids";
import { generateDataKeyWithoutPlaintext } from "@/lib/kms/generate-data-key";
import { readKey } from "@/lib/kms/key-cache";
import { tagResource } from "@/lib/kms/key-tags";
import { getRuntime } from "@/lib/runtime";
import { createMedium, deleteMedium } from "@/lib/storage";
import { encryptionErrors } from "@/lib/ecs/encryption/errors";
import { copyKeyedMedium, type KeyedMedium } from "@/lib/ecs/encryption/keyed-media";
import { diskEncryptionContext, diskMediumDir, diskSizeBytes } from "./data-key";

/** 512 bits: AES-256-XTS takes two AES-256 keys. */
export const DATA_KEY_BYTES = 64;

/** The tag ECS puts on a customer master key the first time it encrypts a disk with it. */
export const ECS_KEY_TAG = { tagKey: "acs:ecs:disk-encryption", tagValue: "true" } as const;

export type ProvisionDiskInput = {
  regionId: string;
  zoneId: string;
  category: string;
  performanceLevel?: string;
  sizeGiB: number;
  type: "system" | "data";
  /** As resolved by resolveDiskEncryption: kmsKeyId is the key's id. */
  encryption: { encrypted: boolean; kmsKeyId?: string };
  name?: string;
  description?: string;
  instanceId?: string;
  deviceLetter?: string;
  deleteWithInstance?: boolean;
  imageId?: string;
  sourceSnapshotId?: string;
  clientToken?: string;
  /** Default "Creating": the scheduler makes it Available (In_use with an instance) after DISKSEAL_TRANSITION_MS. */
  status?: "Creating" | "Available" | "In_use";
  tags?: { key: string; value: string }[];
  /**
   * The data to start from (a snapshot's medium): linked as it is under the same key (its data
   * key rewrapped for this disk), else re-encrypted under the disk's new data key.
   */
  source?: KeyedMedium;
};

/**
 * Creates a disk: its data key (encrypted disks), its backing medium, its row (and tags). The
 * data key comes from KMS GenerateDataKeyWithoutPlaintext (64 bytes) as the ECS service,
 * bound to `{"acs:ecs:disk": <id>}`; only the blob is stored. Never returns the plaintext.
 * The first use of a customer master key tags it `acs:ecs:disk-encryption=true`.
 */
export async function provisionDisk(
  ctx: RequestContext,
  causedBy: string,
  input: ProvisionDiskInput,
): Promise<Disk> {
  const id = resourceId("d", input.regionId);
  const ecsCtx: RequestContext = {
    ...serviceContext(ctx, "ecs", causedBy),
    regionId: input.regionId,
  };
  let dataKeyCiphertext: string | null = null;
  let encryptionContext: string | null = null;
  const { encrypted, kmsKeyId } = input.encryption;
  if (encrypted) {
    if (!kmsKeyId) throw new Error("provisionDisk: an encrypted disk needs its resolved kmsKeyId");
    await tagCmkOnFirstUse(ecsCtx, kmsKeyId);
  }
  const dir = diskMediumDir(id);
  if (input.source) {
    const copy = await copyKeyedMedium(ctx, causedBy, input.source, {
      dir,
      regionId: input.regionId,
      readOnly: false,
      sizeBytes: diskSizeBytes(input.sizeGiB),
      encryption: input.encryption,
      context: diskEncryptionContext(id),
    });
    dataKeyCiphertext = copy.dataKeyCiphertext;
    encryptionContext = copy.encryptionContext;
  } else {
    if (encrypted) {
      const context = diskEncryptionContext(id);
      dataKeyCiphertext = await generateDiskDataKey(ecsCtx, kmsKeyId!, context);
      encryptionContext = JSON.stringify(context);
    }
    await createMedium(dir, diskSizeBytes(input.sizeGiB), { encrypted });
  }
  const createdAt = now();
  const status = input.status ?? "Creating";
  const { transitionMs } = getRuntime().config;
  try {
    const disk = await getRuntime().db.$transaction(async (tx) => {
      const row = await tx.disk.create({
        data: {
          id,
          regionId: input.regionId,
          zoneId: input.zoneId,
          name: input.name ?? "",
          description: input.description ?? "",
          category: input.category,
          performanceLevel: input.performanceLevel ?? null,
          sizeGiB: input.sizeGiB,
          type: input.type,
          status,
          encrypted,
          kmsKeyId: encrypted ? kmsKeyId : null,
          dataKeyCiphertext,
          encryptionContext,
          instanceId: input.instanceId ?? null,
          deviceLetter: input.deviceLetter ?? null,
          deleteWithInstance: input.deleteWithInstance ?? input.type === "system",
          imageId: input.imageId ?? null,
          sourceSnapshotId: input.sourceSnapshotId ?? null,
          clientToken: input.clientToken ?? null,
          createdAt,
          attachedAt: input.instanceId ? createdAt : null,
          transitionDueAt:
            status === "Creating" ? new Date(createdAt.getTime() + transitionMs) : null,
        },
      });
      for (const tag of input.tags ?? []) {
        await tx.resourceTag.create({
          data: {
            regionId: input.regionId,
            resourceType: "disk",
            resourceId: id,
            tagKey: tag.key,
            tagValue: tag.value,
          },
        });
      }
      return row;
    });
    if (status === "Creating") getRuntime().scheduler.wakeIn(transitionMs);
    return disk;
  } catch (error) {
    await deleteMedium(dir).catch(() => undefined);
    throw error;
  }
}

async function generateDiskDataKey(
  ecsCtx: RequestContext,
  kmsKeyId: string,
  context: Record<string, string>,
): Promise<string> {
  try {
    const sealed = await generateDataKeyWithoutPlaintext(ecsCtx, {
      keyId: kmsKeyId,
      numberOfBytes: DATA_KEY_BYTES,
      encryptionContext: context,
    });
    return sealed.ciphertextBlob;
  } catch (error) {
    if (isAppError(error) && error.code.startsWith("Rejected."))
      throw encryptionErrors.keyNotEnabled();
    if (isAppError(error) && error.httpStatus === 404) throw encryptionErrors.keyNotFound();
    if (isAppError(error)) throw encryptionErrors.dataKeyCreateFailed();
    throw error;
  }
}

/** A CMK gets ECS's tag on its first use; a key that refuses the tag cannot be used. */
async function tagCmkOnFirstUse(ecsCtx: RequestContext, kmsKeyId: string): Promise<void> {
  const key = await readKey(kmsKeyId);
  if (!key || key.creatorType === "Service") return;
  const tagged = await getRuntime().db.kmsKeyTag.findUnique({
    where: { keyId_tagKey: { keyId: kmsKeyId, tagKey: ECS_KEY_TAG.tagKey } },
  });
  if (tagged) return;
  try {
    await tagResource(ecsCtx, { keyId: kmsKeyId, tags: [{ ...ECS_KEY_TAG }] });
  } catch (error) {
    if (isAppError(error)) throw encryptionErrors.cmkUnauthorized();
    throw error;
  }
}
