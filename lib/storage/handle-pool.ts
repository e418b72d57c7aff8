import { open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";

type Entry = { handle: Promise<FileHandle>; pins: number };

/**
 * Open chunk files of one medium, least recently used closed first beyond `max`. A handle in
 * use (pinned) is never closed under its user: concurrent readers share the pool. Closing a
 * handle loses nothing: the medium remembers which chunks are dirty and `sync` reopens them.
 */
export class HandlePool {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly pathOf: (index: number) => string,
    private readonly flags: "r" | "r+",
    private readonly max = 64,
  ) {}

  async use<T>(index: number, fn: (handle: FileHandle) => Promise<T>): Promise<T> {
    let entry = this.entries.get(index);
    if (entry) {
      this.entries.delete(index); // re-insert: most recently used last
    } else {
      entry = { handle: open(this.pathOf(index), this.flags), pins: 0 };
      entry.handle.catch(() => {
        if (this.entries.get(index) === entry) this.entries.delete(index);
      });
    }
    this.entries.set(index, entry);
    entry.pins++;
    try {
      return await fn(await entry.handle);
    } finally {
      entry.pins--;
      this.trim();
    }
  }

  /** Hands a freshly created chunk file to the pool. */
  adopt(index: number, handle: FileHandle): void {
    this.entries.set(index, { handle: Promise.resolve(handle), pins: 0 });
    this.trim();
  }

  /** Closes the chunk's handle (its file was replaced). Only with no user: under the write lock. */
  async drop(index: number): Promise<void> {
    const entry = this.entries.get(index);
    if (!entry) return;
    this.entries.delete(index);
    await closeQuietly(entry.handle);
  }

  /** fdatasync of one chunk file, through its pooled handle or a short-lived one. */
  async sync(index: number): Promise<void> {
    const entry = this.entries.get(index);
    if (entry) {
      await (await entry.handle).datasync();
      return;
    }
    const handle = await open(this.pathOf(index), "r");
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  async closeAll(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((entry) => closeQuietly(entry.handle)));
  }

  private trim(): void {
    if (this.entries.size <= this.max) return;
    for (const [index, entry] of this.entries) {
      if (this.entries.size <= this.max) break;
      if (entry.pins > 0) continue;
      this.entries.delete(index);
      void closeQuietly(entry.handle);
    }
  }
}

async function closeQuietly(handle: Promise<FileHandle>): Promise<void> {
  try {
    await (await handle).close();
  } catch {
    // An open that failed has nothing to close; close(2) of a regular file loses no data.
  }
}

/** Reads `length` bytes at `position` into `target[at…]`; past the end of the file: zeros. */
export async function readFully(
  handle: FileHandle,
  target: Buffer,
  at: number,
  length: number,
  position: number,
): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(target, at + done, length - done, position + done);
    if (bytesRead === 0) break; // past the end of a chunk file written only in part: zeros
    done += bytesRead;
  }
  target.fill(0, at + done, at + length);
}

export async function writeFully(
  handle: FileHandle,
  data: Uint8Array,
  at: number,
  length: number,
  position: number,
): Promise<void> {
  for (let done = 0; done < length;) {
    const { bytesWritten } = await handle.write(data, at + done, length - done, position + done);
    done += bytesWritten;
  }
}
