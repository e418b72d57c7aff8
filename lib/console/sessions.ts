import { createHash, randomBytes } from "node:crypto";
import type { Principal } from "@/lib/context";
import { findUserRow } from "@/lib/ram/users";
import { getRuntime } from "@/lib/runtime";

/**
 * Console sessions. The browser holds a random 256-bit token in an httpOnly cookie; the database
 * holds only its SHA-256, so a copy of the database cannot be replayed as a sign-in. Sessions
 * expire after SESSION_TTL_MS of real time (the emulator clock can be advanced by hours; that
 * must not sign anyone out) and end at sign-out.
 */
export const SESSION_COOKIE = "diskseal_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type SessionPrincipal = Extract<Principal, { kind: "root" | "user" }>;

const hashOf = (token: string) => createHash("sha256").update(token).digest("base64url");

/** Starts a session for a verified principal; the token goes into the cookie, never the database. */
export async function createSession(principal: SessionPrincipal): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + SESSION_TTL_MS);
  const { db } = getRuntime();
  // Expired rows are swept here rather than by a timer: sign-ins are rare and this keeps the table small.
  await db.consoleSession.deleteMany({ where: { expiresAt: { lt: createdAt } } });
  await db.consoleSession.create({
    data: {
      tokenHash: hashOf(token),
      accountId: principal.accountId,
      userName: principal.kind === "user" ? principal.userName : null,
      userId: principal.kind === "user" ? ((await findUserRow(principal.userName))?.userId ?? null) : null,
      createdAt,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

/** The principal of a live session, or undefined for an unknown, expired or foreign token. */
export async function resolveSession(token: string | undefined): Promise<SessionPrincipal | undefined> {
  if (!token || token.length > 128) return undefined;
  const { db, accountId } = getRuntime();
  const row = await db.consoleSession.findUnique({ where: { tokenHash: hashOf(token) } });
  if (!row || row.expiresAt.getTime() <= Date.now() || row.accountId !== accountId) return undefined;
  if (!row.userName) return { kind: "root", accountId: row.accountId };
  // A deleted user's session ends with it (a new user of the same name must sign in anew).
  const user = await findUserRow(row.userName);
  if (!user || user.userId !== row.userId) return undefined;
  return { kind: "user", accountId: row.accountId, userName: user.name };
}

export async function deleteSession(token: string | undefined): Promise<void> {
  if (!token) return;
  await getRuntime().db.consoleSession.deleteMany({ where: { tokenHash: hashOf(token) } });
}
