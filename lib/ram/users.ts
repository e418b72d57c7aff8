import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import type { Tx } from "@/lib/db/client";
import { operation } from "@/lib/service/operation";
import { forgetAccessKey } from "@/lib/account/access-keys";
import { ramResourceArn } from "@/lib/ram/arns";
import { ramErrors } from "@/lib/ram/errors";
import { checkEmail, checkLength, checkMobilePhone, checkName, numericId, RAM_LIMITS } from "@/lib/ram/names";
import { markerPage, type MarkerInput, type MarkerPage } from "@/lib/ram/paging";
import { forgetPrincipalPolicies } from "@/lib/ram/principal-policies";

/** RAM users: CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser. */
export type UserView = {
  userName: string;
  userId: string;
  displayName: string;
  mobilePhone: string;
  email: string;
  comments: string;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt?: Date;
};

export type UserFields = { displayName?: string; mobilePhone?: string; email?: string; comments?: string };
export type CreateUserInput = { userName: string } & UserFields;
export type UpdateUserInput = {
  userName: string;
  newUserName?: string;
  newDisplayName?: string;
  newMobilePhone?: string;
  newEmail?: string;
  newComments?: string;
};

type UserRow = NonNullable<Awaited<ReturnType<Tx["ramUser"]["findUnique"]>>>;

function toView(row: UserRow): UserView {
  return {
    userName: row.name,
    userId: row.userId,
    displayName: row.displayName,
    mobilePhone: row.mobilePhone,
    email: row.email,
    comments: row.comments,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(row.lastLoginAt ? { lastLoginAt: row.lastLoginAt } : {}),
  };
}

/** A user by name, case-insensitively (RAM names are); undefined when there is none. */
export async function findUserRow(name: string, tx?: Tx): Promise<UserRow | undefined> {
  const db = tx ?? getRuntime().db;
  const exact = await db.ramUser.findUnique({ where: { name } });
  if (exact) return exact;
  const lower = name.toLowerCase();
  return (await db.ramUser.findMany()).find((row) => row.name.toLowerCase() === lower);
}

export async function getUserRowOrThrow(name: string, tx?: Tx): Promise<UserRow> {
  const row = await findUserRow(name, tx);
  if (!row) throw ramErrors.userNotFound();
  return row;
}

function checkFields(fields: UserFields, prefix = ""): void {
  const displayName = fields.displayName;
  if (displayName !== undefined && (displayName.length === 0 || displayName.length > RAM_LIMITS.displayName.max)) {
    throw ramErrors.tooLong(`${prefix}DisplayName`);
  }
  checkMobilePhone(`${prefix}MobilePhone`, fields.mobilePhone);
  checkEmail(`${prefix}Email`, fields.email);
  checkLength(`${prefix}Comments`, fields.comments, RAM_LIMITS.comments.max);
}

export function createUser(ctx: RequestContext, input: CreateUserInput): Promise<UserView> {
  checkName("UserName", input.userName);
  checkFields(input);
  return operation(ctx, { service: "ram", action: "CreateUser", resourceArn: ramResourceArn("user", input.userName) }, async () => {
    if (await findUserRow(input.userName)) throw ramErrors.userExists();
    const at = now();
    const row = await getRuntime().db.ramUser.create({
      data: {
        name: input.userName,
        userId: numericId(16),
        displayName: input.displayName ?? input.userName,
        mobilePhone: input.mobilePhone ?? "",
        email: input.email ?? "",
        comments: input.comments ?? "",
        createdAt: at,
        updatedAt: at,
      },
    });
    return toView(row);
  });
}

export function getUser(ctx: RequestContext, input: { userName: string }): Promise<UserView> {
  return operation(ctx, { service: "ram", action: "GetUser", resourceArn: ramResourceArn("user", input.userName) }, async () =>
    toView(await getUserRowOrThrow(input.userName)),
  );
}

export function listUsers(ctx: RequestContext, input: MarkerInput = {}): Promise<MarkerPage<UserView>> {
  return operation(ctx, { service: "ram", action: "ListUsers", resourceArn: ramResourceArn("user") }, async () => {
    const rows = await getRuntime().db.ramUser.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
    return markerPage(rows.map(toView), input);
  });
}

/**
 * UpdateUser. A rename carries the user's AccessKeys, login profile, group memberships and
 * policy attachments along, in one transaction.
 */
export function updateUser(ctx: RequestContext, input: UpdateUserInput): Promise<UserView> {
  if (input.newUserName !== undefined) checkName("NewUserName", input.newUserName);
  checkFields(
    { displayName: input.newDisplayName, mobilePhone: input.newMobilePhone, email: input.newEmail, comments: input.newComments },
    "New",
  );
  return operation(ctx, { service: "ram", action: "UpdateUser", resourceArn: ramResourceArn("user", input.userName) }, async () => {
    const row = await getUserRowOrThrow(input.userName);
    const newName = input.newUserName;
    const renaming = newName !== undefined && newName !== row.name;
    if (renaming) {
      const clash = await findUserRow(newName);
      if (clash && clash.name !== row.name) throw ramErrors.userExists();
    }
    const { db } = getRuntime();
    const keys = await db.accessKey.findMany({ where: { userName: row.name }, select: { id: true } });
    const updated = await db.$transaction(async (tx) => {
      const user = await tx.ramUser.update({
        where: { name: row.name },
        data: {
          ...(renaming ? { name: newName } : {}),
          ...(input.newDisplayName !== undefined ? { displayName: input.newDisplayName } : {}),
          ...(input.newMobilePhone !== undefined ? { mobilePhone: input.newMobilePhone } : {}),
          ...(input.newEmail !== undefined ? { email: input.newEmail } : {}),
          ...(input.newComments !== undefined ? { comments: input.newComments } : {}),
          updatedAt: now(),
        },
      });
      if (renaming) {
        await tx.accessKey.updateMany({ where: { userName: row.name }, data: { userName: newName } });
        await tx.ramLoginProfile.updateMany({ where: { userName: row.name }, data: { userName: newName } });
        await tx.ramGroupMember.updateMany({ where: { userName: row.name }, data: { userName: newName } });
        await tx.ramPolicyAttachment.updateMany({
          where: { principalType: "User", principalName: row.name },
          data: { principalName: newName },
        });
      }
      return user;
    });
    if (renaming) {
      for (const key of keys) forgetAccessKey(key.id);
      forgetPrincipalPolicies();
    }
    return toView(updated);
  });
}

/** DeleteUser: refused while the user has AccessKeys, a login profile, policies or groups (RAM's DeleteConflict.User.*). */
export function deleteUser(ctx: RequestContext, input: { userName: string }): Promise<void> {
  return operation(ctx, { service: "ram", action: "DeleteUser", resourceArn: ramResourceArn("user", input.userName) }, async () => {
    const row = await getUserRowOrThrow(input.userName);
    const { db } = getRuntime();
    if ((await db.accessKey.count({ where: { userName: row.name } })) > 0) throw ramErrors.userHasAccessKeys();
    if ((await db.ramPolicyAttachment.count({ where: { principalType: "User", principalName: row.name } })) > 0) {
      throw ramErrors.userHasPolicies();
    }
    if ((await db.ramGroupMember.count({ where: { userName: row.name } })) > 0) throw ramErrors.userInGroups();
    if ((await db.ramLoginProfile.count({ where: { userName: row.name } })) > 0) throw ramErrors.userHasLoginProfile();
    await db.ramUser.delete({ where: { name: row.name } });
    forgetPrincipalPolicies();
  });
}
