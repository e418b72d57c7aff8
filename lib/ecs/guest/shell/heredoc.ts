import type { Token } from "@/lib/ecs/guest/shell/lexer";
import type { Word } from "@/lib/ecs/guest/shell/ast";

export type Heredoc = {
  token: Token & { type: "word" };
  delimiter: string;
  isQuoted: boolean;
  isTabStripped: boolean;
};

/**
 * A here-document's body: the lines after the one holding `<<WORD`, up to WORD alone on a line
 * (or the end of the script). Expanded like a double-quoted string unless WORD was quoted.
 */
export function readHeredoc(
  source: string,
  start: number,
  heredoc: Heredoc,
  tokenizeQuoted: (source: string) => Word | null,
): { word: Word; end: number; lines: number; isClosed: boolean } {
  const lines: string[] = [];
  let at = start;
  while (at < source.length) {
    const newline = source.indexOf("\n", at);
    const raw = source.slice(at, newline < 0 ? source.length : newline);
    at = newline < 0 ? source.length : newline + 1;
    const text = heredoc.isTabStripped ? raw.replace(/^\t+/, "") : raw;
    if (text === heredoc.delimiter) {
      return {
        word: heredocWord(lines, heredoc, tokenizeQuoted),
        end: at,
        lines: lines.length + 1,
        isClosed: true,
      };
    }
    lines.push(text);
  }
  return {
    word: heredocWord(lines, heredoc, tokenizeQuoted),
    end: at,
    lines: lines.length,
    isClosed: false,
  };
}

function heredocWord(
  lines: string[],
  heredoc: Heredoc,
  tokenizeQuoted: (source: string) => Word | null,
): Word {
  const body = lines.map((line) => `${line}\n`).join("");
  if (heredoc.isQuoted || body === "") return [{ kind: "text", value: body, quoted: true }];
  const escaped = body.replace(/\\(?![$`\\\n])/g, "\\\\").replace(/"/g, '\\"');
  return tokenizeQuoted(`"${escaped}"`) ?? [{ kind: "text", value: body, quoted: true }];
}
