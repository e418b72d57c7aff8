/**
 * Failures of the guest's filesystem, named by the POSIX errno the shell reports. The shell and
 * PowerShell turn them into each tool's own message ("No such file or directory", …).
 */
export type FsErrorCode =
  | "ENOENT"
  | "EEXIST"
  | "ENOTDIR"
  | "EISDIR"
  | "ENOTEMPTY"
  | "ENOSPC"
  | "EBUSY"
  | "EINVAL"
  | "EXDEV"
  | "EPERM"
  | "EIO";

export const ERRNO_MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: "No such file or directory",
  EEXIST: "File exists",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  ENOTEMPTY: "Directory not empty",
  ENOSPC: "No space left on device",
  EBUSY: "Device or resource busy",
  EINVAL: "Invalid argument",
  EXDEV: "Invalid cross-device link",
  EPERM: "Operation not permitted",
  EIO: "Input/output error",
};

export class FsError extends Error {
  constructor(
    readonly code: FsErrorCode,
    readonly path = "",
  ) {
    super(`${code}: ${ERRNO_MESSAGES[code]}${path ? ` (${path})` : ""}`);
    this.name = "FsError";
  }
}

/** The device holds no filesystem we recognize (no superblock magic, or a bad checksum). */
export class NotFormattedError extends Error {
  constructor(message = "no DiskSeal filesystem superblock") {
    super(message);
    this.name = "NotFormattedError";
  }
}

/** The filesystem was unmounted (or its guest powered off) while someone still held it. */
export class FsClosedError extends Error {
  constructor() {
    super("filesystem is not mounted");
    this.name = "FsClosedError";
  }
}

export function isFsError(error: unknown, code?: FsErrorCode): error is FsError {
  return error instanceof FsError && (code === undefined || error.code === code);
}
