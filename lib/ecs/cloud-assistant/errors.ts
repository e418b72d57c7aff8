import { AppError } from "@/lib/errors";

/**
 * Cloud Assistant's API errors (reference/api-extras.md §5.1: it answers many validation errors
 * with 403). Texts marked DiskSeal's are ours where the reference gives none. Pure.
 */
export const cloudAssistantErrors = {
  commandTypeNotFound: () =>
    new AppError("InvalidCmdType.NotFound", "The specified command type does not exist.", 403),
  instanceNotFound: () => new AppError("InvalidInstance.NotFound", "The specified instance does not exist.", 404),
  instanceNotMatch: () =>
    new AppError("InvalidInstance.NotMatch", "The specified instance type does not match the command.", 403),
  tooManyInstances: () =>
    new AppError("InstanceIds.ExceedLimit", "The number of instance IDs exceeds the upper limit.", 403),
  commandNotFound: () => new AppError("InvalidCmdId.NotFound", "The specified command ID does not exist.", 404),
  /** DiskSeal's text. */
  nameTooLong: () => new AppError("CmdName.ExceedLimit", "The length of the command name exceeds the upper limit.", 403),
  /** DiskSeal's text. */
  descriptionTooLong: () =>
    new AppError("CmdDesc.ExceedLimit", "The length of the command description exceeds the upper limit.", 403),
  /** DiskSeal's code and text (the reference lists the limits, not the error). */
  contentTooLong: () => new AppError("CmdContent.ExceedLimit", "The command content exceeds the upper limit.", 403),
  invalidContent: () =>
    new AppError("InvalidParameter", 'The specified parameter "CommandContent" is not valid.', 400),
  invalidPageNumber: () => new AppError("InvalidParam.PageNumber", "The specified parameter is invalid.", 403),
  invalidPageSize: () => new AppError("InvalidParam.PageSize", "The specified parameter is invalid.", 403),
  invalidNextToken: () =>
    new AppError("InvalidParameter", 'The specified parameter "NextToken" is not valid.', 400),
};
