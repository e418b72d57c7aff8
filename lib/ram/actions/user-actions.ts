import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { bool, oneOf } from "@/lib/openapi/params";
import { createUser, deleteUser, getUser, listUsers, updateUser } from "@/lib/ram/users";
import { createAccessKey, deleteAccessKey, listAccessKeys, updateAccessKey } from "@/lib/ram/user-access-keys";
import {
  createLoginProfile,
  deleteLoginProfile,
  getLoginProfile,
  updateLoginProfile,
  type LoginProfileView,
} from "@/lib/ram/login-profiles";
import { date, markerInput, markerParams, name, optionalText, pageWire, userWire } from "./wire";

const loginProfileWire = (profile: LoginProfileView) => ({
  UserName: profile.userName,
  PasswordResetRequired: profile.passwordResetRequired,
  MFABindRequired: profile.mfaBindRequired,
  CreateDate: date(profile.createdAt),
});

/** RAM users, their AccessKeys and login profiles (RAM 2015-05-01). */
export const userActions: Record<string, ActionDefinition> = {
  CreateUser: defineAction(
    z.object({ UserName: name(), DisplayName: optionalText(), MobilePhone: optionalText(), Email: optionalText(), Comments: optionalText() }),
    async (ctx, p) => ({
      User: userWire(
        await createUser(ctx, { userName: p.UserName, displayName: p.DisplayName, mobilePhone: p.MobilePhone, email: p.Email, comments: p.Comments }),
        "create",
      ),
    }),
  ),

  GetUser: defineAction(z.object({ UserName: name() }), async (ctx, p) => {
    const user = await getUser(ctx, { userName: p.UserName });
    return { User: { ...userWire(user, "full"), ...(user.lastLoginAt ? { LastLoginDate: date(user.lastLoginAt) } : {}) } };
  }),

  ListUsers: defineAction(z.object(markerParams), async (ctx, p) => {
    const page = await listUsers(ctx, markerInput(p));
    return { Users: { User: page.items.map((u) => userWire(u, "full")) }, ...pageWire(page) };
  }),

  UpdateUser: defineAction(
    z.object({
      UserName: name(),
      NewUserName: name().optional(),
      NewDisplayName: optionalText(),
      NewMobilePhone: optionalText(),
      NewEmail: optionalText(),
      NewComments: optionalText(),
    }),
    async (ctx, p) => ({
      User: userWire(
        await updateUser(ctx, {
          userName: p.UserName,
          newUserName: p.NewUserName,
          newDisplayName: p.NewDisplayName,
          newMobilePhone: p.NewMobilePhone,
          newEmail: p.NewEmail,
          newComments: p.NewComments,
        }),
        "full",
      ),
    }),
  ),

  DeleteUser: defineAction(z.object({ UserName: name() }), async (ctx, p) => {
    await deleteUser(ctx, { userName: p.UserName });
    return {};
  }),

  CreateAccessKey: defineAction(z.object({ UserName: name().optional() }), async (ctx, p) => {
    const key = await createAccessKey(ctx, { userName: p.UserName });
    return {
      AccessKey: { AccessKeyId: key.accessKeyId, AccessKeySecret: key.accessKeySecret, Status: key.status, CreateDate: date(key.createdAt) },
    };
  }),

  ListAccessKeys: defineAction(z.object({ UserName: name().optional() }), async (ctx, p) => {
    const keys = await listAccessKeys(ctx, { userName: p.UserName });
    return { AccessKeys: { AccessKey: keys.map((k) => ({ AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: date(k.createdAt) })) } };
  }),

  UpdateAccessKey: defineAction(
    z.object({ UserName: name().optional(), UserAccessKeyId: name(), Status: oneOf(["Active", "Inactive"]) }),
    async (ctx, p) => {
      await updateAccessKey(ctx, { userName: p.UserName, userAccessKeyId: p.UserAccessKeyId, status: p.Status });
      return {};
    },
  ),

  DeleteAccessKey: defineAction(z.object({ UserName: name().optional(), UserAccessKeyId: name() }), async (ctx, p) => {
    await deleteAccessKey(ctx, { userName: p.UserName, userAccessKeyId: p.UserAccessKeyId });
    return {};
  }),

  CreateLoginProfile: defineAction(
    z.object({ UserName: name(), Password: name(), PasswordResetRequired: bool().optional(), MFABindRequired: bool().optional() }),
    async (ctx, p) => ({
      LoginProfile: loginProfileWire(
        await createLoginProfile(ctx, {
          userName: p.UserName,
          password: p.Password,
          passwordResetRequired: p.PasswordResetRequired,
          mfaBindRequired: p.MFABindRequired,
        }),
      ),
    }),
  ),

  GetLoginProfile: defineAction(z.object({ UserName: name() }), async (ctx, p) => ({
    LoginProfile: loginProfileWire(await getLoginProfile(ctx, { userName: p.UserName })),
  })),

  UpdateLoginProfile: defineAction(
    z.object({ UserName: name(), Password: name().optional(), PasswordResetRequired: bool().optional(), MFABindRequired: bool().optional() }),
    async (ctx, p) => {
      await updateLoginProfile(ctx, {
        userName: p.UserName,
        password: p.Password,
        passwordResetRequired: p.PasswordResetRequired,
        mfaBindRequired: p.MFABindRequired,
      });
      return {};
    },
  ),

  DeleteLoginProfile: defineAction(z.object({ UserName: name() }), async (ctx, p) => {
    await deleteLoginProfile(ctx, { userName: p.UserName });
    return {};
  }),
};
