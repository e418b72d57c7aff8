import type { BlockDevice } from "@/lib/storage/block-device";
import type { ConsoleLog } from "@/lib/ecs/guest/console-log";
import type { DiskFs, FileLocation } from "@/lib/ecs/guest/fs/disk-fs";
import {
  BootScopedDevice,
  DeviceTable,
  type AttachedDevice,
  type DiskAttachment,
} from "@/lib/ecs/guest/devices";
import type { OsProfile } from "@/lib/ecs/guest/profiles";
import { GuestDisplay } from "@/lib/ecs/guest/screen";
import { GuestNotRunningError, type Session, type ScriptRunner } from "@/lib/ecs/guest/session";
import { SessionRegistry, type Terminal, type TerminalOptions } from "@/lib/ecs/guest/terminal";
import type { GuestOptions, GuestState } from "@/lib/ecs/guest/guest-options";

export type { GuestOptions, GuestState } from "@/lib/ecs/guest/guest-options";

/**
 * What both guests share: power state, devices by name, sessions, the serial console and the
 * screen. The OS-specific part boots (mounts the system disk, which hangs with its device) and
 * provides the shell.
 */
export abstract class GuestBase {
  protected readonly table = new DeviceTable();
  protected readonly log: ConsoleLog;
  protected readonly now: () => Date;
  protected bootedAt: Date;
  protected generation = 0;
  protected hostname: string;
  protected abstract profile: OsProfile;
  private currentState: GuestState = "stopped";
  private booting: Promise<void> | null = null;
  private readonly logins: SessionRegistry;
  private readonly display: GuestDisplay;
  private waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private commitTimer: ReturnType<typeof setInterval> | null = null;

  constructor(protected readonly options: GuestOptions) {
    this.now = options.now ?? (() => new Date());
    this.bootedAt = this.now();
    this.hostname = options.hostname;
    this.display = new GuestDisplay(this.now);
    this.log = this.display.log;
    this.logins = new SessionRegistry({
      ready: () => this.ready(),
      createRunner: () => this.createRunner(),
      toScreen: (text) => this.toScreen(text),
      terminalBanner: () => this.terminalBanner(),
    });
    this.table.attach(options.systemDisk, 0);
    for (const disk of options.dataDisks ?? []) this.table.attach(disk);
  }

  abstract readonly osType: "linux" | "windows";
  protected abstract mountSystem(): Promise<void>;
  protected abstract unmountAll(isClean: boolean): Promise<void>;
  /** Commits every mounted filesystem (all of them, or only those changed since their last commit). */
  protected abstract syncMounted(onlyChanged?: boolean): Promise<void>;
  protected abstract createRunner(): ScriptRunner;
  protected abstract bootBanner(): string[];
  protected abstract terminalBanner(): string;
  protected abstract onAttached(device: AttachedDevice): Promise<void>;
  protected abstract onDetaching(device: AttachedDevice, isClean: boolean): Promise<void>;
  /** The filesystem holding a guest path (`/data/a.txt`, `D:\\a.txt`) and the path inside it. */
  protected abstract fileSystemOf(path: string): { fs: DiskFs; device: string; parts: string[] };

  /**
   * Where a file's content is on its disk (for the console's Media tab and the proof tests):
   * the device, its disk id, the file's size and the byte ranges holding it, in order.
   */
  async locateFile(path: string): Promise<FileLocation & { device: string; diskId?: string }> {
    const { fs, device, parts } = this.fileSystemOf(path);
    const location = await fs.locate(parts);
    return { device: `/dev/${device}`, diskId: this.table.find(device)?.diskId, ...location };
  }

  get state(): GuestState {
    return this.currentState;
  }

  /** The device as this boot sees it: dead once the boot ends or the disk is detached. */
  protected scoped(entry: AttachedDevice): BlockDevice {
    const generation = this.generation;
    return new BootScopedDevice(
      entry,
      () => generation === this.generation && this.table.find(entry.name) === entry,
    );
  }

  /** Powers on and boots; resolves when the system disk is mounted (pending while it hangs). */
  boot(): Promise<void> {
    if (this.booting && (this.currentState === "booting" || this.currentState === "running")) {
      return this.booting;
    }
    if (this.currentState !== "stopping") this.display.reset();
    this.currentState = "booting";
    this.generation++;
    this.bootedAt = this.now();
    const generation = this.generation;
    const never = new Promise<void>(() => {});
    const boot = this.mountSystem().then(() => {
      if (generation !== this.generation) return never;
      this.currentState = "running";
      this.display.booted(this.bootBanner());
      this.startCommitTimer();
    });
    this.booting = boot.catch((error: unknown) => {
      // A boot overtaken by a power-off just stops; anything else is a panic the screen shows.
      if (generation === this.generation) this.display.panic(this.panicLines(error));
      return never;
    });
    for (const waiter of this.waiters.splice(0)) void this.booting.then(waiter.resolve);
    return this.booting;
  }

  protected abstract panicLines(error: unknown): string[];

  /**
   * Resolves once the guest is up: at once when running, when the boot completes (never, while
   * it hangs), after the restart when rebooting. Rejects when the instance is stopped.
   */
  ready(): Promise<void> {
    if (this.currentState === "stopped") return Promise.reject(new GuestNotRunningError());
    if (this.currentState === "stopping") {
      return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
    }
    return this.booting!;
  }

  /** StopInstance: sessions end, filesystems commit and unmount, devices are released. */
  async shutdown(): Promise<void> {
    if (this.currentState === "stopping") {
      // Stopped in the middle of an in-guest reboot: it will not boot again.
      this.generation++;
      this.stopped();
      return;
    }
    await this.goDown(false);
  }

  private async goDown(isRestart: boolean): Promise<void> {
    if (this.currentState === "stopped" || this.currentState === "stopping") return;
    const wasRunning = this.currentState === "running";
    this.currentState = "stopping";
    this.booting = null;
    this.stopCommitTimer();
    this.logins.closeAll();
    if (wasRunning) await this.unmountAll(true).catch(() => undefined);
    else await this.unmountAll(false);
    this.generation++;
    if (!isRestart) this.stopped();
  }

  private stopped(): void {
    this.currentState = "stopped";
    this.booting = null;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new GuestNotRunningError());
  }

  /** ForceStop, or stopping a hung instance: no sync, nothing waited for. */
  powerOff(): void {
    this.stopCommitTimer();
    this.logins.closeAll();
    void this.unmountAll(false);
    this.generation++;
    this.stopped();
  }

  /** An in-guest reboot: shut down cleanly, let the hypervisor drop and re-request keys, boot. */
  protected rebootFromGuest(): void {
    setImmediate(() => {
      void (async () => {
        await this.goDown(true);
        const generation = this.generation;
        this.display.reset();
        await this.options.onReboot?.();
        // Powered off (StopInstance) while the hypervisor was busy: stay off.
        if (generation === this.generation && this.currentState === "stopping") await this.boot();
      })();
    });
  }

  protected powerOffFromGuest(): void {
    setImmediate(() => {
      void (async () => {
        await this.shutdown();
        this.options.onPowerOff?.();
      })();
    });
  }

  /** AttachDisk: the lowest free name; returns `/dev/vdX`. */
  async attachDisk(attachment: DiskAttachment): Promise<string> {
    const entry = this.table.attach(attachment);
    if (this.currentState === "running") await this.onAttached(entry);
    return `/dev/${entry.name}`;
  }

  /**
   * DetachDisk: commits and unmounts what is mounted from it (`sync: false` pulls it out as is:
   * what was not committed is lost, as on a real surprise removal), then frees the name.
   */
  async detachDisk(nameOrDiskId: string, options: { sync?: boolean } = {}): Promise<void> {
    const entry = this.table.find(nameOrDiskId);
    if (!entry) throw new Error(`no device ${nameOrDiskId}`);
    if (entry.index === 0)
      throw new Error("the system disk cannot be detached from a running guest");
    await this.onDetaching(entry, options.sync !== false && this.currentState === "running");
    this.table.detach(entry.name);
  }

  /** Replaces the device behind a name (e.g. a medium re-opened with a new data key). */
  setDevice(nameOrDiskId: string, device: BlockDevice): void {
    const entry = this.table.find(nameOrDiskId);
    if (!entry) throw new Error(`no device ${nameOrDiskId}`);
    entry.device = device;
  }

  devices(): { name: string; diskId?: string; sizeBytes: number }[] {
    return this.table
      .list()
      .map((d) => ({ name: `/dev/${d.name}`, diskId: d.diskId, sizeBytes: d.device.sizeBytes }));
  }

  /** The hypervisor saw I/O to `device` stuck (its key is not Enabled): kernel errors, black screen. */
  reportIoHang(device: string): void {
    const entry = this.table.find(device);
    const name = entry?.name ?? device.replace(/^\/dev\//, "");
    const task = this.currentState === "booting" ? "systemd:1" : `jbd2/${name}-8:412`;
    this.display.hang((log) =>
      this.osType === "windows"
        ? log.windowsIoHang(entry?.index ?? 0)
        : log.ioHang(name, task, this.profile.kernelRelease),
    );
  }

  consoleOutput(): string {
    return this.log.text();
  }

  /** The screen: black when off or hung on I/O, else its last lines of text. */
  screen(): { isBlack: boolean; text: string } {
    return this.display.view(this.currentState === "stopped");
  }

  screenText(): string {
    return this.screen().text;
  }

  protected toScreen(text: string): void {
    this.display.write(text);
  }

  /** A login for Cloud Assistant: run scripts with `session.run`. */
  openSession(): Session {
    return this.logins.openSession();
  }

  /** The console's terminal: a session driven line by line; its text also goes to the screen. */
  openTerminal(options: TerminalOptions): Terminal {
    return this.logins.openTerminal(options);
  }

  protected sessionDirectories(): string[] {
    return this.logins.directories();
  }

  private startCommitTimer(): void {
    const interval = this.options.commitIntervalMs ?? 5000;
    if (interval <= 0) return;
    this.commitTimer = setInterval(
      () => void this.syncMounted(true).catch(() => undefined),
      interval,
    );
    this.commitTimer.unref?.();
  }

  private stopCommitTimer(): void {
    if (this.commitTimer) clearInterval(this.commitTimer);
    this.commitTimer = null;
  }
}
