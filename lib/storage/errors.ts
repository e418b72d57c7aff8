/**
 * Typed failures of the storage layer. It knows nothing of Alibaba's error codes: the ECS
 * service maps these (a missing medium is an internal error there, a busy one a state guard).
 *   NotFound    — no medium (no `medium.json`) in the directory
 *   Exists      — creating a medium, snapshot or copy over a non-empty directory
 *   Busy        — deleting a medium that is open in this process
 *   Closed      — I/O on a medium after `close()`
 *   ReadOnly    — writing or resizing a snapshot (or a medium opened read-only)
 *   KeyRequired — guest I/O on an encrypted medium opened without its data key
 *   KeyMismatch — a data key for an unencrypted medium, or no key where one is needed
 *   Corrupt     — a format the code does not recognise (bad meta, bad map header)
 */
export type StorageErrorCode =
  | "NotFound"
  | "Exists"
  | "Busy"
  | "Closed"
  | "ReadOnly"
  | "KeyRequired"
  | "KeyMismatch"
  | "Corrupt";

export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string) {
    super(message);
    this.name = "StorageError";
    this.code = code;
  }
}

export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  return error instanceof StorageError && (code === undefined || error.code === code);
}
