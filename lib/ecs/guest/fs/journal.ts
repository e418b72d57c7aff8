import type { BlockDevice } from "@/lib/storage/block-device";
import {
  BLOCK_SIZE,
  FS_VERSION,
  JOURNAL_HEADER,
  JOURNAL_MAGIC,
  JOURNAL_MAX_BLOCKS,
  readU64,
  sha256,
  uuidToBytes,
  writeU64,
} from "@/lib/ecs/guest/fs/layout";

/*
 * Metadata blocks (superblock, bitmaps, inode table, extent blocks) are cached here and reach
 * their home only through the journal. A commit (the guest's `sync`):
 *   1. flush       — file data written since the last commit, and the last checkpoint, are durable
 *   2. journal     — descriptor (block list + SHA-256 over everything) and the block images
 *   3. flush       — the transaction is committed: a mount replays it
 *   4. checkpoint  — the images are written home (made durable by the next commit's step 1)
 * A torn journal fails its checksum and is ignored; the previous transaction was checkpointed
 * by then. Replaying a valid one again is harmless, so every mount replays it.
 */

type JournalArea = { journalStart: number; journalBlocks: number };

const CACHE_HIGH_WATER = 8192;
const CACHE_LOW_WATER = 4096;

export class MetaStore {
  private readonly cache = new Map<number, Buffer>();
  private readonly dirty = new Set<number>();
  readonly capacity: number;

  constructor(
    private readonly device: BlockDevice,
    private readonly area: JournalArea,
    private readonly uuid: string,
    private seq: number,
  ) {
    this.capacity = Math.min(area.journalBlocks - 1, JOURNAL_MAX_BLOCKS);
  }

  get dirtyCount(): number {
    return this.dirty.size;
  }

  /** The cached image of a metadata block; mutate it, then `markDirty`. */
  async get(block: number): Promise<Buffer> {
    const cached = this.cache.get(block);
    if (cached) return cached;
    const buf = await this.device.read(block * BLOCK_SIZE, BLOCK_SIZE);
    const raced = this.cache.get(block);
    if (raced) return raced;
    this.cache.set(block, buf);
    return buf;
  }

  /** A block whose old content does not matter (freshly allocated or re-initialized). */
  put(block: number, buf: Buffer): void {
    this.cache.set(block, buf);
    this.dirty.add(block);
  }

  markDirty(block: number): void {
    if (!this.cache.has(block)) throw new Error(`metadata block ${block} is not cached`);
    this.dirty.add(block);
  }

  /** A metadata block that was freed: it must not be journaled or written home. */
  forget(block: number): void {
    this.cache.delete(block);
    this.dirty.delete(block);
  }

  async commit(): Promise<void> {
    await this.device.flush();
    if (this.dirty.size === 0) return;
    const blocks = [...this.dirty].sort((a, b) => a - b);
    if (blocks.length > this.capacity) {
      throw new Error(
        `transaction of ${blocks.length} blocks exceeds the journal (${this.capacity})`,
      );
    }
    const images = blocks.map((block) => this.cache.get(block)!);
    this.seq += 1;
    const journal = Buffer.alloc((blocks.length + 1) * BLOCK_SIZE);
    encodeDescriptor(journal, this.uuid, this.seq, blocks, images);
    images.forEach((image, i) => image.copy(journal, (i + 1) * BLOCK_SIZE));
    await this.device.write(this.area.journalStart * BLOCK_SIZE, journal);
    await this.device.flush();
    this.dirty.clear();
    await writeRuns(this.device, blocks, images);
    this.evictClean();
  }

  private evictClean(): void {
    if (this.cache.size <= CACHE_HIGH_WATER) return;
    for (const block of this.cache.keys()) {
      if (this.cache.size <= CACHE_LOW_WATER) break;
      if (!this.dirty.has(block)) this.cache.delete(block);
    }
  }
}

function encodeDescriptor(
  out: Buffer,
  uuid: string,
  seq: number,
  blocks: number[],
  images: Buffer[],
) {
  out.writeUInt32LE(JOURNAL_MAGIC, 0);
  out.writeUInt32LE(FS_VERSION, 4);
  uuidToBytes(uuid).copy(out, 8);
  writeU64(out, 24, seq);
  out.writeUInt32LE(blocks.length, 32);
  blocks.forEach((block, i) => writeU64(out, JOURNAL_HEADER + i * 8, block));
  const list = out.subarray(JOURNAL_HEADER, JOURNAL_HEADER + blocks.length * 8);
  sha256(out.subarray(0, 40), list, ...images).copy(out, 40);
}

/** Writes each block home, coalescing consecutive block numbers into one request. */
async function writeRuns(device: BlockDevice, blocks: number[], images: Buffer[]): Promise<void> {
  let i = 0;
  while (i < blocks.length) {
    let j = i + 1;
    while (j < blocks.length && blocks[j] === blocks[j - 1] + 1) j++;
    const run = j - i === 1 ? images[i] : Buffer.concat(images.slice(i, j));
    await device.write(blocks[i] * BLOCK_SIZE, run);
    i = j;
  }
}

/** The journal's first block, emptied: mkfs writes it so an old filesystem's journal is not replayed. */
export function emptyJournalBlock(): Buffer {
  return Buffer.alloc(BLOCK_SIZE);
}

/**
 * Replays the last committed transaction, if the journal holds a valid one for this
 * filesystem. Returns its sequence number (0 when there is none).
 */
export async function replayJournal(
  device: BlockDevice,
  area: JournalArea,
  uuid: string,
): Promise<number> {
  const head = await device.read(area.journalStart * BLOCK_SIZE, BLOCK_SIZE);
  if (head.readUInt32LE(0) !== JOURNAL_MAGIC || head.readUInt32LE(4) !== FS_VERSION) return 0;
  if (!head.subarray(8, 24).equals(uuidToBytes(uuid))) return 0;
  const count = head.readUInt32LE(32);
  if (count === 0 || count > Math.min(area.journalBlocks - 1, JOURNAL_MAX_BLOCKS)) return 0;
  const body = await device.read((area.journalStart + 1) * BLOCK_SIZE, count * BLOCK_SIZE);
  const images = Array.from({ length: count }, (_, i) =>
    body.subarray(i * BLOCK_SIZE, (i + 1) * BLOCK_SIZE),
  );
  const list = head.subarray(JOURNAL_HEADER, JOURNAL_HEADER + count * 8);
  if (!sha256(head.subarray(0, 40), list, ...images).equals(head.subarray(40, 72))) return 0;
  const blocks = images.map((_, i) => readU64(head, JOURNAL_HEADER + i * 8));
  await writeRuns(device, blocks, images);
  await device.flush();
  return readU64(head, 24);
}
