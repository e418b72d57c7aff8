import type { RequestContext } from "@/lib/context";
import { principalName } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { uuid } from "@/lib/ids";
import { processSingleton } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import type { Terminal } from "@/lib/ecs/guest";
import { getHypervisor } from "@/lib/ecs/hypervisor";
import { instanceErrors } from "@/lib/ecs/instances/errors";
import { getInstanceOrThrow, instanceArn } from "@/lib/ecs/instances/instance-lookup";

/**
 * The console's remote terminal, over requests: a session outlives the request that opened it,
 * so that a server-sent-events GET can stream its output (replaying from a sequence number after
 * a reconnect) while POSTs send lines. Output is "\n"-terminated text (xterm.js: convertEol).
 * Sessions end when the guest closes them (exit, reboot, stop), on `closeTerminalSession`, or
 * after IDLE_MS without a subscriber.
 */
export type TerminalChunk = { seq: number; text: string };
export type TerminalEnd = "exit" | "reboot" | "poweroff" | "terminated";

type TerminalSession = {
  id: string;
  instanceId: string;
  owner: string;
  terminal: Terminal;
  chunks: TerminalChunk[];
  nextSeq: number;
  ended?: TerminalEnd;
  listeners: Set<{ onChunk: (chunk: TerminalChunk) => void; onEnd: (reason: TerminalEnd) => void }>;
  idleTimer?: NodeJS.Timeout;
};

const KEPT_CHUNKS = 2000;
export const TERMINAL_IDLE_MS = 10 * 60 * 1000;
const sessions = processSingleton("ecs.terminalSessions", () => new Map<string, TerminalSession>());

const notFound = () => new AppError("InvalidSessionId.NotFound", "The specified terminal session does not exist.", 404);

/**
 * Opens a terminal on a Running instance's guest (403 IncorrectInstanceStatus otherwise). It
 * shows the banner and prompt once the guest is up — nothing while it hangs. Audited as ECS
 * StartTerminalSession.
 */
export function openTerminalSession(ctx: RequestContext, input: { instanceId: string; echo?: boolean }): Promise<{ sessionId: string }> {
  const resourceArn = instanceArn(ctx.regionId, input.instanceId);
  return operation(ctx, { service: "ecs", action: "StartTerminalSession", resourceArn }, async () => {
    const instance = await getInstanceOrThrow(ctx.regionId, input.instanceId);
    const guest = getHypervisor().guest(instance.id);
    if (instance.status !== "Running" || !guest) throw instanceErrors.incorrectStatus();
    const id = uuid();
    const session: TerminalSession = {
      id,
      instanceId: instance.id,
      owner: principalName(ctx.principal),
      chunks: [],
      nextSeq: 1,
      listeners: new Set(),
      terminal: undefined as unknown as Terminal,
    };
    sessions.set(id, session);
    session.terminal = guest.openTerminal({
      echo: input.echo,
      onOutput: (text) => publish(session, text),
      onClose: (reason) => end(session, reason),
    });
    armIdleTimer(session);
    return { sessionId: id };
  });
}

function sessionOf(ctx: RequestContext, sessionId: string): TerminalSession {
  const session = sessions.get(sessionId);
  if (!session || session.owner !== principalName(ctx.principal)) throw notFound();
  return session;
}

function publish(session: TerminalSession, text: string): void {
  const chunk = { seq: session.nextSeq++, text };
  session.chunks.push(chunk);
  if (session.chunks.length > KEPT_CHUNKS) session.chunks.splice(0, session.chunks.length - KEPT_CHUNKS);
  for (const listener of session.listeners) listener.onChunk(chunk);
}

function end(session: TerminalSession, reason: TerminalEnd): void {
  if (session.ended) return;
  session.ended = reason;
  for (const listener of session.listeners) listener.onEnd(reason);
  session.listeners.clear();
  clearTimeout(session.idleTimer);
  // Keep the ended session briefly so that a reconnecting stream still gets its last words.
  setTimeout(() => sessions.delete(session.id), 60_000).unref?.();
}

function armIdleTimer(session: TerminalSession): void {
  clearTimeout(session.idleTimer);
  if (session.listeners.size > 0 || session.ended) return;
  session.idleTimer = setTimeout(() => session.terminal.close(), TERMINAL_IDLE_MS);
  session.idleTimer.unref?.();
}

/**
 * Streams a session: the chunks after `afterSeq` at once, then each new one; `onEnd` once it
 * ends (at once if it has). Returns the unsubscribe function (call it when the stream closes).
 */
export function subscribeTerminal(
  ctx: RequestContext,
  sessionId: string,
  afterSeq: number,
  handlers: { onChunk: (chunk: TerminalChunk) => void; onEnd: (reason: TerminalEnd) => void },
): () => void {
  const session = sessionOf(ctx, sessionId);
  for (const chunk of session.chunks) if (chunk.seq > afterSeq) handlers.onChunk(chunk);
  if (session.ended) {
    handlers.onEnd(session.ended);
    return () => {};
  }
  const listener = { ...handlers };
  session.listeners.add(listener);
  clearTimeout(session.idleTimer);
  return () => {
    session.listeners.delete(listener);
    armIdleTimer(session);
  };
}

/** One line as typed (without its newline); Ctrl-C with `interrupt`. */
export function sendTerminalInput(ctx: RequestContext, sessionId: string, input: { line?: string; interrupt?: boolean }): void {
  const session = sessionOf(ctx, sessionId);
  if (input.interrupt) session.terminal.interrupt();
  if (input.line !== undefined) {
    for (const line of input.line.split(/\r?\n/)) session.terminal.input(line);
  }
}

export function closeTerminalSession(ctx: RequestContext, sessionId: string): void {
  sessionOf(ctx, sessionId).terminal.close();
}

/** The session's whole kept output as text (the accessible `role="log"` mirror, tests). */
export function terminalText(ctx: RequestContext, sessionId: string): { text: string; lastSeq: number; ended?: TerminalEnd } {
  const session = sessionOf(ctx, sessionId);
  return { text: session.chunks.map((c) => c.text).join(""), lastSeq: session.nextSeq - 1, ended: session.ended };
}
