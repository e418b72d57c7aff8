"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SIGN_IN_PATH } from "@/lib/console/context";
import { actionErrorOf, type ActionResult } from "@/lib/console/server-action";
import {
  createSession,
  deleteSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from "@/lib/console/sessions";
import { signInSchema, verifySignIn, type SignInInput } from "@/lib/console/sign-in";
import { getRuntime } from "@/lib/runtime";

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Strict (no other site's page can
 * make the browser send it, so a forged form POST to a server action arrives signed out), and
 * the session's own lifetime.
 */
const sessionCookie = {
  httpOnly: true,
  sameSite: "strict",
  path: "/",
  maxAge: SESSION_TTL_MS / 1000,
} as const;

/**
 * Sign-in: the one server action that runs without an identity (it is how one is obtained), so
 * it does not go through `consoleAction`; it verifies the credentials, starts a session and
 * replaces any session the browser had.
 */
export async function signIn(input: SignInInput): Promise<ActionResult<null>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      code: "MissingParameter",
      message: "Enter the logon name and the password.",
    };
  try {
    const principal = await verifySignIn(parsed.data);
    const jar = await cookies();
    await deleteSession(jar.get(SESSION_COOKIE)?.value);
    const { token } = await createSession(principal);
    jar.set(SESSION_COOKIE, token, sessionCookie);
  } catch (error) {
    return actionErrorOf(error);
  }
  redirect("/");
}

/**
 * Sign-out ends the session. In `auto-root` mode the console is then root's again (this is how
 * the identity switcher returns to root); in `required` mode the sign-in page comes next.
 */
export async function signOut(): Promise<void> {
  const jar = await cookies();
  await deleteSession(jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect(getRuntime().config.consoleAuth === "required" ? SIGN_IN_PATH : "/");
}
