import { cn } from "@/components/ui/cn";

/**
 * A policy document, pretty-printed with line numbers. With `highlight` (a 0-based statement
 * index) that statement's lines are marked — the simulator's deciding statement. A document
 * that is not JSON (it cannot be stored so, but be safe) is shown as written.
 */
export function PolicyJsonView({
  document,
  highlight,
  label,
  highlightLabel,
}: {
  document: string;
  highlight?: number;
  label: string;
  highlightLabel?: string;
}) {
  const lines = policyLines(document);
  return (
    <figure
      aria-label={label}
      className="overflow-x-auto rounded border border-slate-200 bg-slate-50"
    >
      <pre className="py-2 font-mono text-[13px] leading-5">
        {lines.map((line, index) => {
          const isMarked = highlight !== undefined && line.statement === highlight;
          return (
            <div
              key={index}
              data-statement={line.statement}
              className={cn("flex", isMarked && "bg-amber-100")}
              {...(isMarked && line.isFirstOfStatement
                ? { "aria-label": highlightLabel, role: "note" }
                : {})}
            >
              <span
                aria-hidden
                className="w-10 shrink-0 pr-3 text-right text-slate-400 select-none"
              >
                {index + 1}
              </span>
              <span className={cn("pr-4 whitespace-pre text-slate-800", isMarked && "font-medium")}>
                {line.text}
              </span>
            </div>
          );
        })}
      </pre>
    </figure>
  );
}

type Line = { text: string; statement?: number; isFirstOfStatement?: boolean };

/** The document's lines, each statement's lines tagged with its index. */
export function policyLines(document: string): Line[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return document.split("\n").map((text) => ({ text }));
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    return JSON.stringify(parsed, null, 2)
      .split("\n")
      .map((text) => ({ text }));
  const { Statement, ...rest } = parsed as Record<string, unknown>;
  const statements = Array.isArray(Statement)
    ? Statement
    : Statement === undefined
      ? []
      : [Statement];
  const lines: Line[] = [{ text: "{" }];
  for (const [key, value] of Object.entries(rest))
    lines.push({ text: `  ${JSON.stringify(key)}: ${JSON.stringify(value)},` });
  lines.push({ text: '  "Statement": [' });
  statements.forEach((statement, index) => {
    const body = JSON.stringify(statement, null, 2).split("\n");
    body.forEach((text, at) => {
      const isLast = at === body.length - 1;
      lines.push({
        text: `    ${text}${isLast && index < statements.length - 1 ? "," : ""}`,
        statement: index,
        isFirstOfStatement: at === 0,
      });
    });
  });
  lines.push({ text: "  ]" }, { text: "}" });
  return lines;
}
