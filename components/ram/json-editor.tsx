"use client";

import { useRef, type UIEvent } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A policy document editor: a monospace textarea with a line-number gutter that scrolls with
 * it (lines are not wrapped, so the numbers stay true). Tab moves on, as in any form field.
 */
export function JsonEditor({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  rows = 18,
  label,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string;
  rows?: number;
  label?: string;
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = Math.max(value.split("\n").length, rows);
  const onScroll = (event: UIEvent<HTMLTextAreaElement>) => {
    if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
  };
  return (
    <div
      className={cn(
        "flex overflow-hidden rounded border bg-white font-mono text-[13px] leading-5",
        invalid ? "border-red-500" : "border-slate-300",
        "focus-within:border-blue-500 focus-within:ring-2 focus-within:ring-blue-500/20",
      )}
    >
      <div
        ref={gutter}
        aria-hidden
        className="overflow-hidden border-r border-slate-200 bg-slate-50 px-2 py-2 text-right text-slate-400 select-none"
        style={{ height: `${rows * 1.25 + 1}rem` }}
      >
        {Array.from({ length: lineCount }, (_, index) => (
          <div key={index}>{index + 1}</div>
        ))}
      </div>
      <textarea
        id={id}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        value={value}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        onScroll={onScroll}
        onChange={(event) => onChange(event.target.value)}
        className="min-w-0 flex-1 resize-none bg-transparent px-3 py-2 text-slate-900 outline-none"
        style={{ height: `${rows * 1.25 + 1}rem` }}
      />
    </div>
  );
}
