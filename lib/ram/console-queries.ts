import type { RequestContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { accessDenied, decide } from "@/lib/ram/authorize";
import { ramResourceArn } from "@/lib/ram/arns";
import { detachPolicy, listPoliciesFor, type AttachedPolicyView } from "@/lib/ram/attachments";
import { listGroupsForUser, removeUserFromGroup, type MembershipView } from "@/lib/ram/groups";
import { deleteLoginProfile, getLoginProfile, type LoginProfileView } from "@/lib/ram/login-profiles";
import { deleteAccessKey, listAccessKeys, type AccessKeyView } from "@/lib/ram/user-access-keys";
import { deleteUser, getUser, type UserView } from "@/lib/ram/users";

/**
 * The console's read model of RAM, built only from the RAM services (each read authorized and
 * audited as its API action), plus the console's "delete user with everything it has".
 */
export type ConsoleUser = {
  user: UserView;
  loginProfile?: LoginProfileView;
  accessKeys: AccessKeyView[];
  groups: MembershipView[];
  policies: AttachedPolicyView[];
};

/** A user's detail page: the user, its console password (if any), keys, groups and policies. */
export async function getConsoleUser(ctx: RequestContext, userName: string): Promise<ConsoleUser> {
  const user = await getUser(ctx, { userName });
  const [loginProfile, accessKeys, groups, policies] = await Promise.all([
    orUndefinedIfMissing(getLoginProfile(ctx, { userName: user.userName })),
    listAccessKeys(ctx, { userName: user.userName }),
    listGroupsForUser(ctx, { userName: user.userName }),
    listPoliciesFor(ctx, { principalType: "User", principalName: user.userName }),
  ]);
  return { user, loginProfile, accessKeys, groups, policies };
}

/**
 * Delete user as Alibaba's console offers it: its AccessKeys, group memberships, policies and
 * login profile go first, then the user (DeleteUser alone refuses while any remain). Every one
 * of those actions is authorized before the first change, so a caller allowed only some of
 * them gets the refusal and nothing is removed.
 */
export async function deleteUserWithEverything(ctx: RequestContext, userName: string): Promise<void> {
  const { user, loginProfile, accessKeys, groups, policies } = await getConsoleUser(ctx, userName);
  const name = user.userName;
  const userArn = ramResourceArn("user", name);
  const needed: { action: string; resourceArn: string }[] = [
    { action: "ram:DeleteUser", resourceArn: userArn },
    ...(accessKeys.length > 0 ? [{ action: "ram:DeleteAccessKey", resourceArn: userArn }] : []),
    ...(loginProfile ? [{ action: "ram:DeleteLoginProfile", resourceArn: userArn }] : []),
    ...(policies.length > 0 ? [{ action: "ram:DetachPolicyFromUser", resourceArn: userArn }] : []),
    ...groups.map((group) => ({ action: "ram:RemoveUserFromGroup", resourceArn: ramResourceArn("group", group.groupName) })),
  ];
  for (const check of needed) {
    const decision = await decide(ctx, check.action, check.resourceArn, {});
    if (decision.effect === "Deny") throw accessDenied(ctx, check.action, check.resourceArn, decision);
  }
  for (const key of accessKeys) await deleteAccessKey(ctx, { userName: name, userAccessKeyId: key.accessKeyId });
  for (const group of groups) await removeUserFromGroup(ctx, { userName: name, groupName: group.groupName });
  for (const policy of policies)
    await detachPolicy(ctx, { principalType: "User", principalName: name, policyType: policy.policyType, policyName: policy.policyName });
  if (loginProfile) await deleteLoginProfile(ctx, { userName: name });
  await deleteUser(ctx, { userName: name });
}

async function orUndefinedIfMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.httpStatus === 404) return undefined;
    throw error;
  }
}
