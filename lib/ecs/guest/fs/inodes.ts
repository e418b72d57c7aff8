import type { Allocator } from "@/lib/ecs/guest/fs/allocator";
import type { MetaStore } from "@/lib/ecs/guest/fs/journal";
import {
  BLOCK_SIZE,
  EXTENT_BLOCK_MAGIC,
  EXTENTS_PER_BLOCK,
  INLINE_EXTENTS,
  INODE_SIZE,
  INODES_PER_BLOCK,
  decodeInode,
  encodeInode,
  readU64,
  writeU64,
  type Extent,
  type Inode,
} from "@/lib/ecs/guest/fs/layout";

/**
 * The inode table and each inode's extent list: the first INLINE_EXTENTS extents sit in the
 * inode, the rest in a chain of extent blocks (magic, count, next block, then 16-byte extents).
 */
export class InodeStore {
  constructor(
    private readonly meta: MetaStore,
    private readonly tableStart: number,
    private readonly allocator: Allocator,
  ) {}

  private locate(ino: number): { block: number; at: number } {
    return {
      block: this.tableStart + Math.floor(ino / INODES_PER_BLOCK),
      at: (ino % INODES_PER_BLOCK) * INODE_SIZE,
    };
  }

  async read(ino: number): Promise<Inode> {
    const { block, at } = this.locate(ino);
    return decodeInode(await this.meta.get(block), at);
  }

  async write(ino: number, inode: Inode): Promise<void> {
    const { block, at } = this.locate(ino);
    const buf = await this.meta.get(block);
    encodeInode(inode, buf, at);
    this.meta.markDirty(block);
  }

  async extents(inode: Inode): Promise<Extent[]> {
    const extents = [...inode.inline];
    let next = inode.overflow;
    while (next !== 0 && extents.length < inode.extentCount) {
      const buf = await this.meta.get(next);
      if (buf.readUInt32LE(0) !== EXTENT_BLOCK_MAGIC)
        throw new Error(`extent block ${next} is corrupt`);
      const count = buf.readUInt32LE(4);
      for (let i = 0; i < count; i++) {
        extents.push({ start: readU64(buf, 16 + i * 16), length: buf.readUInt32LE(24 + i * 16) });
      }
      next = readU64(buf, 8);
    }
    return extents;
  }

  /** Stores `extents` as the inode's list, growing or shrinking the overflow chain (not the inode itself). */
  async setExtents(inode: Inode, extents: Extent[]): Promise<void> {
    const chain: number[] = [];
    for (let next = inode.overflow; next !== 0;) {
      chain.push(next);
      next = readU64(await this.meta.get(next), 8);
    }
    const overflow = extents.slice(INLINE_EXTENTS);
    const needed = Math.ceil(overflow.length / EXTENTS_PER_BLOCK);
    while (chain.length < needed) {
      const [extent] = await this.allocator.allocate(1, chain.at(-1) ?? undefined);
      chain.push(extent.start);
    }
    const surplus = chain.splice(needed);
    for (const block of surplus) this.meta.forget(block);
    this.allocator.free(surplus.map((start) => ({ start, length: 1 })));
    chain.forEach((block, i) => {
      const buf = Buffer.alloc(BLOCK_SIZE);
      const part = overflow.slice(i * EXTENTS_PER_BLOCK, (i + 1) * EXTENTS_PER_BLOCK);
      buf.writeUInt32LE(EXTENT_BLOCK_MAGIC, 0);
      buf.writeUInt32LE(part.length, 4);
      writeU64(buf, 8, chain[i + 1] ?? 0);
      part.forEach((extent, j) => {
        writeU64(buf, 16 + j * 16, extent.start);
        buf.writeUInt32LE(extent.length, 24 + j * 16);
      });
      this.meta.put(block, buf);
    });
    inode.inline = extents.slice(0, INLINE_EXTENTS).map((extent) => ({ ...extent }));
    inode.extentCount = extents.length;
    inode.overflow = chain[0] ?? 0;
  }
}
