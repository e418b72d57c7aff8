"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import {
  addUserToGroup,
  createGroup as createGroupService,
  deleteGroup as deleteGroupService,
} from "@/lib/ram/groups";

const groupName = z.string().min(1).max(64);

export const createGroup = consoleAction(
  z.object({ groupName, comments: z.string().max(128).optional() }),
  async (ctx, input) => {
    const group = await createGroupService(ctx, {
      groupName: input.groupName,
      comments: input.comments || undefined,
    });
    return { groupName: group.groupName };
  },
);

/** Refused by RAM while the group has members or policies (DeleteConflict.Group.*): the page says which. */
export const deleteGroup = consoleAction(z.object({ groupName }), async (ctx, input) => {
  await deleteGroupService(ctx, input);
  return null;
});

export const addMember = consoleAction(
  z.object({ groupName, userName: z.string().min(1).max(64) }),
  async (ctx, input) => {
    await addUserToGroup(ctx, input);
    return null;
  },
);
