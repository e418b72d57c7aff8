/**
 * Cloud Assistant's statuses as pure rules (reference/api-extras.md §5.2): what one instance's
 * result is, how an invocation's overall status derives from its instances', the legacy
 * InvokeStatus, and each result's InvokeRecordStatus. Error texts are the legacy ones, in the
 * docs' example form (lower case, trailing period), except where only the current text exists.
 */
export const COMMAND_TYPES = ["RunShellScript", "RunBatScript", "RunPowerShellScript"] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/** Per-instance statuses the emulator stores (a subset of the documented ones). */
export type InstanceInvocationStatus =
  | "Pending"
  | "Running"
  | "Success"
  | "Failed"
  | "Timeout"
  | "Aborted"
  | "Error"
  | "Terminated";

export const ERROR_INFO = {
  ExitCodeNonzero: "the command execution exit code is not zero.",
  ExecutionTimeout: "the command execution has been timeout.",
  InstanceNotRunning: "the instance is not running when create task.",
  InstanceRestarted: "The instance was restarted during task execution.",
  DirectoryNotExists: "the specified directory does not exists.",
  ExecutionException: "the command execution got an exception.",
} as const;
export type InvocationErrorCode = keyof typeof ERROR_INFO;

/** Which OS a command type runs on: shell scripts on Linux, PowerShell and batch on Windows. */
export function commandOsType(type: string): "linux" | "windows" {
  return type === "RunShellScript" ? "linux" : "windows";
}

const FAILED = new Set(["Invalid", "Aborted", "Failed", "Timeout", "Error"]);
const STOPPED = new Set(["Cancelled", "Terminated", "Stopped"]);

/** DescribeInvocations' InvocationStatus, from the instances' (in the documented precedence). */
export function overallStatus(statuses: readonly string[]): string {
  for (const busy of ["Pending", "Scheduled", "Running", "Stopping"]) {
    if (statuses.includes(busy)) return busy;
  }
  if (statuses.length === 0) return "Pending";
  const successes = statuses.filter((s) => s === "Success").length;
  const failures = statuses.filter((s) => FAILED.has(s)).length;
  const stops = statuses.filter((s) => STOPPED.has(s)).length;
  if (stops === statuses.length) return "Stopped";
  if (successes > 0 && failures === 0) return "Success";
  if (successes === 0) return "Failed";
  return "PartialFailed";
}

/** The legacy InvokeStatus of an overall status. */
export function legacyInvokeStatus(overall: string): string {
  switch (overall) {
    case "Pending":
    case "Scheduled":
    case "Running":
      return "Running";
    case "Success":
      return "Finished";
    default:
      return overall;
  }
}

/** One result's InvokeRecordStatus: running, finished (ran to an end), failed (never ran), stopped. */
export function recordStatus(status: string): string {
  if (status === "Pending" || status === "Running") return "Running";
  if (status === "Invalid" || status === "Aborted") return "Failed";
  if (STOPPED.has(status)) return "Stopped";
  return "Finished";
}

/** Output keeps its last 24 KB; `Dropped` counts the bytes cut before them. */
export const OUTPUT_LIMIT_BYTES = 24 * 1024;
/** What is stored per result (the tail), so that a chatty loop cannot fill the database. */
export const STORED_OUTPUT_LIMIT_BYTES = 1024 * 1024;

export function tailBytes(text: string, limit: number): { text: string; dropped: number } {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= limit) return { text, dropped: 0 };
  let start = bytes.length - limit;
  while (start < bytes.length && (bytes[start] & 0xc0) === 0x80) start++;
  return { text: bytes.subarray(start).toString("utf8"), dropped: start };
}
