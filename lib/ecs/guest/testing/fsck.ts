import type { BlockDevice } from "@/lib/storage/block-device";
import { decodeDirectory } from "@/lib/ecs/guest/fs/directory";
import {
  BITMAP_HEADER,
  BITS_PER_BITMAP_BLOCK,
  BLOCK_BITMAP_MAGIC,
  BLOCK_SIZE,
  EXTENT_BLOCK_MAGIC,
  INODE_BITMAP_MAGIC,
  INODE_SIZE,
  INODES_PER_BLOCK,
  ROOT_INODE,
  decodeInode,
  decodeSuperblock,
  isDirMode,
  readU64,
  uuidToBytes,
  type Extent,
} from "@/lib/ecs/guest/fs/layout";

export type FsckResult = {
  problems: string[];
  /** path → content for files, null for directories ("/" excluded). */
  tree: Map<string, Buffer | null>;
};

/**
 * An offline consistency check of what is on the device (after a journal replay, i.e. after a
 * mount and unmount): every referenced block is marked used and referenced once, every used
 * block is metadata or referenced, free counts match, link counts match. Tests run it on crash
 * images.
 */
export async function fsck(device: BlockDevice): Promise<FsckResult> {
  const problems: string[] = [];
  const sb = decodeSuperblock(await device.read(0, BLOCK_SIZE));
  if (!sb) return { problems: ["no superblock"], tree: new Map() };
  const stamp = uuidToBytes(sb.uuid).subarray(0, 8);
  const bitmapBit = async (start: number, magic: number, bit: number) => {
    const index = Math.floor(bit / BITS_PER_BITMAP_BLOCK);
    const buf = await device.read((start + index) * BLOCK_SIZE, BLOCK_SIZE);
    const stamped =
      buf.readUInt32LE(0) === magic &&
      buf.readUInt32LE(4) === index &&
      buf.subarray(8, 16).equals(stamp);
    const offset = bit % BITS_PER_BITMAP_BLOCK;
    return stamped && (buf[BITMAP_HEADER + (offset >> 3)] & (1 << (offset & 7))) !== 0;
  };
  const owner = new Map<number, string>();
  const claim = (block: number, who: string) => {
    if (block < sb.dataStart || block >= sb.inodeTableStart)
      problems.push(`${who}: block ${block} out of range`);
    if (owner.has(block)) problems.push(`${who}: block ${block} also used by ${owner.get(block)}`);
    owner.set(block, who);
  };
  const readInode = async (ino: number) => {
    const block = sb.inodeTableStart + Math.floor(ino / INODES_PER_BLOCK);
    return decodeInode(
      await device.read(block * BLOCK_SIZE, BLOCK_SIZE),
      (ino % INODES_PER_BLOCK) * INODE_SIZE,
    );
  };
  const readContent = async (ino: number, path: string) => {
    const inode = await readInode(ino);
    const extents: Extent[] = [...inode.inline];
    for (let next = inode.overflow; next !== 0;) {
      claim(next, `${path} (extent block)`);
      const buf = await device.read(next * BLOCK_SIZE, BLOCK_SIZE);
      if (buf.readUInt32LE(0) !== EXTENT_BLOCK_MAGIC)
        problems.push(`${path}: bad extent block ${next}`);
      for (let i = 0; i < buf.readUInt32LE(4); i++) {
        extents.push({ start: readU64(buf, 16 + i * 16), length: buf.readUInt32LE(24 + i * 16) });
      }
      next = readU64(buf, 8);
    }
    if (extents.length !== inode.extentCount)
      problems.push(`${path}: extent count ${inode.extentCount} ≠ ${extents.length}`);
    const blocks = extents.reduce((sum, extent) => sum + extent.length, 0);
    if (blocks !== Math.ceil(inode.size / BLOCK_SIZE))
      problems.push(`${path}: ${blocks} blocks for ${inode.size} bytes`);
    const parts: Buffer[] = [];
    for (const extent of extents) {
      for (let i = 0; i < extent.length; i++) claim(extent.start + i, path);
      parts.push(await device.read(extent.start * BLOCK_SIZE, extent.length * BLOCK_SIZE));
    }
    return { inode, data: Buffer.concat(parts).subarray(0, inode.size) };
  };

  const tree = new Map<string, Buffer | null>();
  const inodesSeen = new Set<number>([ROOT_INODE]);
  const visit = async (ino: number, path: string): Promise<void> => {
    const { inode, data } = await readContent(ino, path || "/");
    const entries = decodeDirectory(data);
    const subdirs = entries.filter((entry) => entry.type === "dir").length;
    if (inode.links !== 2 + subdirs)
      problems.push(`${path || "/"}: links ${inode.links}, expected ${2 + subdirs}`);
    for (const entry of entries) {
      const child = `${path}/${entry.name}`;
      if (inodesSeen.has(entry.ino)) problems.push(`${child}: inode ${entry.ino} linked twice`);
      inodesSeen.add(entry.ino);
      if (!(await bitmapBit(sb.inodeBitmapStart, INODE_BITMAP_MAGIC, entry.ino)))
        problems.push(`${child}: inode ${entry.ino} not marked used`);
      if (entry.type === "dir") {
        tree.set(child, null);
        await visit(entry.ino, child);
      } else {
        const file = await readContent(entry.ino, child);
        if (isDirMode(file.inode.mode))
          problems.push(`${child}: entry says file, inode says directory`);
        tree.set(child, file.data);
      }
    }
  };
  await visit(ROOT_INODE, "");

  let usedBlocks = 0;
  for (let block = 0; block < sb.totalBlocks; block++) {
    const isUsed = await bitmapBit(sb.blockBitmapStart, BLOCK_BITMAP_MAGIC, block);
    if (isUsed) usedBlocks++;
    const expected = block < sb.dataStart || block >= sb.inodeTableStart || owner.has(block);
    if (isUsed !== expected)
      problems.push(`block ${block}: bitmap says ${isUsed ? "used" : "free"}`);
  }
  if (sb.freeBlocks !== sb.totalBlocks - usedBlocks)
    problems.push(`free blocks ${sb.freeBlocks} ≠ ${sb.totalBlocks - usedBlocks}`);
  let usedInodes = 0;
  for (let ino = 0; ino < sb.inodeCount; ino++) {
    if (await bitmapBit(sb.inodeBitmapStart, INODE_BITMAP_MAGIC, ino)) usedInodes++;
  }
  if (usedInodes !== inodesSeen.size + 1)
    problems.push(`${usedInodes} inodes marked, ${inodesSeen.size + 1} in use`);
  if (sb.freeInodes !== sb.inodeCount - usedInodes)
    problems.push(`free inodes ${sb.freeInodes} ≠ ${sb.inodeCount - usedInodes}`);
  return { problems, tree };
}
