import type { RequestContext, Principal } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { ramResourceArn } from "@/lib/ram/arns";
import { ramErrors } from "@/lib/ram/errors";
import { decoyHash, hashPassword, isPasswordCompliant, verifyPassword } from "@/lib/ram/password-hash";
import { findUserRow, getUserRowOrThrow } from "@/lib/ram/users";

/**
 * A RAM user's console login: CreateLoginProfile, GetLoginProfile, UpdateLoginProfile,
 * DeleteLoginProfile, and `verifyLoginPassword` for the console's sign-in. Only the scrypt hash
 * of a password is stored (lib/ram/password-hash.ts).
 */
export type LoginProfileView = {
  userName: string;
  passwordResetRequired: boolean;
  mfaBindRequired: boolean;
  createdAt: Date;
};

export type LoginProfileInput = {
  userName: string;
  password?: string;
  passwordResetRequired?: boolean;
  mfaBindRequired?: boolean;
};

function checkPassword(password: string | undefined): void {
  if (password !== undefined && !isPasswordCompliant(password)) throw ramErrors.weakPassword();
}

async function getProfileOrThrow(userName: string) {
  const user = await getUserRowOrThrow(userName);
  const profile = await getRuntime().db.ramLoginProfile.findUnique({ where: { userName: user.name } });
  if (!profile) throw ramErrors.loginProfileNotFound();
  return profile;
}

const toView = (row: { userName: string; passwordResetRequired: boolean; mfaBindRequired: boolean; createdAt: Date }) => ({
  userName: row.userName,
  passwordResetRequired: row.passwordResetRequired,
  mfaBindRequired: row.mfaBindRequired,
  createdAt: row.createdAt,
});

export function createLoginProfile(ctx: RequestContext, input: LoginProfileInput & { password: string }): Promise<LoginProfileView> {
  checkPassword(input.password);
  return operation(ctx, { service: "ram", action: "CreateLoginProfile", resourceArn: ramResourceArn("user", input.userName) }, async () => {
    const user = await getUserRowOrThrow(input.userName);
    const { db } = getRuntime();
    if (await db.ramLoginProfile.findUnique({ where: { userName: user.name } })) throw ramErrors.loginProfileExists();
    const at = now();
    const row = await db.ramLoginProfile.create({
      data: {
        userName: user.name,
        passwordHash: await hashPassword(input.password),
        passwordResetRequired: input.passwordResetRequired ?? false,
        mfaBindRequired: input.mfaBindRequired ?? false,
        createdAt: at,
        updatedAt: at,
      },
    });
    return toView(row);
  });
}

export function getLoginProfile(ctx: RequestContext, input: { userName: string }): Promise<LoginProfileView> {
  return operation(ctx, { service: "ram", action: "GetLoginProfile", resourceArn: ramResourceArn("user", input.userName) }, async () =>
    toView(await getProfileOrThrow(input.userName)),
  );
}

export function updateLoginProfile(ctx: RequestContext, input: LoginProfileInput): Promise<LoginProfileView> {
  checkPassword(input.password);
  return operation(ctx, { service: "ram", action: "UpdateLoginProfile", resourceArn: ramResourceArn("user", input.userName) }, async () => {
    const profile = await getProfileOrThrow(input.userName);
    const row = await getRuntime().db.ramLoginProfile.update({
      where: { userName: profile.userName },
      data: {
        ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
        ...(input.passwordResetRequired !== undefined ? { passwordResetRequired: input.passwordResetRequired } : {}),
        ...(input.mfaBindRequired !== undefined ? { mfaBindRequired: input.mfaBindRequired } : {}),
        updatedAt: now(),
      },
    });
    return toView(row);
  });
}

export function deleteLoginProfile(ctx: RequestContext, input: { userName: string }): Promise<void> {
  return operation(ctx, { service: "ram", action: "DeleteLoginProfile", resourceArn: ramResourceArn("user", input.userName) }, async () => {
    const profile = await getProfileOrThrow(input.userName);
    await getRuntime().db.ramLoginProfile.delete({ where: { userName: profile.userName } });
  });
}

export type LoginVerdict =
  | { ok: true; principal: Extract<Principal, { kind: "user" }>; passwordResetRequired: boolean }
  | { ok: false };

/**
 * The console's sign-in check for a RAM user: `name` or `name@<accountId>.onaliyun.com` and
 * the password. Unknown users, users without a login profile, another account's domain and
 * wrong passwords are one refusal, answered in the same time (a decoy hash is compared), so the
 * answer tells nothing about which names exist. A success records the user's last login.
 */
export async function verifyLoginPassword(principalName: string, password: string): Promise<LoginVerdict> {
  const { accountId, db } = getRuntime();
  const at = principalName.lastIndexOf("@");
  const name = at === -1 ? principalName : principalName.slice(0, at);
  const domainOk = at === -1 || principalName.slice(at + 1).toLowerCase() === `${accountId}.onaliyun.com`;
  const user = domainOk && name !== "" ? await findUserRow(name) : undefined;
  const profile = user ? await db.ramLoginProfile.findUnique({ where: { userName: user.name } }) : null;
  const matches = await verifyPassword(password, profile?.passwordHash ?? (await decoyHash()));
  if (!user || !profile || !matches) return { ok: false };
  await db.ramUser.update({ where: { name: user.name }, data: { lastLoginAt: now() } });
  return {
    ok: true,
    principal: { kind: "user", accountId, userName: user.name },
    passwordResetRequired: profile.passwordResetRequired,
  };
}
