import { Bitmap } from "@/lib/ecs/guest/fs/bitmaps";
import { FsError } from "@/lib/ecs/guest/fs/errors";
import type { MetaStore } from "@/lib/ecs/guest/fs/journal";
import {
  BITS_PER_BITMAP_BLOCK,
  BLOCK_BITMAP_MAGIC,
  INODE_BITMAP_MAGIC,
  type Extent,
  type Superblock,
} from "@/lib/ecs/guest/fs/layout";

/**
 * Hands out blocks and inodes. Freed blocks stay marked in the bitmap until the transaction
 * that stopped referencing them commits (`applyPendingFrees`): file data is written in place
 * outside the journal, so a block the last committed metadata still points to must not be
 * reused before that commit, or a crash would show another file's bytes in it.
 */
export class Allocator {
  readonly blocks: Bitmap;
  readonly inodes: Bitmap;
  private pending: Extent[] = [];
  private pendingBlocks = 0;
  private readonly pendingBitmapBlocks = new Set<number>();
  private hint: number;

  constructor(
    meta: MetaStore,
    private readonly sb: Superblock,
  ) {
    this.blocks = new Bitmap(
      meta,
      sb.blockBitmapStart,
      sb.totalBlocks,
      BLOCK_BITMAP_MAGIC,
      sb.uuid,
    );
    this.inodes = new Bitmap(meta, sb.inodeBitmapStart, sb.inodeCount, INODE_BITMAP_MAGIC, sb.uuid);
    this.hint = sb.dataStart;
  }

  /** How many bitmap blocks the next commit will dirty for pending frees. */
  get pendingCost(): number {
    return this.pendingBitmapBlocks.size;
  }

  /** Blocks freed since the last commit: free as far as `df` is concerned. */
  get pendingFreeBlocks(): number {
    return this.pendingBlocks;
  }

  /**
   * Blocks kept back from file content so that directories and extent lists can still change
   * on a full disk — a directory is rewritten copy-on-write, so even `rm` needs a free block.
   */
  get metadataReserve(): number {
    return Math.min(256, Math.max(8, Math.floor(this.sb.totalBlocks / 100)));
  }

  /**
   * `count` blocks, as few extents as the free space allows, near `near` when given. File
   * content (`isData`) may not dip into the metadata reserve.
   */
  async allocate(count: number, near?: number, isData = false): Promise<Extent[]> {
    if (count === 0) return [];
    const usable = this.sb.freeBlocks - (isData ? this.metadataReserve : 0);
    if (count > usable) throw new FsError("ENOSPC");
    const extents: Extent[] = [];
    let remaining = count;
    let from = near !== undefined && near < this.sb.totalBlocks ? near : this.hint;
    while (remaining > 0) {
      const run = await this.blocks.findClearRun(from, remaining);
      if (!run) throw new FsError("ENOSPC");
      await this.blocks.setRange(run.start, run.length, true);
      const last = extents.at(-1);
      if (last && last.start + last.length === run.start) last.length += run.length;
      else extents.push({ ...run });
      remaining -= run.length;
      from = run.start + run.length;
    }
    this.sb.freeBlocks -= count;
    this.hint = from;
    return extents;
  }

  free(extents: Extent[]): void {
    for (const extent of extents) {
      if (extent.length === 0) continue;
      this.pending.push({ ...extent });
      this.pendingBlocks += extent.length;
      const first = Math.floor(extent.start / BITS_PER_BITMAP_BLOCK);
      const last = Math.floor((extent.start + extent.length - 1) / BITS_PER_BITMAP_BLOCK);
      for (let index = first; index <= last; index++) this.pendingBitmapBlocks.add(index);
    }
  }

  /** Called just before a commit: the frees become part of the transaction being committed. */
  async applyPendingFrees(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    this.pendingBlocks = 0;
    this.pendingBitmapBlocks.clear();
    for (const extent of pending) {
      this.sb.freeBlocks += await this.blocks.setRange(extent.start, extent.length, false);
    }
  }

  async allocateInode(): Promise<number> {
    if (this.sb.freeInodes === 0) throw new FsError("ENOSPC");
    const run = await this.inodes.findClearRun(1, 1);
    if (!run) throw new FsError("ENOSPC");
    await this.inodes.setRange(run.start, 1, true);
    this.sb.freeInodes -= 1;
    return run.start;
  }

  /** Inode slots live in journaled metadata, so unlike blocks they may be reused at once. */
  async freeInode(ino: number): Promise<void> {
    this.sb.freeInodes += await this.inodes.setRange(ino, 1, false);
  }
}
