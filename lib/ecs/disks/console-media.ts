import type { RequestContext } from "@/lib/context";
import { requireRoot } from "@/lib/emulator/require-root";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import { operation } from "@/lib/service/operation";
import { CHUNK_SIZE, isStorageError, SECTOR_SIZE } from "@/lib/storage";
import { withStore } from "@/lib/storage/registry";
import { diskMediumDir, openDiskDevice, unwrapDataKey } from "./data-key";
import { diskArn, getDiskOrThrow } from "./describe-disks";
import { readDiskMedia } from "./disk-media";

/**
 * The console's Media tab (root only, as DiskSeal's ReadDiskMedia is): the raw stored bytes
 * next to what the guest reads. The raw side IS ReadDiskMedia. The guest's side exists only
 * while the disk's data key is in memory — the disk attached to a running instance — and is
 * read then by unwrapping the key as ECS does at attach (KMS Decrypt, CausedBy this read),
 * decrypting the sectors and zeroing the key: the hypervisor does not lend its own copy.
 */

/** How many bytes one view of the tab shows (a hex dump of 32 lines of 16). */
export const MEDIA_VIEW_BYTES = 512;

/** Chunks looked through for the first written bytes before giving up. */
const CHUNKS_SEARCHED = 4;

/**
 * Where the first non-zero stored byte is (aligned down to 16), from the medium's allocation
 * map; undefined when nothing was ever written — a fresh disk reads as zeros throughout.
 */
export async function findFirstWrittenOffset(
  ctx: RequestContext,
  diskId: string,
): Promise<number | undefined> {
  requireRoot(ctx);
  const disk = await getDiskOrThrow(ctx, ctx.regionId, diskId);
  let chunks: number[];
  try {
    chunks = await withStore(diskMediumDir(disk.id), async (store) =>
      store.allocatedChunks().slice(0, CHUNKS_SEARCHED),
    );
  } catch (error) {
    if (isStorageError(error, "NotFound")) return undefined;
    throw error;
  }
  if (chunks.length === 0) return undefined;
  const medium = await openDiskDevice(disk);
  try {
    for (const chunk of chunks) {
      const start = chunk * CHUNK_SIZE;
      const length = Math.min(CHUNK_SIZE, medium.sizeBytes - start);
      if (length <= 0) continue;
      const bytes = await medium.readRaw(start, length);
      const index = bytes.findIndex((byte) => byte !== 0);
      if (index >= 0) return start + index - (index % 16);
    }
    return undefined;
  } finally {
    await medium.close();
  }
}

/** The raw stored bytes of a view (DiskSeal ReadDiskMedia, audited). */
export async function readRawView(
  ctx: RequestContext,
  input: { diskId: string; offset: number; length: number },
): Promise<Buffer> {
  return (await readDiskMedia(ctx, input)).data;
}

export type GuestView =
  | { kind: "read"; data: Buffer }
  /** Not attached to an instance that is running: no key in memory, nothing to read with. */
  | { kind: "noKey"; instanceId?: string }
  /** The guest's I/O to this disk hangs: KMS refused its key at the last (re)boot. */
  | { kind: "hung"; instanceId: string; code: string; message: string };

/**
 * What the guest reads at `offset`: the stored bytes themselves of an unencrypted disk; the
 * decrypted sectors of an encrypted one, only while its key is in memory (attached to a
 * running instance whose I/O does not hang). KMS refusals (the key was disabled since the
 * instance started) are thrown with their code.
 */
export function readGuestView(
  ctx: RequestContext,
  input: { diskId: string; offset: number; length: number },
): Promise<GuestView> {
  const spec = {
    service: "diskseal" as const,
    action: "ReadDiskGuestView",
    resourceArn: diskArn(ctx.regionId, input.diskId),
  };
  return operation(ctx, spec, async (op) => {
    requireRoot(ctx);
    const disk = await getDiskOrThrow(ctx, ctx.regionId, input.diskId);
    op.keyId = disk.kmsKeyId ?? undefined;
    const instanceId = disk.instanceId ?? undefined;
    // Nothing to decrypt: a guest reads an unencrypted disk's stored bytes as they are.
    if (!disk.encrypted) {
      const medium = await openDiskDevice(disk);
      try {
        return { kind: "read", data: await medium.readRaw(input.offset, input.length) };
      } finally {
        await medium.close();
      }
    }
    const hypervisor = getHypervisor();
    const isInUse = disk.status === "In_use" || disk.status === "Attaching";
    if (!instanceId || !isInUse || !hypervisor.isRunning(instanceId)) {
      return { kind: "noKey", instanceId };
    }
    const hang = hypervisor.hangs(instanceId).find((h) => h.diskId === disk.id);
    if (hang) return { kind: "hung", instanceId, code: hang.code, message: hang.message };

    const first = Math.floor(input.offset / SECTOR_SIZE) * SECTOR_SIZE;
    const end = Math.ceil((input.offset + input.length) / SECTOR_SIZE) * SECTOR_SIZE;
    const key = await unwrapDataKey(ctx, disk, op.eventId);
    let medium;
    try {
      medium = await openDiskDevice(disk, key);
    } finally {
      key.fill(0);
    }
    try {
      const sectors = await medium.read(first, Math.min(end, medium.sizeBytes) - first);
      const start = input.offset - first;
      return { kind: "read", data: Buffer.from(sectors.subarray(start, start + input.length)) };
    } finally {
      await medium.close();
    }
  });
}

/** Whether the disk's data key is in memory now: attached to an instance the hypervisor runs. */
export function isDataKeyInMemory(disk: { instanceId: string | null; status: string }): boolean {
  if (!disk.instanceId || (disk.status !== "In_use" && disk.status !== "Attaching")) return false;
  const hypervisor = getHypervisor();
  return hypervisor.isRunning(disk.instanceId) && hypervisor.hangs(disk.instanceId).length === 0;
}
