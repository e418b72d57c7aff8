/**
 * The one error type of the service layer. `code` and `httpStatus` are Alibaba Cloud's for the
 * API that raised it (reference/alibaba-api-notes.md); the OpenAPI endpoint renders it as
 * Alibaba's error JSON and the console shows message and code.
 */
export class AppError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  /** Extra top-level fields of the error body, e.g. AccessDeniedDetail. */
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, httpStatus = 400, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.httpStatus = httpStatus;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === "AppError" && "code" in error;
}

export const missingParameter = (name: string) =>
  new AppError("MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`, 400);

/** What a DryRun request gets when every check passed: nothing was done. */
export const dryRunPassed = () =>
  new AppError("DryRunOperation", "Request validation has been passed with DryRun flag set.", 400);
