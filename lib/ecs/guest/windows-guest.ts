import type { AttachedDevice } from "@/lib/ecs/guest/devices";
import type { DiskFs } from "@/lib/ecs/guest/fs/disk-fs";
import { NotFormattedError } from "@/lib/ecs/guest/fs/errors";
import { mkfs, mountFilesystem, probeFilesystem } from "@/lib/ecs/guest/fs/mkfs";
import { GuestBase, type GuestOptions } from "@/lib/ecs/guest/guest";
import { resolveWindowsPath } from "@/lib/ecs/guest/powershell/paths";
import { PowerShellRunner } from "@/lib/ecs/guest/powershell/runner";
import type { WindowsDisk, WindowsSystem, WindowsVolume } from "@/lib/ecs/guest/powershell/types";
import { OS_PROFILES, type OsProfile } from "@/lib/ecs/guest/profiles";
import type { ScriptRunner } from "@/lib/ecs/guest/session";

type Volume = { letter: string; device: string; fs: DiskFs };

/**
 * A Windows instance: the system disk is C:, and data disks come up initialized — a blank one
 * is formatted (NTFS, as far as Windows can tell) and gets the next drive letter, D:, E:, …,
 * at boot or when attached. A disk holding a Linux (ext4) volume stays RAW, without a letter.
 * Scripts run in a PowerShell subset; there is no bash here.
 */
export class WindowsGuest extends GuestBase {
  readonly osType = "windows" as const;
  protected profile: OsProfile = OS_PROFILES.windows2022;
  private volumeList: Volume[] = [];
  private readonly system: WindowsSystem;

  constructor(options: GuestOptions) {
    super(options);
    this.system = {
      hostname: options.hostname,
      now: () => this.now(),
      disks: () => this.disks(),
      volumes: () => this.windowsVolumes(),
      restart: () => this.rebootFromGuest(),
      stop: () => this.powerOffFromGuest(),
    };
  }

  private millis = () => this.now().getTime();

  protected async mountSystem(): Promise<void> {
    this.log.raw('BdsDxe: loading Boot0001 "Windows Boot Manager"');
    const [system, ...data] = this.table.list();
    const fs = await mountFilesystem(this.scoped(system), { now: this.millis });
    this.volumeList = [{ letter: "C", device: system.name, fs }];
    this.log.raw(`${this.profile.prettyName} ${this.profile.kernelVersion}`);
    for (const entry of data) await this.bringOnline(entry);
  }

  /** A data disk: format it if blank, mount it at the next free letter if it is NTFS. */
  private async bringOnline(entry: AttachedDevice): Promise<void> {
    const device = this.scoped(entry);
    let sb = await probeFilesystem(device);
    if (!sb) sb = await mkfs(device, { flavour: "ntfs", now: this.millis });
    if (sb.flavour !== "ntfs") return;
    const fs = await mountFilesystem(device, { now: this.millis });
    const used = new Set(this.volumeList.map((v) => v.letter));
    const letter = "DEFGHIJKLMNOPQRSTUVWXYZ".split("").find((l) => !used.has(l));
    if (!letter) return;
    this.volumeList.push({ letter, device: entry.name, fs });
    this.log.raw(`Volume ${letter}: on Disk ${entry.index} is online.`);
  }

  private disks(): WindowsDisk[] {
    return this.table.list().map((d) => {
      const volume = this.volumeList.find((v) => v.device === d.name);
      return {
        number: d.index,
        serial: d.serial,
        sizeBytes: d.device.sizeBytes,
        partitionStyle: d.index === 0 ? "MBR" : volume ? "GPT" : "RAW",
      };
    });
  }

  private windowsVolumes(): WindowsVolume[] {
    return this.volumeList.map((v) => {
      const entry = this.table.find(v.device)!;
      return {
        letter: v.letter,
        fs: v.fs,
        sizeBytes: entry.device.sizeBytes,
        diskNumber: entry.index,
      };
    });
  }

  protected panicLines(error: unknown): string[] {
    const code =
      error instanceof NotFormattedError ? "INACCESSIBLE_BOOT_DEVICE" : "UNMOUNTABLE_BOOT_VOLUME";
    return ["Your PC ran into a problem and needs to restart.", `Stop code: ${code}`];
  }

  protected bootBanner(): string[] {
    return this.profile.consoleBanner;
  }

  protected terminalBanner(): string {
    return this.profile.motd;
  }

  protected createRunner(): ScriptRunner {
    return new PowerShellRunner(this.system);
  }

  protected async unmountAll(isClean: boolean): Promise<void> {
    const volumes = [...this.volumeList].reverse();
    this.volumeList = [];
    for (const volume of volumes) {
      if (isClean) await volume.fs.unmount();
      else volume.fs.abandon();
    }
  }

  protected async syncMounted(onlyChanged = false): Promise<void> {
    for (const { fs } of [...this.volumeList]) {
      await (onlyChanged ? fs.commitIfChanged() : fs.sync());
    }
  }

  protected async onAttached(entry: AttachedDevice): Promise<void> {
    await this.bringOnline(entry);
  }

  protected fileSystemOf(path: string) {
    const resolved = resolveWindowsPath(this.system, "C:\\", path, "GetItem");
    const volume = this.volumeList.find((v) => v.letter === resolved.letter)!;
    return { fs: resolved.fs, device: volume.device, parts: resolved.parts };
  }

  protected async onDetaching(entry: AttachedDevice, isClean: boolean): Promise<void> {
    const volume = this.volumeList.find((v) => v.device === entry.name);
    if (!volume) return;
    this.volumeList = this.volumeList.filter((v) => v !== volume);
    if (isClean) await volume.fs.unmount().catch(() => undefined);
    else volume.fs.abandon();
  }
}

export function createWindowsGuest(options: GuestOptions): WindowsGuest {
  return new WindowsGuest(options);
}
