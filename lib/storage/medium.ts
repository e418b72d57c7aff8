import { mkdir } from "node:fs/promises";
import path from "node:path";
import { assertSectorRange } from "./block-device";
import type { BlockDevice } from "./block-device";
import type { ChunkStore } from "./chunk-store";
import { writeAllocationMap } from "./allocation-map";
import { StorageError } from "./errors";
import {
  CHUNKS_DIR,
  assertMediumSize,
  fsyncDir,
  makeEmptyDir,
  newMeta,
  removeDir,
  writeMeta,
} from "./layout";
import { acquireStore, isMediumOpen, releaseStore, withStore } from "./registry";
import { readDecrypted, writeEncrypted } from "./encrypted-io";
import { sharedKeyCopy, zeroKey } from "./sector-cipher";

/** A disk's backing medium: what the hypervisor hands the guest, plus the raw view and upkeep. */
export interface Medium extends BlockDevice {
  readonly dir: string;
  readonly encrypted: boolean;
  readonly readOnly: boolean;
  /** The bytes exactly as stored (ciphertext when encrypted), any offset; unwritten = zeros. */
  readRaw(offset: number, length: number): Promise<Buffer>;
  /** Grows the medium (durably, at once). */
  resize(newSizeBytes: number): Promise<void>;
  /** Bytes of allocated chunks: what the medium costs, whatever its size. */
  allocatedBytes(): number;
  /** Flushes, zeroes this view's copy of the data key, and lets the files go. */
  close(): Promise<void>;
}

export type OpenMediumOptions = {
  dir: string;
  /** When given, must be the medium's size (grow it with `resize`). */
  sizeBytes?: number;
  /**
   * The 512-bit XTS data key; needed for guest I/O on an encrypted medium, refused on an
   * unencrypted one. The medium keeps its own copy: the caller may zero its buffer at once.
   * Without it an encrypted medium still serves readRaw, snapshots and flushes.
   */
  encryption?: { dataKey: Uint8Array };
  readOnly?: boolean;
};

export type MediumInfo = {
  sizeBytes: number;
  encrypted: boolean;
  readOnly: boolean;
  chunkSize: number;
  allocatedBytes: number;
};

/** Creates an empty medium in `dir` (created; must not exist or be empty). Costs ~nothing. */
export async function createMedium(
  dir: string,
  sizeBytes: number,
  options: { encrypted?: boolean } = {},
): Promise<void> {
  assertMediumSize(sizeBytes);
  await makeEmptyDir(dir);
  await mkdir(path.join(dir, CHUNKS_DIR));
  await writeAllocationMap(dir, [], { fresh: true });
  // medium.json last: its presence is what makes the directory a medium.
  await writeMeta(dir, newMeta(sizeBytes, options.encrypted ?? false));
  await fsyncDir(path.dirname(path.resolve(dir)));
}

/** Opens a medium made by createMedium, restoreMedium or reencryptMedium (or a snapshot). */
export async function openMedium(options: OpenMediumOptions): Promise<Medium> {
  const store = await acquireStore(options.dir);
  try {
    if (options.sizeBytes !== undefined && options.sizeBytes !== store.sizeBytes) {
      throw new RangeError(
        `Medium ${options.dir} holds ${store.sizeBytes} bytes, not ${options.sizeBytes}`,
      );
    }
    if (options.encryption && !store.encrypted) {
      throw new StorageError("KeyMismatch", `Medium ${options.dir} is not encrypted`);
    }
    const key = options.encryption ? sharedKeyCopy(options.encryption.dataKey) : null;
    return new MediumView(store, key, options.readOnly ?? false);
  } catch (error) {
    await releaseStore(store);
    throw error;
  }
}

/** Removes a medium and its files. Refused while it is open in this process. */
export async function deleteMedium(dir: string): Promise<void> {
  if (isMediumOpen(dir)) throw new StorageError("Busy", `Medium ${dir} is open`);
  await removeDir(dir);
}

export async function describeMedium(dir: string): Promise<MediumInfo> {
  return withStore(dir, async (store) => ({
    sizeBytes: store.sizeBytes,
    encrypted: store.encrypted,
    readOnly: store.readOnly,
    chunkSize: store.chunkSize,
    allocatedBytes: store.allocatedChunkCount * store.chunkSize,
  }));
}

/** Indexes of the allocated chunks (chunk N = bytes [N·chunkSize, (N+1)·chunkSize)), ascending. */
export async function allocatedChunks(dir: string): Promise<number[]> {
  return withStore(dir, async (store) => store.allocatedChunks());
}

class MediumView implements Medium {
  private closing?: Promise<void>;

  constructor(
    private readonly store: ChunkStore,
    private key: Buffer | null,
    private readonly viewReadOnly: boolean,
  ) {}

  get dir(): string {
    return this.store.dir;
  }
  get sizeBytes(): number {
    return this.store.sizeBytes;
  }
  get encrypted(): boolean {
    return this.store.encrypted;
  }
  get readOnly(): boolean {
    return this.viewReadOnly || this.store.readOnly;
  }

  async read(offset: number, length: number): Promise<Buffer> {
    this.assertOpen();
    assertSectorRange(this, offset, length);
    const key = this.guestKey();
    const release = await this.store.lock.shared();
    try {
      if (!key) {
        const plain = Buffer.allocUnsafe(length);
        await this.store.readInto(offset, plain);
        return plain;
      }
      // Decrypt under the lock too: close() (exclusive) zeroes the key only after it.
      return await readDecrypted(this.store, key, offset, length);
    } finally {
      release();
    }
  }

  async write(offset: number, data: Uint8Array): Promise<void> {
    this.assertWritable();
    assertSectorRange(this, offset, data.length);
    const key = this.guestKey();
    // The place in line is taken now: operations take effect in the order they were issued.
    const turn = this.store.lock.exclusive();
    if (key) return writeEncrypted(this.store, key, offset, data, turn);
    const release = await turn;
    try {
      await this.store.writeFrom(offset, data);
    } finally {
      release();
    }
  }

  async flush(): Promise<void> {
    this.assertOpen();
    await this.exclusively(() => this.store.flushLocked());
  }

  async readRaw(offset: number, length: number): Promise<Buffer> {
    this.assertOpen();
    const valid =
      Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length >= 0;
    if (!valid || offset + length > this.sizeBytes) {
      throw new RangeError(
        `Range ${offset}+${length} is outside the medium's ${this.sizeBytes} bytes`,
      );
    }
    const raw = Buffer.allocUnsafe(length);
    const release = await this.store.lock.shared();
    try {
      await this.store.readInto(offset, raw);
    } finally {
      release();
    }
    return raw;
  }

  async resize(newSizeBytes: number): Promise<void> {
    this.assertWritable();
    await this.exclusively(() => this.store.resizeLocked(newSizeBytes));
  }

  allocatedBytes(): number {
    return this.store.allocatedChunkCount * this.store.chunkSize;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        // Queued after every operation issued before close(): they finish with the key.
        await this.exclusively(() => this.store.flushLocked());
      } finally {
        zeroKey(this.key);
        this.key = null;
        await releaseStore(this.store);
      }
    })();
    return this.closing;
  }

  private async exclusively(fn: () => Promise<void>): Promise<void> {
    const release = await this.store.lock.exclusive();
    try {
      await fn();
    } finally {
      release();
    }
  }

  private guestKey(): Buffer | null {
    if (this.store.encrypted && !this.key) {
      throw new StorageError(
        "KeyRequired",
        `Medium ${this.dir} is encrypted: guest I/O needs its data key`,
      );
    }
    return this.key;
  }

  private assertOpen(): void {
    if (this.closing) throw new StorageError("Closed", `Medium ${this.dir} is closed`);
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnly) throw new StorageError("ReadOnly", `Medium ${this.dir} is read-only`);
  }
}
