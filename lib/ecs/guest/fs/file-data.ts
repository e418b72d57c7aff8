import type { BlockDevice } from "@/lib/storage/block-device";
import type { Allocator } from "@/lib/ecs/guest/fs/allocator";
import type { InodeStore } from "@/lib/ecs/guest/fs/inodes";
import { BLOCK_SIZE, type Extent, type Inode } from "@/lib/ecs/guest/fs/layout";

const MAX_REQUEST_BLOCKS = 256; // 1 MiB per device request

/**
 * File (and directory) content. Data goes straight to the device, outside the journal, and is
 * never overwritten where committed metadata can see it: a rewrite goes to new blocks
 * (copy-on-write) and the old ones are freed at the next commit; an append fills the tail of
 * the last block in place only past the committed size, which no committed reader looks at.
 */
export class FileData {
  constructor(
    private readonly device: BlockDevice,
    private readonly allocator: Allocator,
    private readonly inodes: InodeStore,
  ) {}

  async read(inode: Inode): Promise<Buffer> {
    if (inode.size === 0) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    let remaining = Math.ceil(inode.size / BLOCK_SIZE);
    for (const extent of await this.inodes.extents(inode)) {
      for (let done = 0; done < extent.length && remaining > 0;) {
        const count = Math.min(extent.length - done, MAX_REQUEST_BLOCKS, remaining);
        parts.push(await this.device.read((extent.start + done) * BLOCK_SIZE, count * BLOCK_SIZE));
        done += count;
        remaining -= count;
      }
    }
    return Buffer.concat(parts).subarray(0, inode.size);
  }

  /** Replaces the whole content with `data`, in new blocks (`isData: false` for a directory). */
  async replace(inode: Inode, data: Uint8Array, isData = true): Promise<void> {
    const old = await this.inodes.extents(inode);
    const count = Math.ceil(data.length / BLOCK_SIZE);
    const extents = await this.allocator.allocate(count, old[0]?.start, isData);
    try {
      await this.writeExtents(extents, data);
      await this.inodes.setExtents(inode, extents);
    } catch (error) {
      this.allocator.free(extents);
      throw error;
    }
    this.allocator.free(old);
    inode.size = data.length;
  }

  async append(inode: Inode, data: Uint8Array): Promise<void> {
    if (data.length === 0) return;
    const extents = (await this.inodes.extents(inode)).map((extent) => ({ ...extent }));
    const last = extents.at(-1);
    const tail = inode.size % BLOCK_SIZE;
    let rest = data;
    if (last && tail !== 0) {
      const lastBlock = last.start + last.length - 1;
      const block = await this.device.read(lastBlock * BLOCK_SIZE, BLOCK_SIZE);
      const fits = Math.min(BLOCK_SIZE - tail, data.length);
      block.set(data.subarray(0, fits), tail);
      await this.device.write(lastBlock * BLOCK_SIZE, block);
      rest = data.subarray(fits);
    }
    if (rest.length > 0) {
      const near = last ? last.start + last.length : undefined;
      const added = await this.allocator.allocate(Math.ceil(rest.length / BLOCK_SIZE), near, true);
      try {
        await this.writeExtents(added, rest);
        for (const extent of added) {
          const end = extents.at(-1);
          if (end && end.start + end.length === extent.start) end.length += extent.length;
          else extents.push(extent);
        }
        await this.inodes.setExtents(inode, extents);
      } catch (error) {
        this.allocator.free(added);
        throw error;
      }
    }
    inode.size += data.length;
  }

  /** Frees every block of the inode (data and extent chain). */
  async release(inode: Inode): Promise<void> {
    const extents = await this.inodes.extents(inode);
    await this.inodes.setExtents(inode, []);
    this.allocator.free(extents);
    inode.size = 0;
  }

  private async writeExtents(extents: Extent[], data: Uint8Array): Promise<void> {
    let offset = 0;
    for (const extent of extents) {
      for (let done = 0; done < extent.length;) {
        const count = Math.min(extent.length - done, MAX_REQUEST_BLOCKS);
        const chunk = Buffer.alloc(count * BLOCK_SIZE);
        chunk.set(data.subarray(offset, offset + count * BLOCK_SIZE));
        await this.device.write((extent.start + done) * BLOCK_SIZE, chunk);
        offset += count * BLOCK_SIZE;
        done += count;
      }
    }
  }
}
