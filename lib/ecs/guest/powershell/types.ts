import type { DiskFs } from "@/lib/ecs/guest/fs/disk-fs";

export type WindowsDisk = {
  number: number;
  serial: string;
  sizeBytes: number;
  partitionStyle: "MBR" | "GPT" | "RAW";
};

export type WindowsVolume = { letter: string; fs: DiskFs; sizeBytes: number; diskNumber: number };

/** What the Windows guest offers its PowerShell. */
export interface WindowsSystem {
  readonly hostname: string;
  now(): Date;
  disks(): WindowsDisk[];
  volumes(): WindowsVolume[];
  restart(): void;
  stop(): void;
}

/** A PowerShell error record, displayed as PowerShell 5.1 does. */
export class PsError extends Error {
  constructor(
    message: string,
    readonly category: string,
    readonly target: string,
    readonly exception: string,
    readonly errorId: string,
  ) {
    super(message);
    this.name = "PsError";
  }
}
