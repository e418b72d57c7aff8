import { SECTOR_SIZE, assertSectorRange, type BlockDevice } from "@/lib/storage/block-device";

/**
 * A BlockDevice in memory, for tests of the guest (and of whoever drives a guest): sparse
 * sectors, never-written ones read as zeros. It also models durability: `durableImage()` is
 * what a power cut keeps — the state at the last flush, plus, if asked, any subset of the
 * sector writes issued since (a disk may persist them in any order).
 */
export class MemoryBlockDevice implements BlockDevice {
  private readonly sectors = new Map<number, Buffer>();
  private durable = new Map<number, Buffer>();
  private sinceFlush: { sector: number; data: Buffer }[] = [];
  readonly stats = { reads: 0, writes: 0, flushes: 0 };
  /** Called after each operation with its name; a test may take crash images there. */
  onOperation?: (operation: "write" | "flush") => void;

  constructor(
    readonly sizeBytes: number,
    content?: ReadonlyMap<number, Buffer>,
  ) {
    if (sizeBytes % SECTOR_SIZE !== 0) throw new RangeError("size must be whole sectors");
    for (const [sector, data] of content ?? []) {
      this.sectors.set(sector, Buffer.from(data));
      this.durable.set(sector, Buffer.from(data));
    }
  }

  async read(offset: number, length: number): Promise<Buffer> {
    assertSectorRange(this, offset, length);
    this.stats.reads++;
    return this.readNow(offset, length);
  }

  /** Synchronous peek at the current content (not counted as guest I/O). */
  readNow(offset: number, length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let at = 0; at < length; at += SECTOR_SIZE) {
      this.sectors.get((offset + at) / SECTOR_SIZE)?.copy(out, at);
    }
    return out;
  }

  async write(offset: number, data: Uint8Array): Promise<void> {
    assertSectorRange(this, offset, data.length);
    this.stats.writes++;
    for (let at = 0; at < data.length; at += SECTOR_SIZE) {
      const sector = (offset + at) / SECTOR_SIZE;
      const copy = Buffer.from(data.subarray(at, at + SECTOR_SIZE));
      this.sectors.set(sector, copy);
      this.sinceFlush.push({ sector, data: copy });
    }
    this.onOperation?.("write");
  }

  async flush(): Promise<void> {
    this.stats.flushes++;
    this.durable = new Map([...this.sectors].map(([sector, data]) => [sector, Buffer.from(data)]));
    this.sinceFlush = [];
    this.onOperation?.("flush");
  }

  /** Every sector written so far (copies), e.g. to build another device from. */
  image(): Map<number, Buffer> {
    return new Map([...this.sectors].map(([sector, data]) => [sector, Buffer.from(data)]));
  }

  /**
   * What survives a power cut now: the last flushed state, plus each write issued since that
   * `keep(index)` says the disk happened to persist.
   */
  durableImage(keep: (index: number) => boolean = () => false): Map<number, Buffer> {
    const image = new Map([...this.durable].map(([sector, data]) => [sector, Buffer.from(data)]));
    this.sinceFlush.forEach((write, index) => {
      if (keep(index)) image.set(write.sector, Buffer.from(write.data));
    });
    return image;
  }

  get unflushedWrites(): number {
    return this.sinceFlush.length;
  }

  /** Finds `needle` in the current content; returns byte offsets. */
  find(needle: Uint8Array | string): number[] {
    const bytes = typeof needle === "string" ? Buffer.from(needle) : Buffer.from(needle);
    const hits: number[] = [];
    for (const [sector, data] of [...this.sectors].sort((a, b) => a[0] - b[0])) {
      for (let at = data.indexOf(bytes); at !== -1; at = data.indexOf(bytes, at + 1)) {
        hits.push(sector * SECTOR_SIZE + at);
      }
    }
    return hits;
  }
}

/**
 * Wraps a device so that a test (or a hypervisor model) can make its I/O hang, as a disk whose
 * data key is gone does: while hung, read/write/flush promises stay pending; `resume()` lets
 * them (and everything queued behind them) go on.
 */
export class HangableBlockDevice implements BlockDevice {
  private gate: Promise<void> | null = null;
  private open: () => void = () => {};
  waiting = 0;

  constructor(private readonly inner: BlockDevice) {}

  get sizeBytes(): number {
    return this.inner.sizeBytes;
  }

  get isHung(): boolean {
    return this.gate !== null;
  }

  hang(): void {
    if (this.gate) return;
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  resume(): void {
    this.open();
    this.gate = null;
  }

  private async pass(): Promise<void> {
    while (this.gate) {
      this.waiting++;
      await this.gate;
      this.waiting--;
    }
  }

  async read(offset: number, length: number): Promise<Buffer> {
    await this.pass();
    return this.inner.read(offset, length);
  }

  async write(offset: number, data: Uint8Array): Promise<void> {
    await this.pass();
    return this.inner.write(offset, data);
  }

  async flush(): Promise<void> {
    await this.pass();
    return this.inner.flush();
  }
}
