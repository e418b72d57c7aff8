import type { RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import type { Tx } from "@/lib/db/client";
import { operation } from "@/lib/service/operation";
import { ramResourceArn } from "@/lib/ram/arns";
import { ramErrors } from "@/lib/ram/errors";
import { checkLength, checkName, numericId, RAM_LIMITS } from "@/lib/ram/names";
import { markerPage, type MarkerInput, type MarkerPage } from "@/lib/ram/paging";
import { forgetPrincipalPolicies } from "@/lib/ram/principal-policies";
import { getUserRowOrThrow, type UserView } from "@/lib/ram/users";

/**
 * RAM groups and memberships: CreateGroup, GetGroup, ListGroups, UpdateGroup, DeleteGroup,
 * AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser, ListUsersForGroup. A group's
 * policies count for each member (lib/ram/principal-policies.ts).
 */
export type GroupView = { groupName: string; groupId: string; comments: string; createdAt: Date; updatedAt: Date };
export type MembershipView = GroupView & { joinDate: Date };
export type MemberView = Pick<UserView, "userName" | "displayName"> & { joinDate: Date };

type GroupRow = NonNullable<Awaited<ReturnType<Tx["ramGroup"]["findUnique"]>>>;
const toView = (row: GroupRow): GroupView => ({
  groupName: row.name,
  groupId: row.groupId,
  comments: row.comments,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export async function findGroupRow(name: string, tx?: Tx): Promise<GroupRow | undefined> {
  const db = tx ?? getRuntime().db;
  const exact = await db.ramGroup.findUnique({ where: { name } });
  if (exact) return exact;
  const lower = name.toLowerCase();
  return (await db.ramGroup.findMany()).find((row) => row.name.toLowerCase() === lower);
}

export async function getGroupRowOrThrow(name: string): Promise<GroupRow> {
  const row = await findGroupRow(name);
  if (!row) throw ramErrors.groupNotFound();
  return row;
}

const groupArn = (name?: string) => ramResourceArn("group", name);

export function createGroup(ctx: RequestContext, input: { groupName: string; comments?: string }): Promise<GroupView> {
  checkName("GroupName", input.groupName);
  checkLength("Comments", input.comments, RAM_LIMITS.comments.max);
  return operation(ctx, { service: "ram", action: "CreateGroup", resourceArn: groupArn(input.groupName) }, async () => {
    if (await findGroupRow(input.groupName)) throw ramErrors.groupExists();
    const at = now();
    const row = await getRuntime().db.ramGroup.create({
      data: { name: input.groupName, groupId: numericId(16), comments: input.comments ?? "", createdAt: at, updatedAt: at },
    });
    return toView(row);
  });
}

export function getGroup(ctx: RequestContext, input: { groupName: string }): Promise<GroupView> {
  return operation(ctx, { service: "ram", action: "GetGroup", resourceArn: groupArn(input.groupName) }, async () =>
    toView(await getGroupRowOrThrow(input.groupName)),
  );
}

export function listGroups(ctx: RequestContext, input: MarkerInput = {}): Promise<MarkerPage<GroupView>> {
  return operation(ctx, { service: "ram", action: "ListGroups", resourceArn: groupArn() }, async () => {
    const rows = await getRuntime().db.ramGroup.findMany({ orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
    return markerPage(rows.map(toView), input);
  });
}

/** UpdateGroup: a rename carries memberships and attachments along. */
export function updateGroup(
  ctx: RequestContext,
  input: { groupName: string; newGroupName?: string; newComments?: string },
): Promise<GroupView> {
  if (input.newGroupName !== undefined) checkName("NewGroupName", input.newGroupName);
  checkLength("NewComments", input.newComments, RAM_LIMITS.comments.max);
  return operation(ctx, { service: "ram", action: "UpdateGroup", resourceArn: groupArn(input.groupName) }, async () => {
    const row = await getGroupRowOrThrow(input.groupName);
    const newName = input.newGroupName;
    const renaming = newName !== undefined && newName !== row.name;
    if (renaming) {
      const clash = await findGroupRow(newName);
      if (clash && clash.name !== row.name) throw ramErrors.groupExists();
    }
    const updated = await getRuntime().db.$transaction(async (tx) => {
      const group = await tx.ramGroup.update({
        where: { name: row.name },
        data: {
          ...(renaming ? { name: newName } : {}),
          ...(input.newComments !== undefined ? { comments: input.newComments } : {}),
          updatedAt: now(),
        },
      });
      if (renaming) {
        await tx.ramGroupMember.updateMany({ where: { groupName: row.name }, data: { groupName: newName } });
        await tx.ramPolicyAttachment.updateMany({
          where: { principalType: "Group", principalName: row.name },
          data: { principalName: newName },
        });
      }
      return group;
    });
    forgetPrincipalPolicies();
    return toView(updated);
  });
}

/** DeleteGroup: refused while it has members or policies (DeleteConflict.Group.*). */
export function deleteGroup(ctx: RequestContext, input: { groupName: string }): Promise<void> {
  return operation(ctx, { service: "ram", action: "DeleteGroup", resourceArn: groupArn(input.groupName) }, async () => {
    const row = await getGroupRowOrThrow(input.groupName);
    const { db } = getRuntime();
    if ((await db.ramGroupMember.count({ where: { groupName: row.name } })) > 0) throw ramErrors.groupHasUsers();
    if ((await db.ramPolicyAttachment.count({ where: { principalType: "Group", principalName: row.name } })) > 0) {
      throw ramErrors.groupHasPolicies();
    }
    await db.ramGroup.delete({ where: { name: row.name } });
  });
}

export function addUserToGroup(ctx: RequestContext, input: { userName: string; groupName: string }): Promise<void> {
  return operation(ctx, { service: "ram", action: "AddUserToGroup", resourceArn: groupArn(input.groupName) }, async () => {
    const group = await getGroupRowOrThrow(input.groupName);
    const user = await getUserRowOrThrow(input.userName);
    const { db } = getRuntime();
    const key = { groupName: group.name, userName: user.name };
    if (await db.ramGroupMember.findUnique({ where: { groupName_userName: key } })) throw ramErrors.userInGroup();
    await db.ramGroupMember.create({ data: { ...key, joinedAt: now() } });
    forgetPrincipalPolicies();
  });
}

export function removeUserFromGroup(ctx: RequestContext, input: { userName: string; groupName: string }): Promise<void> {
  return operation(ctx, { service: "ram", action: "RemoveUserFromGroup", resourceArn: groupArn(input.groupName) }, async () => {
    const group = await getGroupRowOrThrow(input.groupName);
    const user = await getUserRowOrThrow(input.userName);
    const { db } = getRuntime();
    const key = { groupName: group.name, userName: user.name };
    if (!(await db.ramGroupMember.findUnique({ where: { groupName_userName: key } }))) throw ramErrors.userNotInGroup();
    await db.ramGroupMember.delete({ where: { groupName_userName: key } });
    forgetPrincipalPolicies();
  });
}

export function listGroupsForUser(ctx: RequestContext, input: { userName: string }): Promise<MembershipView[]> {
  return operation(ctx, { service: "ram", action: "ListGroupsForUser", resourceArn: ramResourceArn("user", input.userName) }, async () => {
    const user = await getUserRowOrThrow(input.userName);
    const { db } = getRuntime();
    const memberships = await db.ramGroupMember.findMany({ where: { userName: user.name }, orderBy: [{ joinedAt: "asc" }, { groupName: "asc" }, { userName: "asc" }] });
    const groups = await db.ramGroup.findMany({ where: { name: { in: memberships.map((m) => m.groupName) } } });
    return memberships.flatMap((m) => {
      const group = groups.find((g) => g.name === m.groupName);
      return group ? [{ ...toView(group), joinDate: m.joinedAt }] : [];
    });
  });
}

export function listUsersForGroup(
  ctx: RequestContext,
  input: { groupName: string } & MarkerInput,
): Promise<MarkerPage<MemberView>> {
  return operation(ctx, { service: "ram", action: "ListUsersForGroup", resourceArn: groupArn(input.groupName) }, async () => {
    const group = await getGroupRowOrThrow(input.groupName);
    const { db } = getRuntime();
    const memberships = await db.ramGroupMember.findMany({ where: { groupName: group.name }, orderBy: [{ joinedAt: "asc" }, { groupName: "asc" }, { userName: "asc" }] });
    const users = await db.ramUser.findMany({ where: { name: { in: memberships.map((m) => m.userName) } } });
    const members = memberships.flatMap((m) => {
      const user = users.find((u) => u.name === m.userName);
      return user ? [{ userName: user.name, displayName: user.displayName, joinDate: m.joinedAt }] : [];
    });
    return markerPage(members, input);
  });
}
