import type { Flavour } from "@/lib/ecs/guest/fs/layout";
import type { OsProfile } from "@/lib/ecs/guest/profiles";
import type { Vfs } from "@/lib/ecs/guest/vfs";

/** A disk as the guest's tools see it. */
export type BlockDeviceInfo = { name: string; index: number; sizeBytes: number; serial: string };

export type FilesystemInfo = { flavour: Flavour; uuid: string; label: string; createdAt: Date };

export type MountFailure =
  | "not-formatted"
  | "no-device"
  | "no-mountpoint"
  | "not-directory"
  | "already-mounted"
  | "busy"
  | "not-mounted"
  | "point-busy";

export class MountError extends Error {
  constructor(
    readonly failure: MountFailure,
    readonly detail = "",
  ) {
    super(failure);
    this.name = "MountError";
  }
}

/** What the Linux guest's kernel offers its tools. */
export interface LinuxSystem {
  readonly profile: OsProfile;
  readonly vfs: Vfs;
  hostname: string;
  readonly memoryBytes: number;
  now(): Date;
  bootTime(): Date;
  devices(): BlockDeviceInfo[];
  /** The filesystem on a device, or null when it holds none we know (or is missing). */
  probe(device: string): Promise<FilesystemInfo | null>;
  mkfs(
    device: string,
    options: { flavour: Flavour; label?: string },
  ): Promise<FilesystemInfo & { inodeCount: number; journalBlocks: number }>;
  mount(device: string, point: string): Promise<void>;
  /** By mount point or device; returns the mount point. */
  umount(target: string): Promise<string>;
  /** Every mounted filesystem's journal committed and the devices flushed. */
  syncAll(): Promise<void>;
  /** Starts a reboot; the calling session ends. */
  reboot(): void;
  /** Starts a power-off (`poweroff`, `shutdown -h`); the calling session ends. */
  powerOff(): void;
  /** Working directories of open sessions (umount refuses a busy mount). */
  isBusy(point: string): boolean;
}

export type ShellIo = {
  out(text: string): void;
  err(text: string): void;
  /** Piped or redirected input; null when none (reads from the terminal instead). */
  stdin: string | null;
  /** A line typed at the terminal; null when there is no terminal (Cloud Assistant) or at EOF. */
  readLine(prompt: string): Promise<string | null>;
  isTty: boolean;
  signal: AbortSignal;
};

export type ShellState = {
  cwd: string;
  vars: Map<string, string>;
  lastStatus: number;
  isErrexit: boolean;
};

export type CommandContext = {
  name: string;
  args: string[];
  io: ShellIo;
  shell: ShellState;
  sys: LinuxSystem;
  /** Absolute, normalized path for a user-given one. */
  abs(path: string): string;
  /** Runs another command line (sudo, command substitution). */
  runArgv(argv: string[], io: ShellIo): Promise<number>;
};

export type CommandFn = (ctx: CommandContext) => Promise<number>;

/** `exit N`, or the session ending (reboot) — unwinds the interpreter. */
export class ShellExit extends Error {
  constructor(
    readonly status: number,
    readonly reason: "exit" | "reboot" | "poweroff" = "exit",
  ) {
    super(reason);
    this.name = "ShellExit";
  }
}

/** `break` / `continue` unwinding to the enclosing loop (`levels` for `break 2`). */
export class LoopControl extends Error {
  constructor(
    readonly kind: "break" | "continue",
    readonly levels = 1,
  ) {
    super(kind);
    this.name = "LoopControl";
  }
}
