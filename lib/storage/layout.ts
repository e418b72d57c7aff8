import { mkdir, open, readFile, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { SECTOR_SIZE } from "./block-device";
import { StorageError } from "./errors";

/*
 * The on-disk layout of a medium directory (see README.md):
 *   medium.json       format, chunk size, size, encrypted, readOnly — replaced atomically
 *   allocation.map    append-only log of allocated chunk indexes (allocation-map.ts)
 *   chunks/XXX/XXXXXX one file per allocated chunk, named by its index in hex; sparse within
 */

/** Bytes per chunk file: small enough that copy-on-write after a snapshot copies little. */
export const CHUNK_SIZE = 4 * 1024 * 1024;
/** Where sector 0 of the XTS tweak starts on the medium: the media are the bare sectors. */
export const DATA_OFFSET = 0;
export const META_FILE = "medium.json";
export const MAP_FILE = "allocation.map";
export const CHUNKS_DIR = "chunks";
const FORMAT = "diskseal-medium";
const FORMAT_VERSION = 1;

export type MediumMeta = {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  chunkSize: number;
  sectorSize: number;
  dataOffset: number;
  sizeBytes: number;
  encrypted: boolean;
  /** Snapshots are read-only: their chunk files are shared (hard links) with disks. */
  readOnly: boolean;
};

export function newMeta(sizeBytes: number, encrypted: boolean, readOnly = false): MediumMeta {
  assertMediumSize(sizeBytes);
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    chunkSize: CHUNK_SIZE,
    sectorSize: SECTOR_SIZE,
    dataOffset: DATA_OFFSET,
    sizeBytes,
    encrypted,
    readOnly,
  };
}

export function assertMediumSize(sizeBytes: number): void {
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes <= 0 || sizeBytes % SECTOR_SIZE !== 0) {
    throw new RangeError(
      `Medium size must be a positive multiple of ${SECTOR_SIZE}, got ${sizeBytes}`,
    );
  }
}

/** `chunks/<index hex without its last 3 digits>/<index hex>`: at most 4096 files a directory. */
export function chunkPath(dir: string, index: number): string {
  const name = index.toString(16).padStart(6, "0");
  return path.join(dir, CHUNKS_DIR, name.slice(0, -3), name);
}

export async function readMeta(dir: string): Promise<MediumMeta> {
  let text: string;
  try {
    text = await readFile(path.join(dir, META_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new StorageError("NotFound", `No medium in ${dir}`);
    }
    throw error;
  }
  const meta = JSON.parse(text) as Partial<MediumMeta>;
  const valid =
    meta.format === FORMAT &&
    meta.version === FORMAT_VERSION &&
    meta.sectorSize === SECTOR_SIZE &&
    meta.dataOffset === DATA_OFFSET &&
    Number.isSafeInteger(meta.chunkSize) &&
    meta.chunkSize! > 0 &&
    meta.chunkSize! % SECTOR_SIZE === 0 &&
    Number.isSafeInteger(meta.sizeBytes) &&
    typeof meta.encrypted === "boolean" &&
    typeof meta.readOnly === "boolean";
  if (!valid) throw new StorageError("Corrupt", `Unrecognised ${META_FILE} in ${dir}`);
  return meta as MediumMeta;
}

/** Replaces medium.json atomically: a crash leaves the old or the new one, never a mix. */
export async function writeMeta(dir: string, meta: MediumMeta): Promise<void> {
  await writeFileDurably(
    path.join(dir, META_FILE),
    Buffer.from(JSON.stringify(meta, null, 2) + "\n"),
  );
}

/** write-temp + fsync + rename + fsync(dir). */
export async function writeFileDurably(file: string, data: Uint8Array): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await fsyncDir(path.dirname(file));
}

/** Makes a directory's entries (new, renamed files) durable. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Creates `dir` (and its parents); it must not exist or be empty. */
export async function makeEmptyDir(dir: string): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    if ((await readdir(dir)).length > 0) {
      throw new StorageError("Exists", `${dir} exists and is not empty`);
    }
  }
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export function isErrno(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException | undefined)?.code ?? "");
}
