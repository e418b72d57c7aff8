import type { Word, WordPart } from "@/lib/ecs/guest/shell/ast";
import { readHeredoc, type Heredoc } from "@/lib/ecs/guest/shell/heredoc";

/*
 * Splits a script into words and operators as bash does: quotes ('…' literal, "…" with $
 * expansions and \ escapes), backslash, comments, parameter and command substitution,
 * redirection operators with an optional file-descriptor number.
 */

export type Token =
  | { type: "word"; word: Word; raw: string; line: number }
  | { type: "op"; op: string; line: number }
  | { type: "newline"; line: number }
  | { type: "eof"; line: number };

export class LexError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const OPERATORS = [
  "<<-",
  "<<",
  "&>>",
  "&&",
  "||",
  ">>",
  ">&",
  "&>",
  ";;",
  ";",
  "|",
  "&",
  ">",
  "<",
  "(",
  ")",
];
const SPECIAL_PARAMS = "?$#!@*-0123456789";

/** `report.isHeredocOpen` tells whether a here-document ran to the end without its delimiter. */
export function tokenize(source: string, report: { isHeredocOpen?: boolean } = {}): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const peek = (offset = 0) => source[i + offset] ?? "";
  const heredocs: Heredoc[] = [];

  while (i < source.length) {
    const c = peek();
    if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "\\" && peek(1) === "\n") {
      i += 2;
      line++;
    } else if (c === "\n") {
      tokens.push({ type: "newline", line });
      i++;
      line++;
      for (const heredoc of heredocs.splice(0)) {
        const body = readHeredoc(source, i, heredoc, quotedWord);
        heredoc.token.word = body.word;
        if (!body.isClosed) report.isHeredocOpen = true;
        i = body.end;
        line += body.lines;
      }
    } else if (c === "#") {
      while (i < source.length && peek() !== "\n") i++;
    } else {
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
      if (op) {
        tokens.push({ type: "op", op, line });
        i += op.length;
        continue;
      }
      const start = i;
      const startLine = line;
      const parts: WordPart[] = [];
      const text = (value: string, quoted: boolean) => {
        const last = parts.at(-1);
        if (last?.kind === "text" && last.quoted === quoted) last.value += value;
        else parts.push({ kind: "text", value, quoted });
      };
      const dollar = (quoted: boolean) => {
        // at "$"
        const next = peek(1);
        if (next === "(" && peek(2) === "(") {
          const end = source.indexOf("))", i + 3);
          if (end < 0) throw new LexError("unexpected EOF while looking for matching `)'", line);
          parts.push({ kind: "arithmetic", expression: source.slice(i + 3, end), quoted });
          i = end + 2;
        } else if (next === "(") {
          const end = matchingParen(source, i + 1);
          if (end < 0) throw new LexError("unexpected EOF while looking for matching `)'", line);
          parts.push({ kind: "command", script: source.slice(i + 2, end), quoted });
          line += countLines(source.slice(i, end));
          i = end + 1;
        } else if (next === "{") {
          const end = source.indexOf("}", i);
          if (end < 0) throw new LexError("unexpected EOF while looking for matching `}'", line);
          parts.push({ kind: "param", name: source.slice(i + 2, end), quoted });
          i = end + 1;
        } else if (SPECIAL_PARAMS.includes(next) && next !== "") {
          parts.push({ kind: "param", name: next, quoted });
          i += 2;
        } else if (/[A-Za-z_]/.test(next)) {
          let end = i + 1;
          while (/[A-Za-z0-9_]/.test(source[end] ?? "")) end++;
          parts.push({ kind: "param", name: source.slice(i + 1, end), quoted });
          i = end;
        } else {
          text("$", quoted);
          i++;
        }
      };
      if (c === "~") {
        const next = peek(1);
        if (next === "" || next === "/" || /[\s;&|<>)]/.test(next)) {
          parts.push({ kind: "tilde" });
          i++;
        }
      }
      while (i < source.length) {
        const ch = peek();
        if (/\s/.test(ch) || OPERATORS.some((o) => source.startsWith(o, i))) break;
        if (ch === "'") {
          const end = source.indexOf("'", i + 1);
          if (end < 0) throw new LexError("unexpected EOF while looking for matching `''", line);
          text(source.slice(i + 1, end), true);
          line += countLines(source.slice(i, end));
          i = end + 1;
        } else if (ch === '"') {
          i++;
          const partsBefore = parts.length;
          const last = parts.at(-1);
          const lengthBefore = last?.kind === "text" ? last.value.length : -1;
          while (peek() !== '"') {
            if (i >= source.length)
              throw new LexError("unexpected EOF while looking for matching `\"'", startLine);
            const q = peek();
            if (q === "\\" && '$`"\\\n'.includes(peek(1))) {
              if (peek(1) === "\n") line++;
              else text(peek(1), true);
              i += 2;
            } else if (q === "$") {
              dollar(true);
            } else if (q === "`") {
              const end = source.indexOf("`", i + 1);
              if (end < 0)
                throw new LexError("unexpected EOF while looking for matching ``'", line);
              parts.push({ kind: "command", script: source.slice(i + 1, end), quoted: true });
              i = end + 1;
            } else {
              if (q === "\n") line++;
              text(q, true);
              i++;
            }
          }
          i++;
          const grown =
            parts.length > partsBefore ||
            (last?.kind === "text" && last.value.length > lengthBefore);
          if (!grown) parts.push({ kind: "text", value: "", quoted: true });
        } else if (ch === "\\") {
          if (peek(1) === "\n") {
            i += 2;
            line++;
          } else {
            text(peek(1), true);
            i += 2;
          }
        } else if (ch === "$") {
          dollar(false);
        } else if (ch === "`") {
          const end = source.indexOf("`", i + 1);
          if (end < 0) throw new LexError("unexpected EOF while looking for matching ``'", line);
          parts.push({ kind: "command", script: source.slice(i + 1, end), quoted: false });
          i = end + 1;
        } else {
          text(ch, false);
          i++;
        }
      }
      const raw = source.slice(start, i);
      const fd = /^\d$/.test(raw) && (peek() === ">" || peek() === "<");
      if (fd) tokens.push({ type: "op", op: `fd:${raw}`, line: startLine });
      else {
        const token: Token & { type: "word" } = { type: "word", word: parts, raw, line: startLine };
        const previous = tokens.at(-1);
        if (previous?.type === "op" && previous.op.startsWith("<<")) {
          const isQuoted = parts.some((part) => part.kind === "text" && part.quoted);
          const delimiter = parts.map((part) => (part.kind === "text" ? part.value : "")).join("");
          heredocs.push({ token, delimiter, isQuoted, isTabStripped: previous.op === "<<-" });
        }
        tokens.push(token);
      }
    }
  }
  for (const heredoc of heredocs) {
    heredoc.token.word = readHeredoc(source, source.length, heredoc, quotedWord).word;
    report.isHeredocOpen = true;
  }
  tokens.push({ type: "eof", line });
  return tokens;
}

/** A double-quoted string's parts (a here-document's body is expanded like one). */
function quotedWord(source: string): Word | null {
  const token = tokenize(source)[0];
  return token.type === "word" ? token.word : null;
}

function countLines(text: string): number {
  return text.split("\n").length - 1;
}

/** The index of the ")" closing the "(" at `open`, skipping quotes; -1 when unbalanced. */
function matchingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "'") {
      i = source.indexOf("'", i + 1);
      if (i < 0) return -1;
    } else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}
