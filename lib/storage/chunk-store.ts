import { copyFile, mkdir, open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { AllocationLog, readAllocationMap, writeAllocationMap } from "./allocation-map";
import { StorageError } from "./errors";
import { HandlePool, readFully, writeFully } from "./handle-pool";
import {
  CHUNKS_DIR,
  assertMediumSize,
  chunkPath,
  fsyncDir,
  isErrno,
  readMeta,
  writeMeta,
} from "./layout";
import type { MediumMeta } from "./layout";
import { RwLock } from "./lock";

/**
 * The stored bytes of one medium directory, laid out by disk offset: chunk files, the
 * allocation map, copy-on-write after snapshots. No cipher here: what goes in is what is stored.
 * Callers hold `lock` (shared to read, exclusive to write, flush, resize, snapshot); one store
 * per directory per process (registry.ts), shared by every open view of the medium.
 */
export class ChunkStore {
  readonly lock = new RwLock();
  private readonly handles: HandlePool;
  /** Allocated chunks whose map record is not yet on disk (appended at flush). */
  private readonly pending: number[] = [];
  /** Chunks written since the last flush. */
  private readonly dirty = new Set<number>();
  /** Directories with new or renamed entries since the last flush. */
  private readonly dirtyDirs = new Set<string>();
  private readonly knownDirs = new Set<string>();
  /** Chunks known to have one link: writable in place. Cleared when a snapshot links them. */
  private readonly exclusive = new Set<number>();
  private closed = false;

  private constructor(
    readonly dir: string,
    private meta: MediumMeta,
    private readonly allocated: Set<number>,
    private readonly log: AllocationLog | null,
  ) {
    this.handles = new HandlePool((index) => chunkPath(dir, index), meta.readOnly ? "r" : "r+");
  }

  static async open(dir: string): Promise<ChunkStore> {
    const meta = await readMeta(dir);
    const map = await readAllocationMap(dir);
    let log: AllocationLog | null = null;
    if (!meta.readOnly) {
      // A torn tail from a crash mid-append: rewrite the map without it before appending.
      const length =
        map.invalidSlots > 0 ? await writeAllocationMap(dir, map.chunks) : map.byteLength;
      log = await AllocationLog.open(dir, length);
    }
    return new ChunkStore(dir, meta, map.chunks, log);
  }

  get sizeBytes(): number {
    return this.meta.sizeBytes;
  }
  get encrypted(): boolean {
    return this.meta.encrypted;
  }
  get readOnly(): boolean {
    return this.meta.readOnly;
  }
  get chunkSize(): number {
    return this.meta.chunkSize;
  }
  get metadata(): MediumMeta {
    return { ...this.meta };
  }
  get allocatedChunkCount(): number {
    return this.allocated.size;
  }
  allocatedChunks(): number[] {
    return [...this.allocated].sort((a, b) => a - b);
  }
  isAllocated(index: number): boolean {
    return this.allocated.has(index);
  }

  /** Fills `target` with the stored bytes at `offset`; unallocated ranges and holes are zeros. */
  async readInto(offset: number, target: Buffer): Promise<void> {
    this.assertOpen();
    await this.eachChunk(offset, target.length, async (index, within, at, length) => {
      if (!this.allocated.has(index)) {
        target.fill(0, at, at + length);
        return;
      }
      await this.handles.use(index, (handle) => readFully(handle, target, at, length, within));
    });
  }

  /** Stores `data` at `offset`. Durable after `flushLocked`. */
  async writeFrom(offset: number, data: Uint8Array): Promise<void> {
    this.assertWritable();
    await this.eachChunk(offset, data.length, async (index, within, at, length) => {
      await this.prepareForWrite(index);
      this.dirty.add(index);
      await this.handles.use(index, (handle) => writeFully(handle, data, at, length, within));
    });
  }

  /**
   * Makes every write so far durable: chunk data first, then the directory entries of new
   * and copied chunks, then the map records naming them. A crash at any point leaves a map
   * whose every record names a durable chunk.
   */
  async flushLocked(): Promise<void> {
    if (!this.log) return;
    const chunks = [...this.dirty];
    await Promise.all(chunks.map((index) => this.handles.sync(index)));
    for (const index of chunks) this.dirty.delete(index);
    for (const dir of [...this.dirtyDirs]) {
      await fsyncDir(dir);
      this.dirtyDirs.delete(dir);
    }
    const records = this.pending.slice();
    await this.log.append(records);
    this.pending.splice(0, records.length);
  }

  async resizeLocked(newSize: number): Promise<void> {
    this.assertWritable();
    assertMediumSize(newSize);
    if (newSize < this.meta.sizeBytes) {
      throw new RangeError(`A medium only grows: ${newSize} < ${this.meta.sizeBytes}`);
    }
    if (newSize === this.meta.sizeBytes) return;
    const meta = { ...this.meta, sizeBytes: newSize };
    await writeMeta(this.dir, meta);
    this.meta = meta;
  }

  /** After a snapshot hard-linked the chunk files: the next write to each copies it first. */
  markShared(): void {
    this.exclusive.clear();
  }

  async closeLocked(): Promise<void> {
    if (this.closed) return;
    try {
      await this.flushLocked();
    } finally {
      this.closed = true;
      await this.handles.closeAll();
      await this.log?.close();
    }
  }

  private async prepareForWrite(index: number): Promise<void> {
    if (!this.allocated.has(index)) await this.createChunk(index);
    else if (!this.exclusive.has(index)) await this.unshare(index);
  }

  private async createChunk(index: number): Promise<void> {
    const file = chunkPath(this.dir, index);
    await this.ensureDir(path.dirname(file));
    // A file not in the map is an orphan of a crash before its record: start it afresh.
    // unlink, never O_TRUNC: the old inode might be shared with a snapshot.
    await unlink(file).catch((error: unknown) => {
      if (!isErrno(error, "ENOENT")) throw error;
    });
    this.handles.adopt(index, await open(file, "wx+"));
    this.allocated.add(index);
    this.exclusive.add(index);
    this.pending.push(index);
    this.dirtyDirs.add(path.dirname(file));
  }

  /** Copy-on-write: a chunk file also linked from a snapshot is copied before its first write. */
  private async unshare(index: number): Promise<void> {
    const file = chunkPath(this.dir, index);
    if ((await stat(file)).nlink > 1) {
      const temp = `${file}.cow`;
      await unlink(temp).catch((error: unknown) => {
        if (!isErrno(error, "ENOENT")) throw error;
      });
      await copyFile(file, temp);
      // The copy must be durable before the rename can be: the rename may reach the disk
      // before the next flush, and the old contents were already promised durable.
      const handle = await open(temp, "r");
      try {
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await this.handles.drop(index);
      await rename(temp, file);
      this.dirtyDirs.add(path.dirname(file));
    }
    this.exclusive.add(index);
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.knownDirs.has(dir)) return;
    const created = await mkdir(dir, { recursive: true });
    if (created !== undefined) this.dirtyDirs.add(path.join(this.dir, CHUNKS_DIR));
    this.knownDirs.add(dir);
  }

  private async eachChunk(
    offset: number,
    length: number,
    fn: (index: number, within: number, at: number, length: number) => Promise<void>,
  ): Promise<void> {
    const size = this.meta.chunkSize;
    for (let at = 0; at < length;) {
      const index = Math.floor((offset + at) / size);
      const within = offset + at - index * size;
      const count = Math.min(size - within, length - at);
      await fn(index, within, at, count);
      at += count;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StorageError("Closed", `Medium ${this.dir} is closed`);
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.meta.readOnly) throw new StorageError("ReadOnly", `Medium ${this.dir} is read-only`);
  }
}
