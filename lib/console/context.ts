import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { RequestContext } from "@/lib/context";
import { requestId } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { resolveSession, SESSION_COOKIE, type SessionPrincipal } from "@/lib/console/sessions";

/** Set by server/main.ts from the socket for every console request. */
const SOURCE_IP_HEADER = "x-diskseal-source-ip";

/** Where a signed-out visitor is sent in `required` mode. */
export const SIGN_IN_PATH = "/signin";

/**
 * Who uses the console in this request: the session's principal; without a session, root in
 * `auto-root` mode and nobody (undefined) in `required` mode. Cached per request: the layout,
 * the page and the permission probe ask the database once.
 */
export const consolePrincipal = cache(async (): Promise<SessionPrincipal | undefined> => {
  const runtime = getRuntime();
  const session = await resolveSession((await cookies()).get(SESSION_COOKIE)?.value);
  if (session) return session;
  return runtime.config.consoleAuth === "auto-root" ? { kind: "root", accountId: runtime.accountId } : undefined;
});

/**
 * The console's request context: the signed-in principal, so the services' `authorize()` decides
 * for pages, server actions and the terminal alike. Signed out in `required` mode, pages and
 * server actions are redirected to the sign-in page; route handlers use `consoleContextOrNull`.
 */
export async function consoleContext(regionId?: string): Promise<RequestContext> {
  const ctx = await consoleContextOrNull(regionId);
  if (!ctx) redirect(SIGN_IN_PATH);
  return ctx;
}

/** The same context, or null when nobody is signed in (the terminal's routes answer 401). */
export async function consoleContextOrNull(regionId?: string): Promise<RequestContext | null> {
  const principal = await consolePrincipal();
  if (!principal) return null;
  const runtime = getRuntime();
  const incoming = await headers();
  return {
    principal,
    regionId: regionId ?? runtime.config.defaultRegionId,
    requestId: requestId(),
    source: "console",
    sourceIp: incoming.get(SOURCE_IP_HEADER) ?? undefined,
    secureTransport: false,
  };
}
