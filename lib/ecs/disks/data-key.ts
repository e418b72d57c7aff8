import path from "node:path";
import { serviceContext, type RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import type { Disk } from "@/lib/generated/prisma/client";
import { decrypt } from "@/lib/kms/encrypt-decrypt";
import { readKey } from "@/lib/kms/key-cache";
import { getRuntime } from "@/lib/runtime";
import { openMedium, type Medium } from "@/lib/storage";
import { canEcsUseDiskEncryptRole } from "@/lib/ram/roles";
import { encryptionErrors } from "@/lib/ecs/encryption/errors";
import { diskErrors } from "./errors";

export const GIB = 1024 ** 3;

/** Bytes of a disk of `sizeGiB`. */
export function diskSizeBytes(sizeGiB: number): number {
  return sizeGiB * GIB;
}

/** Where a disk's backing medium lives: `<dataDir>/media/<diskId>/`. */
export function diskMediumDir(diskId: string): string {
  if (!/^d-[a-z0-9]+$/.test(diskId)) throw new Error(`Not a disk id: ${diskId}`);
  return path.join(getRuntime().config.dataDir, "media", diskId);
}

/** The EncryptionContext a disk's data key is bound to. */
export function diskEncryptionContext(diskId: string): Record<string, string> {
  return { "acs:ecs:disk": diskId };
}

/**
 * The disk's 512-bit data key in clear: KMS Decrypt of its stored blob, as the ECS service
 * (audited, CausedBy `causedBy`). A key not Enabled → 403 InvalidParameter.KMSKeyId.CMKNotEnabled;
 * a deleted key → 404 InvalidKMSKeyId.NotFound; a CMK without ECS's role → 403 KMSUnauthorized.
 * The caller zeroes the buffer (`fill(0)`) once the medium holds its own copy.
 */
/**
 * `causedBy` is the API call's event (StartInstance, AttachDisk…); an in-guest reboot or a
 * server start has none.
 */
export async function unwrapDataKey(
  ctx: RequestContext,
  disk: Disk,
  causedBy: string | undefined,
): Promise<Buffer> {
  if (!disk.encrypted || !disk.dataKeyCiphertext || !disk.kmsKeyId) {
    throw new Error(`Disk ${disk.id} is not encrypted`);
  }
  const key = await readKey(disk.kmsKeyId);
  if (key && key.creatorType !== "Service" && !(await canEcsUseDiskEncryptRole())) {
    throw encryptionErrors.kmsUnauthorized();
  }
  const ecsCtx: RequestContext = {
    ...serviceContext(ctx, "ecs", causedBy),
    regionId: disk.regionId,
  };
  try {
    const { plaintext } = await decrypt(ecsCtx, {
      ciphertextBlob: disk.dataKeyCiphertext,
      encryptionContext: disk.encryptionContext ? JSON.parse(disk.encryptionContext) : undefined,
    });
    return plaintext;
  } catch (error) {
    if (isAppError(error) && error.code.startsWith("Rejected."))
      throw encryptionErrors.keyNotEnabled();
    if (isAppError(error) && error.httpStatus === 404) throw diskErrors.diskKeyNotFound();
    throw error;
  }
}

/**
 * Opens the disk's medium. With the data key (an encrypted disk) the guest can read and write
 * it; without, an encrypted disk serves only raw reads and flushes. The medium copies the key:
 * the caller may zero its buffer right after.
 */
export function openDiskDevice(disk: Disk, dataKey?: Buffer): Promise<Medium> {
  return openMedium({
    dir: diskMediumDir(disk.id),
    sizeBytes: diskSizeBytes(disk.sizeGiB),
    encryption: dataKey ? { dataKey } : undefined,
  });
}
