import { open, readFile } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { crc32 } from "node:zlib";
import { StorageError } from "./errors";
import { MAP_FILE, writeFileDurably } from "./layout";

/*
 * allocation.map — which chunks exist. An append-only log of fixed 16-byte slots:
 *   header  "DSALLOC1" | u32le version = 1 | u32le crc32(bytes 0..11)
 *   record  u64le chunk index | u32le kind = 1 (allocated) | u32le crc32(bytes 0..11)
 * Records are appended only at flush, after the chunk files they name (and their directory
 * entries) have been fsynced; so every record that checks out names a durable chunk file. A
 * crash during an append can leave a torn tail (a short slot, zeros, half-written bytes):
 * such slots fail their CRC and are ignored, and a writable open rewrites the map without
 * them (write-temp + fsync + rename), so a torn map is never read twice nor appended after.
 * Chunks are never freed, so the log never needs compaction beyond that.
 */

const MAGIC = Buffer.from("DSALLOC1", "latin1");
const VERSION = 1;
const KIND_ALLOCATED = 1;
export const MAP_SLOT_BYTES = 16;

export type ParsedMap = {
  chunks: Set<number>;
  /** Slots that failed their check (a torn tail), plus a trailing partial slot if any. */
  invalidSlots: number;
  byteLength: number;
};

export function encodeMapHeader(): Buffer {
  const header = Buffer.alloc(MAP_SLOT_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(VERSION, 8);
  header.writeUInt32LE(crc32(header.subarray(0, 12)), 12);
  return header;
}

export function encodeMapRecords(indexes: Iterable<number>): Buffer {
  const list = [...indexes];
  const out = Buffer.alloc(list.length * MAP_SLOT_BYTES);
  list.forEach((index, slot) => {
    const at = slot * MAP_SLOT_BYTES;
    out.writeBigUInt64LE(BigInt(index), at);
    out.writeUInt32LE(KIND_ALLOCATED, at + 8);
    out.writeUInt32LE(crc32(out.subarray(at, at + 12)), at + 12);
  });
  return out;
}

export function parseAllocationMap(bytes: Buffer, where: string): ParsedMap {
  const header = encodeMapHeader();
  if (bytes.length < MAP_SLOT_BYTES || !bytes.subarray(0, MAP_SLOT_BYTES).equals(header)) {
    throw new StorageError("Corrupt", `Unrecognised allocation map header in ${where}`);
  }
  const chunks = new Set<number>();
  let invalidSlots = 0;
  for (let at = MAP_SLOT_BYTES; at < bytes.length; at += MAP_SLOT_BYTES) {
    if (at + MAP_SLOT_BYTES > bytes.length) {
      invalidSlots++;
      break;
    }
    const valid =
      bytes.readUInt32LE(at + 8) === KIND_ALLOCATED &&
      bytes.readUInt32LE(at + 12) === crc32(bytes.subarray(at, at + 12));
    const index = bytes.readBigUInt64LE(at);
    if (valid && index <= BigInt(Number.MAX_SAFE_INTEGER)) chunks.add(Number(index));
    else invalidSlots++;
  }
  return { chunks, invalidSlots, byteLength: bytes.length };
}

export async function readAllocationMap(dir: string): Promise<ParsedMap> {
  return parseAllocationMap(await readFile(path.join(dir, MAP_FILE)), dir);
}

/**
 * A compact map holding `chunks`, replacing any previous one atomically. In a directory being
 * made (`fresh`: no medium.json yet) it is written in place — one fsync fewer; the directory
 * entry becomes durable with medium.json's, which is what makes the directory a medium.
 */
export async function writeAllocationMap(
  dir: string,
  chunks: Iterable<number>,
  options: { fresh?: boolean } = {},
): Promise<number> {
  const sorted = [...chunks].sort((a, b) => a - b);
  const bytes = Buffer.concat([encodeMapHeader(), encodeMapRecords(sorted)]);
  if (!options.fresh) {
    await writeFileDurably(path.join(dir, MAP_FILE), bytes);
    return bytes.length;
  }
  const handle = await open(path.join(dir, MAP_FILE), "wx");
  try {
    await handle.writeFile(bytes);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  return bytes.length;
}

/** The writable end of a medium's map, held open while the medium is. */
export class AllocationLog {
  private constructor(
    private readonly handle: FileHandle,
    private length: number,
  ) {}

  static async open(dir: string, length: number): Promise<AllocationLog> {
    return new AllocationLog(await open(path.join(dir, MAP_FILE), "r+"), length);
  }

  /** Appends and fsyncs. Call only once the named chunk files are durable. */
  async append(indexes: readonly number[]): Promise<void> {
    if (indexes.length === 0) return;
    const bytes = encodeMapRecords(indexes);
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await this.handle.write(
        bytes,
        written,
        bytes.length - written,
        this.length + written,
      );
      written += bytesWritten;
    }
    await this.handle.datasync();
    this.length += bytes.length;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
