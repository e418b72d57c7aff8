import type { MetaStore } from "@/lib/ecs/guest/fs/journal";
import {
  BITMAP_HEADER,
  BITS_PER_BITMAP_BLOCK,
  BLOCK_SIZE,
  uuidToBytes,
} from "@/lib/ecs/guest/fs/layout";

/**
 * A bitmap spread over consecutive metadata blocks (the block bitmap, the inode bitmap). Each
 * block starts with a 16-byte stamp — magic, its index, the first 8 bytes of the filesystem
 * UUID — and a block whose stamp does not match reads as all-free: mkfs need not write the
 * whole bitmap of a 32 TiB disk (ext4's uninitialized block groups do the same).
 */
export class Bitmap {
  private readonly stamp: Buffer;

  constructor(
    private readonly meta: MetaStore,
    private readonly start: number,
    private readonly totalBits: number,
    private readonly magic: number,
    uuid: string,
  ) {
    this.stamp = uuidToBytes(uuid).subarray(0, 8);
  }

  /** The bitmap block holding `bit`, initialized in the cache when its stamp is stale. */
  private async block(index: number): Promise<Buffer> {
    const buf = await this.meta.get(this.start + index);
    if (!isStamped(buf, this.magic, index, this.stamp)) {
      buf.fill(0);
      writeStamp(buf, this.magic, index, this.stamp);
    }
    return buf;
  }

  async isSet(bit: number): Promise<boolean> {
    const index = Math.floor(bit / BITS_PER_BITMAP_BLOCK);
    const offset = bit % BITS_PER_BITMAP_BLOCK;
    const buf = await this.block(index);
    return (buf[BITMAP_HEADER + (offset >> 3)] & (1 << (offset & 7))) !== 0;
  }

  /** Sets (or clears) `count` bits from `first`; returns how many actually changed. */
  async setRange(first: number, count: number, value: boolean): Promise<number> {
    let changed = 0;
    let bit = first;
    const end = first + count;
    while (bit < end) {
      const index = Math.floor(bit / BITS_PER_BITMAP_BLOCK);
      const buf = await this.block(index);
      const blockEnd = Math.min(end, (index + 1) * BITS_PER_BITMAP_BLOCK);
      for (; bit < blockEnd; bit++) {
        const offset = bit % BITS_PER_BITMAP_BLOCK;
        const at = BITMAP_HEADER + (offset >> 3);
        const mask = 1 << (offset & 7);
        if (((buf[at] & mask) !== 0) !== value) {
          buf[at] ^= mask;
          changed++;
        }
      }
      this.meta.markDirty(this.start + index);
    }
    return changed;
  }

  /**
   * The first run of clear bits at or after `from` (wrapping around once), at most `maxLength`
   * long; null when every bit is set.
   */
  async findClearRun(
    from: number,
    maxLength: number,
  ): Promise<{ start: number; length: number } | null> {
    const first = await this.findClear(from, this.totalBits);
    const found = first ?? (from > 0 ? await this.findClear(0, from) : null);
    if (found === null) return null;
    let length = 1;
    while (length < maxLength && found + length < this.totalBits) {
      // Extend the run a bitmap block at a time, without an await per bit.
      const from = found + length;
      const index = Math.floor(from / BITS_PER_BITMAP_BLOCK);
      const buf = await this.block(index);
      const end = Math.min(this.totalBits, (index + 1) * BITS_PER_BITMAP_BLOCK, found + maxLength);
      let bit = from;
      while (bit < end) {
        const offset = bit % BITS_PER_BITMAP_BLOCK;
        if ((buf[BITMAP_HEADER + (offset >> 3)] & (1 << (offset & 7))) !== 0) break;
        bit++;
      }
      length += bit - from;
      if (bit < end) break;
    }
    return { start: found, length };
  }

  private async findClear(from: number, end: number): Promise<number | null> {
    let bit = from;
    while (bit < end) {
      const index = Math.floor(bit / BITS_PER_BITMAP_BLOCK);
      const buf = await this.block(index);
      const blockEnd = Math.min(end, (index + 1) * BITS_PER_BITMAP_BLOCK);
      while (bit < blockEnd) {
        const offset = bit % BITS_PER_BITMAP_BLOCK;
        const at = BITMAP_HEADER + (offset >> 3);
        if ((offset & 7) === 0 && buf[at] === 0xff && bit + 8 <= blockEnd) {
          bit += 8;
          continue;
        }
        if ((buf[at] & (1 << (offset & 7))) === 0) return bit;
        bit++;
      }
    }
    return null;
  }
}

function isStamped(buf: Buffer, magic: number, index: number, stamp: Buffer): boolean {
  return (
    buf.readUInt32LE(0) === magic &&
    buf.readUInt32LE(4) === index &&
    buf.subarray(8, 16).equals(stamp)
  );
}

function writeStamp(buf: Buffer, magic: number, index: number, stamp: Buffer): void {
  buf.writeUInt32LE(magic, 0);
  buf.writeUInt32LE(index, 4);
  stamp.copy(buf, 8);
}

/** A bitmap block as mkfs writes it: stamped, with the bits of `used` ranges ([start, end)) set. */
export function initialBitmapBlock(
  magic: number,
  index: number,
  uuid: string,
  used: [number, number][],
): Buffer {
  const buf = Buffer.alloc(BLOCK_SIZE);
  writeStamp(buf, magic, index, uuidToBytes(uuid).subarray(0, 8));
  const first = index * BITS_PER_BITMAP_BLOCK;
  const last = first + BITS_PER_BITMAP_BLOCK;
  for (const [start, end] of used) {
    for (let bit = Math.max(start, first); bit < Math.min(end, last); bit++) {
      const offset = bit - first;
      buf[BITMAP_HEADER + (offset >> 3)] |= 1 << (offset & 7);
    }
  }
  return buf;
}
