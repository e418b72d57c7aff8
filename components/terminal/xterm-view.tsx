"use client";

import "@xterm/xterm/css/xterm.css";
import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import { useEffect, useRef } from "react";

export type XtermHandle = { write: (text: string) => void; focus: () => void };

/**
 * xterm.js in a box that fits its parent (loaded only in the browser: the remote terminal
 * imports this file dynamically). Output is "\n"-terminated text, hence `convertEol`.
 */
export default function XtermView({
  label,
  onReady,
  onData,
}: {
  label: string;
  onReady: (handle: XtermHandle | null) => void;
  onData: (data: string) => void;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const onDataRef = useRef(onData);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onDataRef.current = onData;
    onReadyRef.current = onReady;
  });

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const terminal = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontSize: 13,
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      theme: { background: "#000000", foreground: "#e2e8f0" },
      scrollback: 5000,
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(box);
    terminal.textarea?.setAttribute("aria-label", label);
    const refit = () => {
      try {
        fit.fit();
      } catch {
        // Not laid out yet.
      }
    };
    refit();
    const observer = new ResizeObserver(refit);
    observer.observe(box);
    const data = terminal.onData((text) => onDataRef.current(text));
    onReadyRef.current({ write: (text) => terminal.write(text), focus: () => terminal.focus() });
    return () => {
      onReadyRef.current(null);
      data.dispose();
      observer.disconnect();
      terminal.dispose();
    };
  }, [label]);

  return <div ref={boxRef} className="h-80 w-full" />;
}
