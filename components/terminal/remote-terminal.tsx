"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { XtermHandle } from "@/components/terminal/xterm-view";
import {
  openSession,
  plainText,
  sendInput,
  streamSession,
  type TerminalError,
} from "@/components/terminal/terminal-session";

const XtermView = dynamic(() => import("@/components/terminal/xterm-view"), {
  ssr: false,
  loading: () => <div className="h-80 w-full bg-black" />,
});

/** How long to wait before opening a new session (after a reboot, or a refusal). */
const REOPEN_MS = 1_000;
/** The mirror keeps the end of the session's text. */
const MIRROR_CHARS = 100_000;

type Phase = "connecting" | "open" | "ended";

/**
 * The remote terminal of a Running instance: xterm.js over a session of the guest (output by
 * server-sent events, lines by POST), with an accessible text mirror (`role="log"`) and a
 * labelled Command field for whoever does not use the terminal's keyboard. When the session
 * ends (reboot, exit) a new one opens; it shows the prompt once the guest is up again.
 */
export function RemoteTerminal({
  regionId,
  instanceId,
  isRunning,
}: {
  regionId: string;
  instanceId: string;
  isRunning: boolean;
}) {
  const t = useTranslations("Terminal");
  const [sessionId, setSessionId] = useState<string>();
  const [phase, setPhase] = useState<Phase>("connecting");
  const [generation, setGeneration] = useState(0);
  const [mirror, setMirror] = useState("");
  const [command, setCommand] = useState("");
  const [error, setError] = useState<TerminalError>();
  const xterm = useRef<XtermHandle | null>(null);
  const pendingOutput = useRef<string[]>([]);
  const typed = useRef("");
  const endedText = useRef((reason: string) => t("ended", { reason }));
  useEffect(() => {
    endedText.current = (reason: string) => t("ended", { reason });
  });

  const write = useCallback((text: string) => {
    if (xterm.current) xterm.current.write(text);
    else pendingOutput.current.push(text);
  }, []);

  useEffect(() => {
    if (!isRunning) return;
    let isCurrent = true;
    let stop: (() => void) | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const again = () => {
      retry = setTimeout(() => isCurrent && setGeneration((n) => n + 1), REOPEN_MS);
    };
    void openSession(regionId, instanceId).then((opened) => {
      if (!isCurrent) return;
      if ("error" in opened) {
        setError(opened.error);
        again();
        return;
      }
      setError(undefined);
      setSessionId(opened.sessionId);
      setPhase("open");
      setMirror("");
      stop = streamSession(regionId, opened.sessionId, {
        onText: (text) => {
          write(text);
          setMirror((previous) => (previous + plainText(text)).slice(-MIRROR_CHARS));
        },
        onEnd: (reason) => {
          if (!isCurrent) return;
          write(`\n${endedText.current(reason)}\n`);
          setPhase("ended");
          setSessionId(undefined);
          again();
        },
      });
    });
    return () => {
      isCurrent = false;
      clearTimeout(retry);
      stop?.();
    };
  }, [regionId, instanceId, isRunning, generation, write]);

  const send = (input: { line?: string; interrupt?: boolean }) => {
    if (!sessionId) return;
    void sendInput(regionId, sessionId, input).then((failure) => failure && setError(failure));
  };

  // Keystrokes in xterm: shown locally until Enter, then sent as a line (the guest echoes it).
  const onData = (data: string) => {
    for (const char of data) {
      if (char === "\r") {
        const line = typed.current;
        write("\b \b".repeat(line.length));
        typed.current = "";
        send({ line });
      } else if (char === "\x7f") {
        if (typed.current.length > 0) {
          typed.current = typed.current.slice(0, -1);
          write("\b \b");
        }
      } else if (char === "\x03") {
        typed.current = "";
        send({ interrupt: true });
      } else if (char >= " ") {
        typed.current += char;
        write(char);
      }
    }
  };

  const onReady = (handle: XtermHandle | null) => {
    xterm.current = handle;
    if (handle) for (const text of pendingOutput.current.splice(0)) handle.write(text);
  };

  const onRun = (event: FormEvent) => {
    event.preventDefault();
    if (!sessionId) return;
    send({ line: command });
    setCommand("");
  };

  if (!isRunning) return <p className="text-sm text-slate-500">{t("notRunning")}</p>;

  return (
    <div className="space-y-3">
      <div className="overflow-hidden rounded-md border border-slate-800 bg-black p-2">
        <XtermView label={t("xtermLabel")} onReady={onReady} onData={onData} />
      </div>
      <p role="status" className="text-xs text-slate-500">
        {phase === "open"
          ? t("connected")
          : phase === "ended"
            ? t("reconnecting")
            : t("connecting")}
      </p>
      {error ? (
        <Notice tone="warning">
          {error.message} ({error.code})
        </Notice>
      ) : null}
      <form onSubmit={onRun} className="flex items-end gap-2">
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor={`terminal-command-${instanceId}`}>{t("command")}</Label>
          <Input
            id={`terminal-command-${instanceId}`}
            value={command}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            onChange={(event) => setCommand(event.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" disabled={!sessionId}>
          {t("run")}
        </Button>
        <Button disabled={!sessionId} onClick={() => send({ interrupt: true })}>
          {t("interrupt")}
        </Button>
      </form>
      <div className="space-y-1 text-xs text-slate-600">
        <p id={`terminal-log-${instanceId}`} className="font-medium">
          {t("logLabel")}
        </p>
        <pre
          role="log"
          aria-live="polite"
          aria-labelledby={`terminal-log-${instanceId}`}
          className="max-h-40 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono whitespace-pre-wrap"
        >
          {mirror}
        </pre>
      </div>
    </div>
  );
}
