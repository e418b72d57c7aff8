import { AppError } from "@/lib/errors";

/**
 * KMS's own errors with Alibaba's codes, statuses and messages (reference/alibaba-api-notes.md
 * "KMS response structure & public error codes", api-extras.md §6). State refusals are in
 * key-states.ts. Codes marked "DiskSeal" are unconfirmed for Alibaba and chosen here.
 */
export const kmsErrors = {
  keyNotFound: () => new AppError("Forbidden.KeyNotFound", "The specified Key is not found.", 404),
  aliasNotFound: () =>
    new AppError("Forbidden.AliasNotFound", "The specified Alias is not found.", 404),
  /** DiskSeal: a KeyVersionId the key does not have. */
  keyVersionNotFound: () =>
    new AppError("Forbidden.KeyVersionNotFound", "The specified KeyVersion is not found.", 404),
  invalidParameter: (name: string, detail?: string) =>
    new AppError(
      "InvalidParameter",
      `The specified parameter "${name}" is not valid.${detail ? ` ${detail}` : ""}`,
      400,
    ),
  missingParameter: (name: string) =>
    new AppError("MissingParameter", `The parameter "${name}" is needed but not provided.`, 400),
  aliasAlreadyExists: () => new AppError("AliasAlreadyExists", "AliasName Already Exists.", 400),
  limitExceeded: (detail: string) =>
    new AppError(
      "Rejected.LimitExceeded",
      `The request was rejected because a limit was exceeded. ${detail}`,
      400,
    ),
  /** Service keys (alias/acs/ecs) are the cloud's; and no CMKs in some regions. 400, not 409. */
  unsupportedOperation: (detail: string) =>
    new AppError("Rejected.UnsupportedOperation", `Unsupported operation. ${detail}`, 400),
  /** DiskSeal: what the key's spec or usage cannot do (Encrypt with an RSA key, Sign with AES). */
  notSupportedForKey: (detail: string) =>
    new AppError("UnsupportedOperation", `This action is not supported. ${detail}`, 400),
  unsupportedOrigin: () =>
    new AppError("Unsupported.Origin", "This key origin is not valid for this api.", 400),
  /** DiskSeal: Alibaba's code for a ciphertext that is not ours, altered, or under another context is unconfirmed. */
  invalidCiphertext: () =>
    new AppError(
      "InvalidCiphertext",
      "The specified CiphertextBlob is not valid, or the EncryptionContext does not match the one it was encrypted with.",
      400,
    ),
  invalidKeyMaterial: () => new AppError("InvalidKeyMaterial", "key material is invalid", 400),
  invalidImportToken: () => new AppError("InvalidImportToken", "import token is invalid", 400),
  expiredImportToken: () => new AppError("ExpiredImportToken", "import token is expired", 400),
  /** DiskSeal: ScheduleKeyDeletion of a key with deletion protection on. */
  deletionProtected: () =>
    new AppError(
      "Forbidden.DeletionProtection",
      "The key is protected from deletion: disable its deletion protection first.",
      403,
    ),
};
