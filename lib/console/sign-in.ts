import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { findAccessKey } from "@/lib/account/access-keys";
import { AppError } from "@/lib/errors";
import { verifyLoginPassword } from "@/lib/ram/login-profiles";
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
  // `name` or `name@<accountId>.onaliyun.com`; RAM answers every wrong part alike, in the same time.
  const verdict = await verifyLoginPassword(input.logonName, input.password);
  if (!verdict.ok) throw invalidCredentials();
  return verdict.principal;
}

function sameSecret(a: string, b: string): boolean {
  // Hashes first: timingSafeEqual needs equal lengths, and the length must not leak either.
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
