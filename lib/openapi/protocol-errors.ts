import { AppError, missingParameter } from "@/lib/errors";
import { shorten } from "@/lib/openapi/encode";

/**
 * The endpoint's own refusals, before any action runs. Codes, statuses and, where known,
 * messages are those of Alibaba Cloud's API gateway (reference/emulator-contract.md,
 * "Protocol errors"; messages as the gateway returns them).
 */
export const protocolErrors = {
  missingParameter,

  invalidVersion: () =>
    new AppError("InvalidVersion", "Specified parameter Version is not valid.", 400),

  actionNotFound: () =>
    new AppError(
      "InvalidAction.NotFound",
      "Specified api is not found, please check your url and method.",
      404,
    ),

  accessKeyNotFound: () =>
    new AppError("InvalidAccessKeyId.NotFound", "Specified access key is not found.", 404),

  accessKeyInactive: () =>
    new AppError("InvalidAccessKeyId.Inactive", "Specified access key is disabled.", 400),

  signatureDoesNotMatch: (stringToSign: string, details?: Record<string, unknown>) =>
    new AppError(
      "SignatureDoesNotMatch",
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
      400,
      details,
    ),

  incompleteSignature: (why?: string) =>
    new AppError(
      "IncompleteSignature",
      "The request signature does not conform to Alibaba Cloud standards." + (why ? ` ${why}` : ""),
      400,
    ),

  /** The gateway's wording, for a missing, malformed or out-of-window timestamp alike. */
  illegalTimestamp: (name: string) =>
    new AppError(
      "IllegalTimestamp",
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
      400,
    ),

  nonceUsed: () =>
    new AppError("SignatureNonceUsed", "Specified signature nonce was used already.", 400),

  /** The nonce store is full of live nonces: refuse rather than forget one (replay window). */
  throttled: () => new AppError("Throttling", "Request was denied due to request throttling.", 400),

  invalidParameter: (name: string) =>
    new AppError(
      "InvalidParameter",
      `The specified parameter "${shorten(name)}" is not valid.`,
      400,
    ),
};
