import { AppError } from "@/lib/errors";

/** OOS's errors (reference/api-extras.md §1.6). */
export const oosErrors = {
  invalidParameter: () => new AppError("InvalidParameter", "The parameter is invalid.", 400),
  executionNotFound: () => new AppError("EntityNotExists.Execution", "The specified execution does not exist.", 404),
  templateNotFound: () => new AppError("EntityNotExists.Template", "The specified template does not exist.", 404),
};
