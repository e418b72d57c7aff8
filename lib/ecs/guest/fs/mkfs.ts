import { randomUUID } from "node:crypto";
import type { BlockDevice } from "@/lib/storage/block-device";
import { initialBitmapBlock } from "@/lib/ecs/guest/fs/bitmaps";
import { encodeDirectory } from "@/lib/ecs/guest/fs/directory";
import { DiskFs, newInode } from "@/lib/ecs/guest/fs/disk-fs";
import { NotFormattedError } from "@/lib/ecs/guest/fs/errors";
import { emptyJournalBlock, replayJournal } from "@/lib/ecs/guest/fs/journal";
import {
  BITS_PER_BITMAP_BLOCK,
  BLOCK_BITMAP_MAGIC,
  BLOCK_SIZE,
  FLAG_CASE_INSENSITIVE,
  FS_VERSION,
  INODE_BITMAP_MAGIC,
  INODE_SIZE,
  ROOT_INODE,
  S_IFDIR,
  computeGeometry,
  decodeSuperblock,
  encodeInode,
  encodeSuperblock,
  type Flavour,
  type Superblock,
} from "@/lib/ecs/guest/fs/layout";

export type MkfsOptions = {
  flavour: Flavour;
  label?: string;
  now?: () => number;
  uuid?: string;
};

export class FilesystemTooSmallError extends Error {
  constructor(readonly sizeBytes: number) {
    super(`a device of ${sizeBytes} bytes is too small for a filesystem`);
    this.name = "FilesystemTooSmallError";
  }
}

/**
 * Formats the device. Writes only the superblock, the journal head, the bitmap blocks that
 * cover the metadata, the first inode-table block and the root directory: never-written
 * bitmap blocks read as free (see bitmaps.ts), so a 32 TiB disk formats as fast as a small one.
 * The old superblock is invalidated first, so a crash half-way leaves an unformatted device
 * rather than a damaged filesystem.
 */
export async function mkfs(device: BlockDevice, options: MkfsOptions): Promise<Superblock> {
  const totalBlocks = Math.floor(device.sizeBytes / BLOCK_SIZE);
  const geometry = computeGeometry(totalBlocks);
  if (!geometry) throw new FilesystemTooSmallError(device.sizeBytes);
  const now = options.now?.() ?? Date.now();
  const uuid = options.uuid ?? randomUUID();
  const hasLostFound = options.flavour === "ext4";

  await device.write(0, Buffer.alloc(BLOCK_SIZE));
  await device.flush();

  const inodes = Buffer.alloc(BLOCK_SIZE);
  const rootEntries = hasLostFound ? [{ name: "lost+found", ino: 2, type: "dir" as const }] : [];
  const rootData = encodeDirectory(rootEntries);
  const rootBlocks = rootData.length > 0 ? 1 : 0;
  const root = newInode(S_IFDIR | 0o755, now);
  if (rootBlocks) {
    root.size = rootData.length;
    root.extentCount = 1;
    root.inline = [{ start: geometry.dataStart, length: 1 }];
    root.links = 3;
  }
  encodeInode(root, inodes, ROOT_INODE * INODE_SIZE);
  if (hasLostFound) encodeInode(newInode(S_IFDIR | 0o700, now), inodes, 2 * INODE_SIZE);
  const usedInodes = hasLostFound ? 3 : 2; // inode 0 is never used
  const used: [number, number][] = [
    [0, geometry.dataStart + rootBlocks],
    [geometry.inodeTableStart, totalBlocks],
  ];
  const usedBlocks = used.reduce((sum, [start, end]) => sum + end - start, 0);

  await device.write(geometry.journalStart * BLOCK_SIZE, emptyJournalBlock());
  const bitmapIndexes = new Set<number>();
  for (const [start, end] of used) {
    for (let bit = start; bit < end; bit += BITS_PER_BITMAP_BLOCK) {
      bitmapIndexes.add(Math.floor(bit / BITS_PER_BITMAP_BLOCK));
    }
    bitmapIndexes.add(Math.floor((end - 1) / BITS_PER_BITMAP_BLOCK));
  }
  for (const index of bitmapIndexes) {
    const block = initialBitmapBlock(BLOCK_BITMAP_MAGIC, index, uuid, used);
    await device.write((geometry.blockBitmapStart + index) * BLOCK_SIZE, block);
  }
  const inodeBitmap = initialBitmapBlock(INODE_BITMAP_MAGIC, 0, uuid, [[0, usedInodes]]);
  await device.write(geometry.inodeBitmapStart * BLOCK_SIZE, inodeBitmap);
  await device.write(geometry.inodeTableStart * BLOCK_SIZE, inodes);
  if (rootBlocks) {
    const block = Buffer.alloc(BLOCK_SIZE);
    rootData.copy(block);
    await device.write(geometry.dataStart * BLOCK_SIZE, block);
  }
  const sb: Superblock = {
    ...geometry,
    version: FS_VERSION,
    flags: options.flavour === "ntfs" ? FLAG_CASE_INSENSITIVE : 0,
    freeBlocks: totalBlocks - usedBlocks,
    freeInodes: geometry.inodeCount - usedInodes,
    uuid,
    flavour: options.flavour,
    label: options.label ?? "",
    createdAt: now,
  };
  await device.flush();
  await device.write(0, encodeSuperblock(sb));
  await device.flush();
  return sb;
}

/** The superblock as found on the device (no journal replay), or null when unformatted. */
export async function probeFilesystem(device: BlockDevice): Promise<Superblock | null> {
  if (device.sizeBytes < BLOCK_SIZE) return null;
  return decodeSuperblock(await device.read(0, BLOCK_SIZE));
}

/** Mounts: reads the superblock, replays the journal, reads the superblock again. */
export async function mountFilesystem(
  device: BlockDevice,
  options: { now?: () => number } = {},
): Promise<DiskFs> {
  const found = await probeFilesystem(device);
  if (!found) throw new NotFormattedError();
  const seq = await replayJournal(device, found, found.uuid);
  const sb = seq > 0 ? await probeFilesystem(device) : found;
  if (!sb) throw new NotFormattedError("superblock damaged by journal replay");
  return new DiskFs(device, sb, seq, options.now ?? Date.now);
}
