import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import {
  addUserToGroup,
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  listGroupsForUser,
  listUsersForGroup,
  removeUserFromGroup,
  updateGroup,
} from "@/lib/ram/groups";
import { date, groupWire, markerInput, markerParams, name, optionalText, pageWire } from "./wire";

/** RAM groups and memberships (RAM 2015-05-01). */
export const groupActions: Record<string, ActionDefinition> = {
  CreateGroup: defineAction(z.object({ GroupName: name(), Comments: optionalText() }), async (ctx, p) => ({
    Group: groupWire(await createGroup(ctx, { groupName: p.GroupName, comments: p.Comments }), "create"),
  })),

  GetGroup: defineAction(z.object({ GroupName: name() }), async (ctx, p) => ({
    Group: groupWire(await getGroup(ctx, { groupName: p.GroupName }), "full"),
  })),

  ListGroups: defineAction(z.object(markerParams), async (ctx, p) => {
    const page = await listGroups(ctx, markerInput(p));
    return { Groups: { Group: page.items.map((g) => groupWire(g, "full")) }, ...pageWire(page) };
  }),

  UpdateGroup: defineAction(
    z.object({ GroupName: name(), NewGroupName: name().optional(), NewComments: optionalText() }),
    async (ctx, p) => ({
      Group: groupWire(
        await updateGroup(ctx, { groupName: p.GroupName, newGroupName: p.NewGroupName, newComments: p.NewComments }),
        "full",
      ),
    }),
  ),

  DeleteGroup: defineAction(z.object({ GroupName: name() }), async (ctx, p) => {
    await deleteGroup(ctx, { groupName: p.GroupName });
    return {};
  }),

  AddUserToGroup: defineAction(z.object({ UserName: name(), GroupName: name() }), async (ctx, p) => {
    await addUserToGroup(ctx, { userName: p.UserName, groupName: p.GroupName });
    return {};
  }),

  RemoveUserFromGroup: defineAction(z.object({ UserName: name(), GroupName: name() }), async (ctx, p) => {
    await removeUserFromGroup(ctx, { userName: p.UserName, groupName: p.GroupName });
    return {};
  }),

  ListGroupsForUser: defineAction(z.object({ UserName: name() }), async (ctx, p) => {
    const groups = await listGroupsForUser(ctx, { userName: p.UserName });
    return {
      Groups: {
        Group: groups.map((g) => ({ GroupId: g.groupId, GroupName: g.groupName, Comments: g.comments, JoinDate: date(g.joinDate) })),
      },
    };
  }),

  ListUsersForGroup: defineAction(z.object({ GroupName: name(), ...markerParams }), async (ctx, p) => {
    const page = await listUsersForGroup(ctx, { groupName: p.GroupName, ...markerInput(p) });
    return {
      Users: { User: page.items.map((u) => ({ UserName: u.userName, DisplayName: u.displayName, JoinDate: date(u.joinDate) })) },
      ...pageWire(page),
    };
  }),
};
