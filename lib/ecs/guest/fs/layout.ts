import { createHash } from "node:crypto";

/*
 * DiskSeal's own simple filesystem (the guest calls it "ext4", or "NTFS" on Windows). Every
 * byte of it lives on the device's 4096-byte sectors; README.md in lib/ecs/guest describes the
 * layout. What is written here is read back by later mounts, snapshots and restores: change
 * nothing without a new VERSION.
 */

export const BLOCK_SIZE = 4096;
export const FS_MAGIC = 0x53465344; // "DSFS" little-endian
export const FS_VERSION = 1;
export const ROOT_INODE = 1;
export const INODE_SIZE = 256;
export const INODES_PER_BLOCK = BLOCK_SIZE / INODE_SIZE;
export const BITMAP_HEADER = 16;
export const BITS_PER_BITMAP_BLOCK = (BLOCK_SIZE - BITMAP_HEADER) * 8;
export const BLOCK_BITMAP_MAGIC = 0x4d425344; // "DSBM"
export const INODE_BITMAP_MAGIC = 0x4d495344; // "DSIM"
export const JOURNAL_MAGIC = 0x444a5344; // "DSJD"
export const JOURNAL_HEADER = 72;
export const JOURNAL_MAX_BLOCKS = Math.floor((BLOCK_SIZE - JOURNAL_HEADER) / 8);
export const EXTENT_BLOCK_MAGIC = 0x58455344; // "DSEX"
export const INLINE_EXTENTS = 11;
export const EXTENTS_PER_BLOCK = (BLOCK_SIZE - 16) / 16;
export const SB_CHECKSUM_AT = BLOCK_SIZE - 32;

export const S_IFDIR = 0o040000;
export const S_IFREG = 0o100000;
export const S_IFMT = 0o170000;

export type Flavour = "ext4" | "ntfs";
export const FLAG_CASE_INSENSITIVE = 1;

export function readU64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 2 ** 32;
}

export function writeU64(buf: Buffer, at: number, value: number): void {
  buf.writeUInt32LE(value % 2 ** 32, at);
  buf.writeUInt32LE(Math.floor(value / 2 ** 32), at + 4);
}

export type Geometry = {
  totalBlocks: number;
  journalStart: number;
  journalBlocks: number;
  blockBitmapStart: number;
  blockBitmapBlocks: number;
  inodeBitmapStart: number;
  inodeBitmapBlocks: number;
  /** The inode table sits at the end of the device: file data starts a few MiB in. */
  inodeTableStart: number;
  inodeCount: number;
  /** First block the allocator may hand out; data blocks are [dataStart, inodeTableStart). */
  dataStart: number;
};

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Where each region goes for a device of `totalBlocks`; null when it is too small to hold one. */
export function computeGeometry(totalBlocks: number): Geometry | null {
  const journalBlocks = clamp(Math.floor(totalBlocks / 64), 32, 1024);
  const inodeCount = Math.ceil(clamp(Math.floor(totalBlocks / 4), 64, 1 << 20) / 16) * 16;
  const blockBitmapBlocks = Math.ceil(totalBlocks / BITS_PER_BITMAP_BLOCK);
  const inodeBitmapBlocks = Math.ceil(inodeCount / BITS_PER_BITMAP_BLOCK);
  const journalStart = 1;
  const blockBitmapStart = journalStart + journalBlocks;
  const inodeBitmapStart = blockBitmapStart + blockBitmapBlocks;
  const dataStart = inodeBitmapStart + inodeBitmapBlocks;
  const inodeTableStart = totalBlocks - inodeCount / INODES_PER_BLOCK;
  if (dataStart + 16 > inodeTableStart) return null;
  return {
    totalBlocks,
    journalStart,
    journalBlocks,
    blockBitmapStart,
    blockBitmapBlocks,
    inodeBitmapStart,
    inodeBitmapBlocks,
    inodeTableStart,
    inodeCount,
    dataStart,
  };
}

/** Blocks that are not data: superblock, journal, bitmaps and the inode table. */
export function overheadBlocks(geometry: Geometry): number {
  return geometry.dataStart + (geometry.totalBlocks - geometry.inodeTableStart);
}

export type Superblock = Geometry & {
  version: number;
  flags: number;
  freeBlocks: number;
  freeInodes: number;
  uuid: string;
  flavour: Flavour;
  label: string;
  createdAt: number;
};

function writeString(buf: Buffer, at: number, length: number, value: string): void {
  buf.fill(0, at, at + length);
  buf.write(value, at, length, "utf8");
}

function readString(buf: Buffer, at: number, length: number): string {
  const raw = buf.subarray(at, at + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString("utf8");
}

export function uuidToBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ""), "hex");
}

function bytesToUuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function encodeSuperblock(sb: Superblock): Buffer {
  const buf = Buffer.alloc(BLOCK_SIZE);
  buf.writeUInt32LE(FS_MAGIC, 0);
  buf.writeUInt32LE(sb.version, 4);
  buf.writeUInt32LE(BLOCK_SIZE, 8);
  buf.writeUInt32LE(sb.flags, 12);
  writeU64(buf, 16, sb.totalBlocks);
  writeU64(buf, 24, sb.journalStart);
  buf.writeUInt32LE(sb.journalBlocks, 32);
  writeU64(buf, 36, sb.blockBitmapStart);
  buf.writeUInt32LE(sb.blockBitmapBlocks, 44);
  writeU64(buf, 48, sb.inodeBitmapStart);
  buf.writeUInt32LE(sb.inodeBitmapBlocks, 56);
  writeU64(buf, 60, sb.inodeTableStart);
  buf.writeUInt32LE(sb.inodeCount, 68);
  writeU64(buf, 72, sb.freeBlocks);
  buf.writeUInt32LE(sb.freeInodes, 80);
  buf.writeUInt32LE(ROOT_INODE, 84);
  uuidToBytes(sb.uuid).copy(buf, 88);
  writeString(buf, 104, 16, sb.flavour);
  writeString(buf, 120, 32, sb.label);
  buf.writeDoubleLE(sb.createdAt, 152);
  writeU64(buf, 160, sb.dataStart);
  sha256(buf.subarray(0, SB_CHECKSUM_AT)).copy(buf, SB_CHECKSUM_AT);
  return buf;
}

/** Null when the block is not a superblock of ours (wrong magic, version or checksum). */
export function decodeSuperblock(buf: Buffer): Superblock | null {
  if (buf.length < BLOCK_SIZE || buf.readUInt32LE(0) !== FS_MAGIC) return null;
  if (!sha256(buf.subarray(0, SB_CHECKSUM_AT)).equals(buf.subarray(SB_CHECKSUM_AT, BLOCK_SIZE))) {
    return null;
  }
  const version = buf.readUInt32LE(4);
  if (version !== FS_VERSION || buf.readUInt32LE(8) !== BLOCK_SIZE) return null;
  const flavour = readString(buf, 104, 16);
  return {
    version,
    flags: buf.readUInt32LE(12),
    totalBlocks: readU64(buf, 16),
    journalStart: readU64(buf, 24),
    journalBlocks: buf.readUInt32LE(32),
    blockBitmapStart: readU64(buf, 36),
    blockBitmapBlocks: buf.readUInt32LE(44),
    inodeBitmapStart: readU64(buf, 48),
    inodeBitmapBlocks: buf.readUInt32LE(56),
    inodeTableStart: readU64(buf, 60),
    inodeCount: buf.readUInt32LE(68),
    freeBlocks: readU64(buf, 72),
    freeInodes: buf.readUInt32LE(80),
    uuid: bytesToUuid(buf.subarray(88, 104)),
    flavour: flavour === "ntfs" ? "ntfs" : "ext4",
    label: readString(buf, 120, 32),
    createdAt: buf.readDoubleLE(152),
    dataStart: readU64(buf, 160),
  };
}

export function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

export type Extent = { start: number; length: number };

export type Inode = {
  mode: number;
  links: number;
  uid: number;
  gid: number;
  size: number;
  atime: number;
  mtime: number;
  ctime: number;
  crtime: number;
  /** Number of extents in total (inline plus the overflow chain). */
  extentCount: number;
  /** First extent block of the overflow chain, 0 when every extent is inline. */
  overflow: number;
  inline: Extent[];
};

export function isDirMode(mode: number): boolean {
  return (mode & S_IFMT) === S_IFDIR;
}

export function encodeInode(inode: Inode, out: Buffer, at: number): void {
  out.fill(0, at, at + INODE_SIZE);
  out.writeUInt16LE(inode.mode, at);
  out.writeUInt16LE(inode.links, at + 2);
  out.writeUInt32LE(inode.uid, at + 4);
  out.writeUInt32LE(inode.gid, at + 8);
  writeU64(out, at + 16, inode.size);
  out.writeDoubleLE(inode.atime, at + 24);
  out.writeDoubleLE(inode.mtime, at + 32);
  out.writeDoubleLE(inode.ctime, at + 40);
  out.writeDoubleLE(inode.crtime, at + 48);
  out.writeUInt32LE(inode.extentCount, at + 56);
  writeU64(out, at + 60, inode.overflow);
  inode.inline.slice(0, INLINE_EXTENTS).forEach((extent, i) => {
    writeU64(out, at + 80 + i * 16, extent.start);
    out.writeUInt32LE(extent.length, at + 88 + i * 16);
  });
}

export function decodeInode(buf: Buffer, at: number): Inode {
  const extentCount = buf.readUInt32LE(at + 56);
  const inline: Extent[] = [];
  for (let i = 0; i < Math.min(extentCount, INLINE_EXTENTS); i++) {
    inline.push({
      start: readU64(buf, at + 80 + i * 16),
      length: buf.readUInt32LE(at + 88 + i * 16),
    });
  }
  return {
    mode: buf.readUInt16LE(at),
    links: buf.readUInt16LE(at + 2),
    uid: buf.readUInt32LE(at + 4),
    gid: buf.readUInt32LE(at + 8),
    size: readU64(buf, at + 16),
    atime: buf.readDoubleLE(at + 24),
    mtime: buf.readDoubleLE(at + 32),
    ctime: buf.readDoubleLE(at + 40),
    crtime: buf.readDoubleLE(at + 48),
    extentCount,
    overflow: readU64(buf, at + 60),
    inline,
  };
}
