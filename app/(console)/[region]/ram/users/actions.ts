"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { isPasswordCompliant } from "@/lib/ram/password-hash";
import { ramErrors } from "@/lib/ram/errors";
import { addUserToGroup, removeUserFromGroup } from "@/lib/ram/groups";
import {
  createLoginProfile,
  deleteLoginProfile,
  updateLoginProfile,
} from "@/lib/ram/login-profiles";
import {
  createAccessKey as createAccessKeyService,
  deleteAccessKey as deleteAccessKeyService,
  updateAccessKey,
} from "@/lib/ram/user-access-keys";
import { createUser as createUserService } from "@/lib/ram/users";
import { deleteUserWithEverything } from "@/lib/ram/console-queries";

const userName = z.string().min(1).max(64);

/**
 * Users › Create user: the user, and with "Console access" its login profile. The password is
 * checked against the password policy first, so a weak one creates nothing.
 */
export const createUser = consoleAction(
  z.object({
    userName,
    displayName: z.string().max(128).optional(),
    comments: z.string().max(128).optional(),
    password: z.string().max(32).optional(),
    passwordResetRequired: z.boolean().optional(),
  }),
  async (ctx, input) => {
    if (input.password !== undefined && !isPasswordCompliant(input.password))
      throw ramErrors.weakPassword();
    const user = await createUserService(ctx, {
      userName: input.userName,
      displayName: input.displayName || undefined,
      comments: input.comments || undefined,
    });
    if (input.password !== undefined)
      await createLoginProfile(ctx, {
        userName: user.userName,
        password: input.password,
        passwordResetRequired: input.passwordResetRequired,
      });
    return { userName: user.userName };
  },
);

/** Delete user, as the console does it: keys, groups, policies and login profile go with it. */
export const deleteUser = consoleAction(z.object({ userName }), async (ctx, input) => {
  await deleteUserWithEverything(ctx, input.userName);
  return null;
});

/** Create AccessKey: the secret is in this one answer and nowhere else afterwards. */
export const createAccessKey = consoleAction(z.object({ userName }), async (ctx, input) => {
  const key = await createAccessKeyService(ctx, { userName: input.userName });
  return { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret };
});

export const setAccessKeyStatus = consoleAction(
  z.object({
    userName,
    accessKeyId: z.string().min(1).max(64),
    status: z.enum(["Active", "Inactive"]),
  }),
  async (ctx, input) => {
    await updateAccessKey(ctx, {
      userName: input.userName,
      userAccessKeyId: input.accessKeyId,
      status: input.status,
    });
    return null;
  },
);

export const deleteAccessKey = consoleAction(
  z.object({ userName, accessKeyId: z.string().min(1).max(64) }),
  async (ctx, input) => {
    await deleteAccessKeyService(ctx, {
      userName: input.userName,
      userAccessKeyId: input.accessKeyId,
    });
    return null;
  },
);

export const joinGroup = consoleAction(
  z.object({ userName, groupName: z.string().min(1).max(64) }),
  async (ctx, input) => {
    await addUserToGroup(ctx, input);
    return null;
  },
);

export const leaveGroup = consoleAction(
  z.object({ userName, groupName: z.string().min(1).max(64) }),
  async (ctx, input) => {
    await removeUserFromGroup(ctx, input);
    return null;
  },
);

/** Console access: set (create or change) the password, or remove it. */
export const setLoginPassword = consoleAction(
  z.object({
    userName,
    password: z.string().min(1).max(32),
    passwordResetRequired: z.boolean(),
    exists: z.boolean(),
  }),
  async (ctx, input) => {
    const profile = {
      userName: input.userName,
      password: input.password,
      passwordResetRequired: input.passwordResetRequired,
    };
    if (input.exists) await updateLoginProfile(ctx, profile);
    else await createLoginProfile(ctx, profile);
    return null;
  },
);

export const removeLoginPassword = consoleAction(z.object({ userName }), async (ctx, input) => {
  await deleteLoginProfile(ctx, input);
  return null;
});
