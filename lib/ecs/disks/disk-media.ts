import type { RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { requireRoot } from "@/lib/emulator/require-root";
import { operation } from "@/lib/service/operation";
import { DATA_OFFSET, SECTOR_SIZE } from "@/lib/storage";
import { openDiskDevice } from "./data-key";
import { diskArn, getDiskOrThrow } from "./describe-disks";

/** ReadDiskMedia reads at most 1 MiB a call. */
export const MAX_MEDIA_READ_BYTES = 1_048_576;

/**
 * DiskSeal ReadDiskMedia (root only): the bytes exactly as stored on the disk's backing medium,
 * laid out by disk offset — ciphertext for an encrypted disk, zeros where never written. The
 * range must lie within the disk (400 InvalidParameter). No key is needed or used.
 */
export function readDiskMedia(
  ctx: RequestContext,
  input: { diskId: string; offset: number; length: number },
): Promise<{ diskId: string; offset: number; length: number; data: Buffer }> {
  const spec = {
    service: "diskseal" as const,
    action: "ReadDiskMedia",
    resourceArn: diskArn(ctx.regionId, input.diskId),
  };
  return operation(ctx, spec, async () => {
    requireRoot(ctx);
    const disk = await getDiskOrThrow(ctx, ctx.regionId, input.diskId);
    const medium = await openDiskDevice(disk);
    try {
      if (input.offset + input.length > medium.sizeBytes) {
        throw new AppError(
          "InvalidParameter",
          `The specified range ${input.offset}+${input.length} is beyond the disk's ${medium.sizeBytes} bytes.`,
          400,
        );
      }
      const data = await medium.readRaw(input.offset, input.length);
      return { diskId: disk.id, offset: input.offset, length: data.length, data };
    } finally {
      await medium.close();
    }
  });
}

export type DiskEncryptionMaterial = {
  diskId: string;
  encrypted: boolean;
  kmsKeyId: string;
  ciphertextBlob: string;
  encryptionContext: string;
  cipher: "aes-xts-plain64";
  keyBits: 512;
  sectorSize: number;
  dataOffset: number;
};

/**
 * DiskSeal DescribeDiskEncryptionMaterial (root only): what a standard tool needs to decrypt
 * the media — the data key's CiphertextBlob and EncryptionContext (give both to KMS Decrypt)
 * and the cipher's parameters. Never the key itself.
 */
export function describeDiskEncryptionMaterial(
  ctx: RequestContext,
  input: { diskId: string },
): Promise<DiskEncryptionMaterial> {
  const spec = {
    service: "diskseal" as const,
    action: "DescribeDiskEncryptionMaterial",
    resourceArn: diskArn(ctx.regionId, input.diskId),
  };
  return operation(ctx, spec, async (op) => {
    requireRoot(ctx);
    const disk = await getDiskOrThrow(ctx, ctx.regionId, input.diskId);
    op.keyId = disk.kmsKeyId ?? undefined;
    return {
      diskId: disk.id,
      encrypted: disk.encrypted,
      kmsKeyId: disk.kmsKeyId ?? "",
      ciphertextBlob: disk.dataKeyCiphertext ?? "",
      encryptionContext: disk.encryptionContext ?? "",
      cipher: "aes-xts-plain64",
      keyBits: 512,
      sectorSize: SECTOR_SIZE,
      dataOffset: DATA_OFFSET,
    };
  });
}
