import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { findAccessKey } from "@/lib/account/access-keys";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import type { SessionPrincipal } from "@/lib/console/sessions";

/** The two ways in: root with its AccessKey pair, a RAM user with its logon name and password. */
export const signInSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("root"),
    accessKeyId: z.string().trim().min(1).max(128),
    accessKeySecret: z.string().min(1).max(256),
  }),
  z.object({
    kind: z.literal("user"),
    logonName: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(128),
  }),
]);
export type SignInInput = z.infer<typeof signInSchema>;

/** One answer for every wrong credential, so the page does not tell which part was wrong. */
export const invalidCredentials = () =>
  new AppError("InvalidCredentials", "The logon name or password is incorrect.", 401);

/**
 * The RAM domain's password check (lib/ram/login-profiles.ts `verifyLoginPassword`): true when
 * the user exists, has a console password (login profile) and the password matches. Wired in
 * lib/ram/console-queries.ts so that this module does not import the RAM services directly.
 */
export const loginPasswordVerifier: { current?: (userName: string, password: string) => Promise<boolean> } = {};

/** Checks the credentials and returns who they belong to; throws `invalidCredentials()` otherwise. */
export async function verifySignIn(input: SignInInput): Promise<SessionPrincipal> {
  const { accountId } = getRuntime();
  if (input.kind === "root") {
    const key = await findAccessKey(input.accessKeyId);
    // Only the account's own pair signs in as root; a RAM user's AccessKey is not a console login.
    if (!key || key.principal.kind !== "root" || key.status !== "Active" || !sameSecret(key.secret, input.accessKeySecret))
      throw invalidCredentials();
    return { kind: "root", accountId };
  }
  const userName = userNameOfLogon(input.logonName, accountId);
  const verify = loginPasswordVerifier.current;
  if (!userName || !verify || !(await verify(userName, input.password))) throw invalidCredentials();
  return { kind: "user", accountId, userName };
}

/**
 * `alice` or `alice@<accountId>.onaliyun.com` (Alibaba's RAM logon form) → `alice`; another
 * account's domain → undefined.
 */
export function userNameOfLogon(logonName: string, accountId: string): string | undefined {
  const at = logonName.lastIndexOf("@");
  if (at < 0) return logonName;
  const domain = logonName.slice(at + 1).toLowerCase();
  return domain === `${accountId}.onaliyun.com` ? logonName.slice(0, at) : undefined;
}

function sameSecret(a: string, b: string): boolean {
  // Hashes first: timingSafeEqual needs equal lengths, and the length must not leak either.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
