import { AppError } from "@/lib/errors";

/**
 * RAM's errors with Alibaba's codes, statuses and legacy messages (api-extras.md §2.2). Where
 * Alibaba's wording is unconfirmed (MalformedPolicyDocument's details, EntityAlreadyExists.Policy,
 * whose documented text is a copy of the group's) the message here says what happened.
 */
const param = (code: string, name: string, what: string, status = 400) =>
  new AppError(code, `The parameter - "${name}" ${what}`, status);

export const ramErrors = {
  invalidChars: (name: string) => param(`InvalidParameter.${name}.InvalidChars`, name, "contains invalid chars."),
  tooLong: (name: string) => param(`InvalidParameter.${name}.Length`, name, "beyond the length limit."),
  badFormat: (name: string) =>
    new AppError(`InvalidParameter.${name}.Format`, `The format of the parameter - "${name}" is incorrect.`, 400),
  weakPassword: () => param("InvalidParameter.Password.TooWeak", "Password", "is not compliant with the password policy."),
  policyType: () => param("InvalidParameter.PolicyType", "PolicyType", "is incorrect."),
  versionIdFormat: () =>
    new AppError("InvalidParameter.VersionId.Format", 'The format of the parameter - "VersionId" is incorrect.', 400),
  malformedPolicy: (reason: string) =>
    new AppError("MalformedPolicyDocument", `The policy document is malformed: ${reason}`, 400),

  userNotFound: () => new AppError("EntityNotExist.User", "The user does not exist.", 404),
  accessKeyNotFound: () => new AppError("EntityNotExist.User.AccessKey", "The user access key does not exist.", 404),
  loginProfileNotFound: () =>
    new AppError("EntityNotExist.User.LoginProfile", "The user login profile does not exist.", 404),
  userPolicyNotAttached: () =>
    new AppError("EntityNotExist.User.Policy", "The indicate policy of the user does not exist.", 404),
  userNotInGroup: () => new AppError("EntityNotExist.User.Group", "The user has not joined the group.", 404),
  groupNotFound: () => new AppError("EntityNotExist.Group", "The group does not exist.", 404),
  groupPolicyNotAttached: () =>
    new AppError("EntityNotExist.Group.Policy", "The indicate policy of the group does not exist.", 404),
  rolePolicyNotAttached: () =>
    new AppError("EntityNotExist.Role.Policy", "The indicate policy of the role does not exist.", 404),
  policyNotFound: () => new AppError("EntityNotExist.Policy", "The policy does not exist.", 404),
  policyVersionNotFound: () => new AppError("EntityNotExist.Policy.Version", "The policy version does not exist.", 404),
  roleNotFound: (arn: string) => new AppError("EntityNotExist.Role", `The role not exists: ${arn}.`, 404),

  userExists: () => new AppError("EntityAlreadyExists.User", "The user does already EXIST.", 409),
  loginProfileExists: () =>
    new AppError("EntityAlreadyExists.User.LoginProfile", "The user login profile does already EXIST.", 409),
  userInGroup: () => new AppError("EntityAlreadyExists.User.Group", "The user has already joined the group.", 409),
  userPolicyAttached: () =>
    new AppError("EntityAlreadyExists.User.Policy", "The user has already been attached this policy.", 409),
  groupExists: () => new AppError("EntityAlreadyExists.Group", "The group does already EXIST.", 409),
  groupPolicyAttached: () =>
    new AppError("EntityAlreadyExists.Group.Policy", "The group has already been attached this policy.", 409),
  rolePolicyAttached: () =>
    new AppError("EntityAlreadyExists.Role.Policy", "The role has already been attached this policy.", 409),
  policyExists: () => new AppError("EntityAlreadyExists.Policy", "The policy does already EXIST.", 409),
  roleExists: () => new AppError("EntityAlreadyExists.Role", "The role does already EXIST.", 409),

  userHasAccessKeys: () =>
    new AppError("DeleteConflict.User.AccessKey", "The user CAN NOT has any access key while deleting the user.", 409),
  userHasPolicies: () =>
    new AppError("DeleteConflict.User.Policy", "The user CAN NOT has any attached policy while deleting the user.", 409),
  userInGroups: () =>
    new AppError("DeleteConflict.User.Group", "The user CAN NOT be in any group while deleting the user.", 409),
  userHasLoginProfile: () =>
    new AppError("DeleteConflict.User.LoginProfile", "The user CAN NOT has any login profile while deleting the user.", 409),
  groupHasUsers: () =>
    new AppError("DeleteConflict.Group.User", "The group CAN NOT has any user while deleting the group.", 409),
  groupHasPolicies: () =>
    new AppError("DeleteConflict.Group.Policy", "The entity CAN NOT has any attached policy while deleting the group.", 409),
  policyAttached: (to: "User" | "Group" | "Role") =>
    new AppError(
      `DeleteConflict.Policy.${to}`,
      `The policy CAN NOT been attached to any ${to.toLowerCase()} while deleting the policy.`,
      409,
    ),
  policyHasVersions: () =>
    new AppError("DeleteConflict.Policy.Version", "The policy CAN NOT has any version except the default version.", 409),
  defaultVersion: () =>
    new AppError("DeleteConflict.Policy.Version.Default", "The default policy version CAN NOT been deleted directly.", 409),
  roleHasPolicies: () =>
    new AppError("DeleteConflict.Role.Policy", "The role CAN NOT has any attached policy while deleting the role.", 409),

  tooManyAccessKeys: () =>
    new AppError("LimitExceeded.User.AccessKey", "The access key count of the user access keys beyond the current limits.", 409),
  tooManyVersions: () =>
    new AppError("LimitExceeded.Policy.Version", "The count of policy version beyond the current limits.", 409),
  tooManyPolicies: (of: "User" | "Group" | "Role") =>
    new AppError(
      `LimitExceeded.${of}.Policy`,
      `The policy count of the ${of.toLowerCase()} attached policies beyond the current limits.`,
      409,
    ),
};
