import type { BlockDevice } from "@/lib/storage/block-device";
import { Allocator } from "@/lib/ecs/guest/fs/allocator";
import type { EntryType } from "@/lib/ecs/guest/fs/directory";
import { FsClosedError } from "@/lib/ecs/guest/fs/errors";
import { FileData } from "@/lib/ecs/guest/fs/file-data";
import { InodeStore } from "@/lib/ecs/guest/fs/inodes";
import { MetaStore } from "@/lib/ecs/guest/fs/journal";
import {
  BLOCK_SIZE,
  FLAG_CASE_INSENSITIVE,
  encodeSuperblock,
  overheadBlocks,
  type Flavour,
  type Superblock,
} from "@/lib/ecs/guest/fs/layout";
import { Namespace, type FsPath, type FsStat } from "@/lib/ecs/guest/fs/namespace";

export { newInode, type FsPath, type FsStat } from "@/lib/ecs/guest/fs/namespace";

export type FileLocation = { size: number; ranges: { offset: number; length: number }[] };

export type FsUsage = {
  uuid: string;
  flavour: Flavour;
  label: string;
  createdAt: Date;
  totalBlocks: number;
  /** Blocks taken by the superblock, journal, bitmaps and inode table. */
  overheadBlocks: number;
  freeBlocks: number;
  /** Free blocks file content cannot take (kept for directory changes on a full disk). */
  reservedBlocks: number;
  inodeCount: number;
  freeInodes: number;
};

/**
 * A mounted filesystem. Operations run one at a time (a device may hang mid-operation, and
 * everything queued behind it waits, as processes in D state do); each leaves the metadata
 * consistent, and `sync` commits it through the journal. A commit also happens on its own
 * when the pending metadata would fill half the journal.
 */
export class DiskFs {
  private readonly meta: MetaStore;
  private readonly allocator: Allocator;
  private readonly tree: Namespace;
  private queue: Promise<unknown> = Promise.resolve();
  private isClosed = false;
  private hasUncommitted = false;

  constructor(
    device: BlockDevice,
    private readonly sb: Superblock,
    seq: number,
    now: () => number,
  ) {
    this.meta = new MetaStore(device, sb, sb.uuid, seq);
    this.allocator = new Allocator(this.meta, sb);
    const inodes = new InodeStore(this.meta, sb.inodeTableStart, this.allocator);
    const data = new FileData(device, this.allocator, inodes);
    const isCaseInsensitive = (sb.flags & FLAG_CASE_INSENSITIVE) !== 0;
    this.tree = new Namespace(inodes, data, this.allocator, isCaseInsensitive, now);
  }

  get uuid(): string {
    return this.sb.uuid;
  }

  get flavour(): Flavour {
    return this.sb.flavour;
  }

  get isCaseInsensitive(): boolean {
    return this.tree.isCaseInsensitive;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  private exclusive<T>(operation: () => Promise<T>, isWrite = false): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.isClosed) throw new FsClosedError();
      const result = await operation();
      if (isWrite) this.hasUncommitted = true;
      const pending = this.meta.dirtyCount + this.allocator.pendingCost + 1;
      if (isWrite && pending >= this.meta.capacity / 2) await this.commit();
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commit(): Promise<void> {
    this.hasUncommitted = false;
    if (this.meta.dirtyCount > 0 || this.allocator.pendingFreeBlocks > 0) {
      await this.allocator.applyPendingFrees();
      this.meta.put(0, encodeSuperblock(this.sb));
    }
    await this.meta.commit();
  }

  /** The guest's `sync`: everything done so far is durable once this resolves. */
  sync(): Promise<void> {
    return this.exclusive(() => this.commit());
  }

  /** The periodic commit (ext4's commit=5): a no-op when nothing changed since the last one. */
  commitIfChanged(): Promise<void> {
    return this.exclusive(async () => {
      if (this.hasUncommitted) await this.commit();
    });
  }

  /** Commits and detaches from the device; later calls fail with FsClosedError. */
  unmount(): Promise<void> {
    return this.exclusive(async () => {
      await this.commit();
      this.isClosed = true;
    });
  }

  /** Power cut: forget everything not committed. Does not touch the device. */
  abandon(): void {
    this.isClosed = true;
  }

  usage(): FsUsage {
    const sb = this.sb;
    return {
      uuid: sb.uuid,
      flavour: sb.flavour,
      label: sb.label,
      createdAt: new Date(sb.createdAt),
      totalBlocks: sb.totalBlocks,
      overheadBlocks: overheadBlocks(sb),
      freeBlocks: sb.freeBlocks + this.allocator.pendingFreeBlocks,
      reservedBlocks: this.allocator.metadataReserve,
      inodeCount: sb.inodeCount,
      freeInodes: sb.freeInodes,
    };
  }

  stat(path: FsPath): Promise<FsStat> {
    return this.exclusive(() => this.tree.stat(path));
  }

  readdir(path: FsPath): Promise<{ name: string; type: EntryType }[]> {
    return this.exclusive(() => this.tree.readdir(path));
  }

  /** The byte ranges of the device holding a file's content, in file order, and its size. */
  locate(path: FsPath): Promise<FileLocation> {
    return this.exclusive(async () => {
      const { size, extents } = await this.tree.extentsOf(path);
      const ranges = extents.map((e) => ({
        offset: e.start * BLOCK_SIZE,
        length: e.length * BLOCK_SIZE,
      }));
      return { size, ranges };
    });
  }

  readFile(path: FsPath): Promise<Buffer> {
    return this.exclusive(() => this.tree.readFile(path));
  }

  /** Creates the file when missing; replaces its content, or appends with `append`. */
  writeFile(
    path: FsPath,
    content: Uint8Array,
    options: { append?: boolean; mode?: number } = {},
  ): Promise<void> {
    return this.exclusive(() => this.tree.writeFile(path, content, options), true);
  }

  /** `touch`: creates an empty file, or updates the times of an existing file or directory. */
  touch(path: FsPath): Promise<void> {
    return this.exclusive(() => this.tree.touch(path), true);
  }

  mkdir(path: FsPath, mode = 0o755): Promise<void> {
    return this.exclusive(() => this.tree.mkdir(path, mode), true);
  }

  chmod(path: FsPath, mode: number): Promise<void> {
    return this.exclusive(() => this.tree.chmod(path, mode), true);
  }

  unlink(path: FsPath): Promise<void> {
    return this.exclusive(() => this.tree.remove(path, "file"), true);
  }

  rmdir(path: FsPath): Promise<void> {
    return this.exclusive(() => this.tree.remove(path, "dir"), true);
  }

  /** `mv` within this filesystem; replaces a file, or an empty directory, at the target. */
  rename(from: FsPath, to: FsPath): Promise<void> {
    return this.exclusive(() => this.tree.rename(from, to), true);
  }
}
