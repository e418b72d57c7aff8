import type { AttachedDevice } from "@/lib/ecs/guest/devices";
import type { EntryType } from "@/lib/ecs/guest/fs/directory";
import type { DiskFs } from "@/lib/ecs/guest/fs/disk-fs";
import { FsError } from "@/lib/ecs/guest/fs/errors";
import { S_IFDIR } from "@/lib/ecs/guest/fs/layout";

export type Mount = { point: string; deviceName: string; fs: DiskFs };

export type NodeType = EntryType | "block" | "char";

export type VfsStat = {
  type: NodeType;
  size: number;
  mode: number;
  links: number;
  uid: number;
  gid: number;
  blocks: number;
  mtime: Date;
  /** major, minor of a device node. */
  rdev?: [number, number];
};

export const VIRTIO_MAJOR = 253;
const DISK_GID = 6;
const CHAR_DEVICES: Record<string, [number, number]> = { null: [1, 3], zero: [1, 5] };

/** "/a/./b/../c" relative to `cwd` → "/a/c" (lexically: there are no symlinks). */
export function normalizePath(cwd: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${path.startsWith("/") ? "" : cwd}/${path}`.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

const split = (path: string) => path.split("/").filter(Boolean);

/**
 * The Linux guest's file tree: the mounted filesystems by mount point, plus a small devtmpfs
 * at /dev with the disks and /dev/null. Paths are absolute and normalized.
 */
export class Vfs {
  readonly mounts = new Map<string, Mount>();

  constructor(
    private readonly devices: () => AttachedDevice[],
    private readonly bootTime: () => Date,
  ) {}

  isMountPoint(path: string): boolean {
    return this.mounts.has(path);
  }

  /** The filesystem holding `path` and the path inside it. */
  locate(path: string): { mount: Mount; rel: string[] } {
    const parts = split(path);
    for (let i = parts.length; i >= 0; i--) {
      const mount = this.mounts.get(`/${parts.slice(0, i).join("/")}`);
      if (mount) return { mount, rel: parts.slice(i) };
    }
    throw new FsError("ENOENT", path);
  }

  private devNode(path: string): string | null | undefined {
    if (path === "/dev") return null;
    if (!path.startsWith("/dev/")) return undefined;
    return path.slice(5);
  }

  private devEntries(): { name: string; type: NodeType; rdev: [number, number] }[] {
    return [
      ...Object.entries(CHAR_DEVICES).map(([name, rdev]) => ({
        name,
        type: "char" as const,
        rdev,
      })),
      ...this.devices().map((d) => ({
        name: d.name,
        type: "block" as const,
        rdev: [VIRTIO_MAJOR, d.index * 16] as [number, number],
      })),
    ];
  }

  async stat(path: string): Promise<VfsStat> {
    const node = this.devNode(path);
    if (node === null)
      return {
        type: "dir",
        size: 0,
        mode: S_IFDIR | 0o755,
        links: 2,
        uid: 0,
        gid: 0,
        blocks: 0,
        mtime: this.bootTime(),
      };
    if (node !== undefined) {
      const entry = this.devEntries().find((e) => e.name === node);
      if (!entry) throw new FsError(node.includes("/") ? "ENOTDIR" : "ENOENT", path);
      const mode = entry.type === "char" ? 0o666 : 0o660;
      return {
        type: entry.type,
        size: 0,
        mode,
        links: 1,
        uid: 0,
        gid: entry.type === "block" ? DISK_GID : 0,
        blocks: 0,
        mtime: this.bootTime(),
        rdev: entry.rdev,
      };
    }
    const { mount, rel } = this.locate(path);
    return mount.fs.stat(rel);
  }

  async readdir(path: string): Promise<{ name: string; type: NodeType }[]> {
    const node = this.devNode(path);
    if (node === null) return this.devEntries().map(({ name, type }) => ({ name, type }));
    if (node !== undefined) {
      await this.stat(path);
      throw new FsError("ENOTDIR", path);
    }
    const { mount, rel } = this.locate(path);
    return mount.fs.readdir(rel);
  }

  async readFile(path: string): Promise<Buffer> {
    const node = this.devNode(path);
    if (node === null) throw new FsError("EISDIR", path);
    if (node !== undefined) {
      const stat = await this.stat(path);
      if (node === "null") return Buffer.alloc(0);
      throw new FsError(stat.type === "block" ? "EPERM" : "EINVAL", path);
    }
    const { mount, rel } = this.locate(path);
    return mount.fs.readFile(rel);
  }

  async writeFile(
    path: string,
    data: Uint8Array,
    options: { append?: boolean } = {},
  ): Promise<void> {
    const node = this.devNode(path);
    if (node === null) throw new FsError("EISDIR", path);
    if (node !== undefined) {
      await this.stat(path);
      if (node === "null" || node === "zero") return;
      throw new FsError("EPERM", path);
    }
    const { mount, rel } = this.locate(path);
    return mount.fs.writeFile(rel, data, options);
  }

  async touch(path: string): Promise<void> {
    if (this.devNode(path) !== undefined) return void (await this.stat(path));
    const { mount, rel } = this.locate(path);
    return mount.fs.touch(rel);
  }

  async mkdir(path: string, mode?: number): Promise<void> {
    const node = this.devNode(path);
    if (node === null) throw new FsError("EEXIST", path);
    if (node !== undefined) throw new FsError("EPERM", path);
    const { mount, rel } = this.locate(path);
    return mount.fs.mkdir(rel, mode);
  }

  async chmod(path: string, mode: number): Promise<void> {
    if (this.devNode(path) !== undefined) return void (await this.stat(path));
    const { mount, rel } = this.locate(path);
    return mount.fs.chmod(rel, mode);
  }

  async unlink(path: string): Promise<void> {
    if (this.devNode(path) !== undefined) throw new FsError("EPERM", path);
    const { mount, rel } = this.locate(path);
    return mount.fs.unlink(rel);
  }

  async rmdir(path: string): Promise<void> {
    if (this.devNode(path) !== undefined || this.isMountPoint(path))
      throw new FsError("EBUSY", path);
    const { mount, rel } = this.locate(path);
    return mount.fs.rmdir(rel);
  }

  async rename(from: string, to: string): Promise<void> {
    if (this.devNode(from) !== undefined || this.devNode(to) !== undefined)
      throw new FsError("EPERM");
    if (this.isMountPoint(from) || this.isMountPoint(to)) throw new FsError("EBUSY");
    const source = this.locate(from);
    const target = this.locate(to);
    if (source.mount !== target.mount) throw new FsError("EXDEV");
    return source.mount.fs.rename(source.rel, target.rel);
  }
}
