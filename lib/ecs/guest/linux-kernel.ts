import type { BlockDevice } from "@/lib/storage/block-device";
import type { ConsoleLog } from "@/lib/ecs/guest/console-log";
import type { AttachedDevice, DeviceTable } from "@/lib/ecs/guest/devices";
import { NotFormattedError } from "@/lib/ecs/guest/fs/errors";
import { mkfs, mountFilesystem, probeFilesystem } from "@/lib/ecs/guest/fs/mkfs";
import type { OsProfile } from "@/lib/ecs/guest/profiles";
import {
  MountError,
  type BlockDeviceInfo,
  type FilesystemInfo,
  type LinuxSystem,
} from "@/lib/ecs/guest/shell/types";
import { Vfs } from "@/lib/ecs/guest/vfs";

/** What the kernel needs from its guest. */
export type KernelHost = {
  table: DeviceTable;
  log: ConsoleLog;
  scoped(entry: AttachedDevice): BlockDevice;
  clock(): Date;
  bootTime(): Date;
  profile(): OsProfile;
  getHostname(): string;
  setHostname(name: string): void;
  memoryBytes: number;
  reboot(): void;
  powerOff(): void;
  sessionDirectories(): string[];
};

/** The Linux guest's kernel as its tools see it: devices, mounts, mkfs, sync, reboot. */
export class LinuxKernel implements LinuxSystem {
  readonly vfs: Vfs;

  constructor(private readonly host: KernelHost) {
    this.vfs = new Vfs(
      () => host.table.list(),
      () => host.bootTime(),
    );
  }

  get profile(): OsProfile {
    return this.host.profile();
  }

  get hostname(): string {
    return this.host.getHostname();
  }

  set hostname(name: string) {
    this.host.setHostname(name);
  }

  get memoryBytes(): number {
    return this.host.memoryBytes;
  }

  now(): Date {
    return this.host.clock();
  }

  bootTime(): Date {
    return this.host.bootTime();
  }

  devices(): BlockDeviceInfo[] {
    return this.host.table.list().map((d) => ({
      name: d.name,
      index: d.index,
      sizeBytes: d.device.sizeBytes,
      serial: d.serial,
    }));
  }

  private entry(name: string): AttachedDevice {
    const entry = this.host.table.find(name);
    if (!entry) throw new MountError("no-device");
    return entry;
  }

  private millis = () => this.host.clock().getTime();

  async probe(name: string): Promise<FilesystemInfo | null> {
    const entry = this.host.table.find(name);
    const sb = entry ? await probeFilesystem(this.host.scoped(entry)) : null;
    return (
      sb && {
        flavour: sb.flavour,
        uuid: sb.uuid,
        label: sb.label,
        createdAt: new Date(sb.createdAt),
      }
    );
  }

  async mkfs(name: string, options: { flavour: "ext4" | "ntfs"; label?: string }) {
    const sb = await mkfs(this.host.scoped(this.entry(name)), { ...options, now: this.millis });
    return {
      flavour: sb.flavour,
      uuid: sb.uuid,
      label: sb.label,
      createdAt: new Date(sb.createdAt),
      inodeCount: sb.inodeCount,
      journalBlocks: sb.journalBlocks,
    };
  }

  /** Mounts the system disk at / (the boot). */
  async mountRoot(): Promise<void> {
    const root = this.host.table.list()[0];
    const fs = await mountFilesystem(this.host.scoped(root), { now: this.millis });
    this.vfs.mounts.clear();
    this.vfs.mounts.set("/", { point: "/", deviceName: root.name, fs });
  }

  async mount(name: string, point: string): Promise<void> {
    const entry = this.entry(name);
    const existing = [...this.vfs.mounts.values()].find((m) => m.deviceName === entry.name);
    if (existing) throw new MountError("already-mounted", existing.point);
    const stat = await this.vfs.stat(point).catch(() => null);
    if (!stat) throw new MountError("no-mountpoint");
    if (stat.type !== "dir") throw new MountError("not-directory");
    if (this.vfs.mounts.has(point)) throw new MountError("point-busy");
    try {
      const fs = await mountFilesystem(this.host.scoped(entry), { now: this.millis });
      this.vfs.mounts.set(point, { point, deviceName: entry.name, fs });
      this.host.log.kernel(
        `EXT4-fs (${entry.name}): mounted filesystem with ordered data mode. Opts: (null)`,
      );
    } catch (error) {
      if (error instanceof NotFormattedError) throw new MountError("not-formatted");
      throw error;
    }
  }

  async umount(target: string): Promise<string> {
    const mounts = [...this.vfs.mounts.values()];
    const mount = target.startsWith("/dev/")
      ? mounts.find((m) => `/dev/${m.deviceName}` === target)
      : this.vfs.mounts.get(target);
    if (!mount) {
      const exists = target.startsWith("/dev/")
        ? this.host.table.find(target)
        : await this.vfs.stat(target).catch(() => null);
      throw new MountError(exists ? "not-mounted" : "no-mountpoint");
    }
    const prefix = mount.point === "/" ? "/" : `${mount.point}/`;
    const isNested = mounts.some((m) => m !== mount && m.point.startsWith(prefix));
    if (mount.point === "/" || isNested || this.isBusy(mount.point)) throw new MountError("busy");
    this.vfs.mounts.delete(mount.point);
    await mount.fs.unmount();
    return mount.point;
  }

  /** Everything mounted from `device` goes away (detach); committed first when `isClean`. */
  async dropMounts(device: string, isClean: boolean): Promise<void> {
    for (const mount of [...this.vfs.mounts.values()]
      .filter((m) => m.deviceName === device)
      .reverse()) {
      this.vfs.mounts.delete(mount.point);
      if (isClean) await mount.fs.unmount().catch(() => undefined);
      else mount.fs.abandon();
    }
  }

  async unmountAll(isClean: boolean): Promise<void> {
    const mounts = [...this.vfs.mounts.values()].reverse();
    this.vfs.mounts.clear();
    for (const mount of mounts) {
      if (isClean) await mount.fs.unmount();
      else mount.fs.abandon();
    }
  }

  async syncAll(onlyChanged = false): Promise<void> {
    for (const { fs } of [...this.vfs.mounts.values()]) {
      await (onlyChanged ? fs.commitIfChanged() : fs.sync());
    }
  }

  reboot(): void {
    this.host.reboot();
  }

  powerOff(): void {
    this.host.powerOff();
  }

  isBusy(point: string): boolean {
    return this.host
      .sessionDirectories()
      .some((cwd) => cwd === point || cwd.startsWith(`${point}/`));
  }
}
