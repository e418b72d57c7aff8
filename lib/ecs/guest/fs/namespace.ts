import type { Allocator } from "@/lib/ecs/guest/fs/allocator";
import {
  DirectoryIndex,
  MAX_NAME_BYTES,
  decodeDirectory,
  encodeDirectory,
  type EntryType,
} from "@/lib/ecs/guest/fs/directory";
import { FsError } from "@/lib/ecs/guest/fs/errors";
import type { FileData } from "@/lib/ecs/guest/fs/file-data";
import type { InodeStore } from "@/lib/ecs/guest/fs/inodes";
import {
  BLOCK_SIZE,
  ROOT_INODE,
  S_IFDIR,
  S_IFREG,
  isDirMode,
  type Extent,
  type Inode,
} from "@/lib/ecs/guest/fs/layout";

export type FsStat = {
  ino: number;
  type: EntryType;
  /** Bytes; a directory shows its blocks' size, at least one block, as ext4 does. */
  size: number;
  mode: number;
  links: number;
  uid: number;
  gid: number;
  blocks: number;
  atime: Date;
  mtime: Date;
  ctime: Date;
};

/** A path inside one filesystem, as its components ([] is the root). */
export type FsPath = readonly string[];

export function newInode(mode: number, now: number): Inode {
  const links = isDirMode(mode) ? 2 : 1;
  return {
    mode,
    links,
    uid: 0,
    gid: 0,
    size: 0,
    atime: now,
    mtime: now,
    ctime: now,
    crtime: now,
    extentCount: 0,
    overflow: 0,
    inline: [],
  };
}

/**
 * The tree: directories (cached in memory, written copy-on-write), path lookup, and the
 * operations on names. Each method leaves the metadata consistent; DiskFs runs them one at a
 * time and commits them.
 */
export class Namespace {
  private readonly dirs = new Map<number, DirectoryIndex>();

  constructor(
    private readonly inodes: InodeStore,
    private readonly data: FileData,
    private readonly allocator: Allocator,
    readonly isCaseInsensitive: boolean,
    private readonly now: () => number,
  ) {}

  private async dir(ino: number): Promise<DirectoryIndex> {
    const cached = this.dirs.get(ino);
    if (cached) return cached;
    const inode = await this.inodes.read(ino);
    if (!isDirMode(inode.mode)) throw new FsError("ENOTDIR");
    const entries = decodeDirectory(await this.data.read(inode));
    const index = new DirectoryIndex(entries, this.isCaseInsensitive);
    this.dirs.set(ino, index);
    return index;
  }

  private async saveDir(ino: number, index: DirectoryIndex, linkDelta = 0): Promise<void> {
    const inode = await this.inodes.read(ino);
    await this.data.replace(inode, encodeDirectory(index.entries()), false);
    inode.links += linkDelta;
    inode.mtime = inode.ctime = this.now();
    await this.inodes.write(ino, inode);
  }

  private async walk(path: FsPath): Promise<number> {
    let ino = ROOT_INODE;
    for (const name of path) {
      const entry = (await this.dir(ino)).get(name);
      if (!entry) throw new FsError("ENOENT");
      ino = entry.ino;
    }
    return ino;
  }

  private async parentOf(path: FsPath) {
    if (path.length === 0) throw new FsError("EBUSY");
    const name = path[path.length - 1];
    if (Buffer.byteLength(name) > MAX_NAME_BYTES || name === "." || name === "..") {
      throw new FsError("EINVAL");
    }
    const parent = await this.walk(path.slice(0, -1));
    return { parent, index: await this.dir(parent), name };
  }

  async stat(path: FsPath): Promise<FsStat> {
    const ino = await this.walk(path);
    const inode = await this.inodes.read(ino);
    const isDir = isDirMode(inode.mode);
    const blocks = Math.ceil(inode.size / BLOCK_SIZE);
    return {
      ino,
      type: isDir ? "dir" : "file",
      size: isDir ? Math.max(1, blocks) * BLOCK_SIZE : inode.size,
      mode: inode.mode,
      links: inode.links,
      uid: inode.uid,
      gid: inode.gid,
      blocks: isDir ? Math.max(1, blocks) : blocks,
      atime: new Date(inode.atime),
      mtime: new Date(inode.mtime),
      ctime: new Date(inode.ctime),
    };
  }

  async readdir(path: FsPath): Promise<{ name: string; type: EntryType }[]> {
    const index = await this.dir(await this.walk(path));
    return index.entries().map(({ name, type }) => ({ name, type }));
  }

  /** Where a file's content lives: its blocks, in order, and its size. */
  async extentsOf(path: FsPath): Promise<{ size: number; extents: Extent[] }> {
    const inode = await this.inodes.read(await this.walk(path));
    if (isDirMode(inode.mode)) throw new FsError("EISDIR");
    return { size: inode.size, extents: await this.inodes.extents(inode) };
  }

  async readFile(path: FsPath): Promise<Buffer> {
    const inode = await this.inodes.read(await this.walk(path));
    if (isDirMode(inode.mode)) throw new FsError("EISDIR");
    return this.data.read(inode);
  }

  async writeFile(path: FsPath, content: Uint8Array, options: { append?: boolean; mode?: number }) {
    const { parent, index, name } = await this.parentOf(path);
    const entry = index.get(name);
    if (entry?.type === "dir") throw new FsError("EISDIR");
    const now = this.now();
    if (entry) {
      const inode = await this.inodes.read(entry.ino);
      if (options.append) await this.data.append(inode, content);
      else await this.data.replace(inode, content);
      inode.mtime = inode.ctime = now;
      await this.inodes.write(entry.ino, inode);
      return;
    }
    const inode = newInode(S_IFREG | (options.mode ?? 0o644), now);
    await this.data.replace(inode, content);
    const ino = await this.allocator.allocateInode().catch(async (error: unknown) => {
      await this.data.release(inode);
      throw error;
    });
    await this.inodes.write(ino, inode);
    index.set({ name, ino, type: "file" });
    await this.saveDir(parent, index);
  }

  async touch(path: FsPath): Promise<void> {
    const now = this.now();
    const target = path.length === 0 ? null : await this.parentOf(path);
    const existing = target ? target.index.get(target.name)?.ino : ROOT_INODE;
    if (existing !== undefined) {
      const inode = await this.inodes.read(existing);
      inode.atime = inode.mtime = inode.ctime = now;
      await this.inodes.write(existing, inode);
      return;
    }
    const { parent, index, name } = target!;
    const ino = await this.allocator.allocateInode();
    await this.inodes.write(ino, newInode(S_IFREG | 0o644, now));
    index.set({ name, ino, type: "file" });
    await this.saveDir(parent, index);
  }

  async mkdir(path: FsPath, mode: number): Promise<void> {
    if (path.length === 0) throw new FsError("EEXIST");
    const { parent, index, name } = await this.parentOf(path);
    if (index.get(name)) throw new FsError("EEXIST");
    const ino = await this.allocator.allocateInode();
    await this.inodes.write(ino, newInode(S_IFDIR | mode, this.now()));
    this.dirs.set(ino, new DirectoryIndex([], this.isCaseInsensitive));
    index.set({ name, ino, type: "dir" });
    await this.saveDir(parent, index, 1);
  }

  async chmod(path: FsPath, mode: number): Promise<void> {
    const ino = await this.walk(path);
    const inode = await this.inodes.read(ino);
    inode.mode = (inode.mode & ~0o7777) | (mode & 0o7777);
    inode.ctime = this.now();
    await this.inodes.write(ino, inode);
  }

  async remove(path: FsPath, expected: EntryType): Promise<void> {
    const { parent, index, name } = await this.parentOf(path);
    const entry = index.get(name);
    if (!entry) throw new FsError("ENOENT");
    if (entry.type !== expected) throw new FsError(expected === "file" ? "EISDIR" : "ENOTDIR");
    if (entry.type === "dir" && (await this.dir(entry.ino)).size > 0) {
      throw new FsError("ENOTEMPTY");
    }
    await this.release(entry.ino);
    index.delete(name);
    await this.saveDir(parent, index, entry.type === "dir" ? -1 : 0);
  }

  private async release(ino: number): Promise<void> {
    const inode = await this.inodes.read(ino);
    await this.data.release(inode);
    inode.links = 0;
    await this.inodes.write(ino, inode);
    await this.allocator.freeInode(ino);
    this.dirs.delete(ino);
  }

  /** Within this filesystem; replaces a file, or an empty directory, at the target. */
  async rename(from: FsPath, to: FsPath): Promise<void> {
    const source = await this.parentOf(from);
    const entry = source.index.get(source.name);
    if (!entry) throw new FsError("ENOENT");
    const target = await this.parentOf(to);
    const existing = target.index.get(target.name);
    if (entry.type === "dir" && to.length > from.length && this.isPrefix(from, to)) {
      throw new FsError("EINVAL");
    }
    if (existing && existing.ino !== entry.ino) {
      if (entry.type === "file" && existing.type === "dir") throw new FsError("EISDIR");
      if (entry.type === "dir" && existing.type === "file") throw new FsError("ENOTDIR");
      if (existing.type === "dir" && (await this.dir(existing.ino)).size > 0) {
        throw new FsError("ENOTEMPTY");
      }
      await this.release(existing.ino);
      target.index.delete(target.name);
      await this.saveDir(target.parent, target.index, existing.type === "dir" ? -1 : 0);
    }
    const delta = entry.type === "dir" && source.parent !== target.parent ? 1 : 0;
    source.index.delete(source.name);
    target.index.set({ ...entry, name: target.name });
    await this.saveDir(source.parent, source.index, -delta);
    if (target.parent !== source.parent) await this.saveDir(target.parent, target.index, delta);
  }

  private isPrefix(prefix: FsPath, path: FsPath): boolean {
    const fold = (name: string) => (this.isCaseInsensitive ? name.toLowerCase() : name);
    return prefix.every((part, i) => fold(part) === fold(path[i]));
  }
}
