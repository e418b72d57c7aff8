import type { AttachedDevice } from "@/lib/ecs/guest/devices";
import { NotFormattedError } from "@/lib/ecs/guest/fs/errors";
import { GuestBase, type GuestOptions } from "@/lib/ecs/guest/guest";
import { LinuxKernel } from "@/lib/ecs/guest/linux-kernel";
import { profileForImage, profileForOsRelease, type OsProfile } from "@/lib/ecs/guest/profiles";
import type { ScriptRunner } from "@/lib/ecs/guest/session";
import { BashRunner } from "@/lib/ecs/guest/shell/bash-runner";
import { normalizePath } from "@/lib/ecs/guest/vfs";

const BOOT_UNITS = [
  "Started Journal Service.",
  "Started udev Kernel Device Manager.",
  "Reached target Local File Systems.",
  "Started Network Manager.",
  "Started Cloud Assistant daemon.",
  "Started OpenSSH server daemon.",
  "Reached target Multi-User System.",
];

/**
 * A Linux instance: the boot mounts the system disk (/dev/vda) at /; data disks appear as
 * /dev/vdb, /dev/vdc, … and must be formatted and mounted by the user. Nothing but / is mounted
 * at boot (no fstab), as the contract says.
 */
export class LinuxGuest extends GuestBase {
  readonly osType = "linux" as const;
  protected profile: OsProfile;
  readonly kernel: LinuxKernel;

  constructor(options: GuestOptions) {
    super(options);
    this.profile = profileForImage(options.imageId, "linux");
    const memoryBytes = (options.memoryMiB ?? 2048) * 1024 * 1024;
    this.kernel = new LinuxKernel({
      table: this.table,
      log: this.log,
      scoped: (entry) => this.scoped(entry),
      clock: () => this.now(),
      bootTime: () => this.bootedAt,
      profile: () => this.profile,
      getHostname: () => this.hostname,
      setHostname: (name) => (this.hostname = name),
      memoryBytes,
      reboot: () => this.rebootFromGuest(),
      powerOff: () => this.powerOffFromGuest(),
      sessionDirectories: () => this.sessionDirectories(),
    });
  }

  protected async mountSystem(): Promise<void> {
    const p = this.profile;
    this.log.kernel(
      `Linux version ${p.kernelRelease} (mockbuild@alibaba-inc.com) ${p.kernelVersion}`,
      0,
    );
    this.log.kernel(
      `Command line: BOOT_IMAGE=/boot/vmlinuz-${p.kernelRelease} root=/dev/vda ro console=tty0 console=ttyS0,115200n8`,
      0,
    );
    this.log.kernel(`Memory: ${Math.floor(this.kernel.memoryBytes / 1024)}K available`, 0.01);
    for (const d of this.table.list()) this.logDisk(d, 0.81);
    await this.kernel.mountRoot();
    this.log.kernel("EXT4-fs (vda): mounted filesystem with ordered data mode. Opts: (null)");
    const osRelease = await this.kernel.vfs.readFile("/etc/os-release").catch(() => null);
    this.profile = (osRelease && profileForOsRelease(osRelease.toString())) || this.profile;
    for (const unit of BOOT_UNITS) {
      this.log.systemd(unit);
      this.toScreen(`[  OK  ] ${unit}\n`);
    }
    this.toScreen("\n");
  }

  private logDisk(d: AttachedDevice, at?: number): void {
    const bytes = d.device.sizeBytes;
    const sizes = `${(bytes / 1e9).toFixed(1)} GB/${(bytes / 2 ** 30).toFixed(1)} GiB`;
    this.log.kernel(
      `virtio_blk virtio${d.index + 2}: [${d.name}] ${bytes / 512} 512-byte logical blocks (${sizes})`,
      at,
    );
  }

  protected panicLines(error: unknown): string[] {
    if (error instanceof NotFormattedError) {
      return [
        'VFS: Cannot open root device "vda" or unknown-block(253,0): error -22',
        "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(253,0)",
      ];
    }
    return [
      `EXT4-fs (vda): error loading journal: ${String(error)}`,
      "Kernel panic - not syncing: Attempted to kill init! exitcode=0x00000100",
    ];
  }

  protected bootBanner(): string[] {
    const host = this.hostname.split(".")[0];
    return [
      ...this.profile.consoleBanner.map((line) => line.replace("{hostname}", host)),
      "",
      `${host} login: `,
    ];
  }

  protected terminalBanner(): string {
    return this.profile.motd;
  }

  protected createRunner(): ScriptRunner {
    return new BashRunner(this.kernel);
  }

  protected unmountAll(isClean: boolean): Promise<void> {
    return this.kernel.unmountAll(isClean);
  }

  protected syncMounted(onlyChanged = false): Promise<void> {
    return this.kernel.syncAll(onlyChanged);
  }

  protected async onAttached(device: AttachedDevice): Promise<void> {
    this.logDisk(device);
  }

  protected fileSystemOf(path: string) {
    const { mount, rel } = this.kernel.vfs.locate(normalizePath("/", path));
    return { fs: mount.fs, device: mount.deviceName, parts: rel };
  }

  protected onDetaching(device: AttachedDevice, isClean: boolean): Promise<void> {
    return this.kernel.dropMounts(device.name, isClean);
  }
}

export function createLinuxGuest(options: GuestOptions): LinuxGuest {
  return new LinuxGuest(options);
}
