/**
 * The browser's side of one remote-terminal session (app/api/terminal): open it, stream its
 * output over server-sent events (EventSource resumes from Last-Event-ID by itself), send lines
 * by POST. Pure fetch/EventSource, no React.
 */
export type TerminalError = { code: string; message: string };

export async function openSession(
  regionId: string,
  instanceId: string,
): Promise<{ sessionId: string } | { error: TerminalError }> {
  try {
    const response = await fetch("/api/terminal", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ regionId, instanceId }),
    });
    const body = (await response.json()) as { sessionId?: string } & Partial<TerminalError>;
    if (!response.ok || !body.sessionId)
      return {
        error: { code: body.code ?? "Error", message: body.message ?? response.statusText },
      };
    return { sessionId: body.sessionId };
  } catch {
    return { error: { code: "NetworkError", message: "The request could not be sent." } };
  }
}

export function streamSession(
  regionId: string,
  sessionId: string,
  handlers: { onText: (text: string) => void; onEnd: (reason: string) => void },
): () => void {
  const source = new EventSource(
    `/api/terminal/${encodeURIComponent(sessionId)}?regionId=${encodeURIComponent(regionId)}`,
  );
  let isDone = false;
  const finish = (reason: string) => {
    if (isDone) return;
    isDone = true;
    source.close();
    handlers.onEnd(reason);
  };
  source.onmessage = (event: MessageEvent<string>) => {
    try {
      handlers.onText(JSON.parse(event.data) as string);
    } catch {
      // A malformed event is skipped.
    }
  };
  source.addEventListener("end", (event) => finish((event as MessageEvent<string>).data));
  // A refused stream (the session is gone) closes for good; a dropped one reconnects by itself.
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) finish("terminated");
  };
  return () => {
    isDone = true;
    source.close();
  };
}

export async function sendInput(
  regionId: string,
  sessionId: string,
  input: { line?: string; interrupt?: boolean },
): Promise<TerminalError | undefined> {
  try {
    const response = await fetch(`/api/terminal/${encodeURIComponent(sessionId)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ regionId, ...input }),
    });
    if (response.ok) return undefined;
    const body = (await response.json().catch(() => ({}))) as Partial<TerminalError>;
    return { code: body.code ?? "Error", message: body.message ?? response.statusText };
  } catch {
    return { code: "NetworkError", message: "The request could not be sent." };
  }
}

/** The terminal's text without escape sequences, for the accessible mirror. */
export function plainText(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "");
}
