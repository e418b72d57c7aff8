/**
 * The PowerShell subset's syntax: statements separated by newlines or ";", each one command
 * with arguments — barewords, 'literal' and "expandable" strings (with `escapes and $env:X),
 * comma lists (-Value "a","b"), -Parameters (also -Name:value) — plus `exit N`, # and <# #>
 * comments, and `cmd | Out-Null` / `| Out-String` style pipes into formatting cmdlets.
 */
export type PsArgument =
  { kind: "parameter"; name: string; value?: PsValue } | { kind: "value"; value: PsValue };

export type PsValue = string | string[];

export type PsCommand = { name: string; args: PsArgument[] };

export type PsStatement = {
  pipeline: PsCommand[];
  line: number;
  column: number;
  /** The statement as written, for the error display's "+ …" line. */
  text: string;
};

export class PsParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly text: string,
  ) {
    super(message);
  }
}

type Token = {
  kind: "word" | "string" | "parameter" | "comma" | "pipe" | "end";
  text: string;
  line: number;
  column: number;
  quoted?: boolean;
};

function tokenize(source: string, variables: (name: string) => string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  while (i < source.length) {
    const c = source[i];
    const column = i - lineStart + 1;
    if (c === "\n" || c === ";") {
      tokens.push({ kind: "end", text: c, line, column });
      if (c === "\n") {
        line++;
        lineStart = i + 1;
      }
      i++;
    } else if (c === " " || c === "\t" || c === "\r") i++;
    else if (source.startsWith("<#", i)) {
      const end = source.indexOf("#>", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      for (let j = i; j < stop; j++) {
        if (source[j] !== "\n") continue;
        line++;
        lineStart = j + 1;
      }
      i = stop;
    } else if (c === "#") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "," || c === "|") {
      tokens.push({ kind: c === "," ? "comma" : "pipe", text: c, line, column });
      i++;
    } else if (c === "'" || c === '"') {
      let text = "";
      let j = i + 1;
      for (;;) {
        if (j >= source.length)
          throw new PsParseError(
            "The string is missing the terminator: " + c + ".",
            line,
            column,
            source.split("\n")[line - 1],
          );
        const ch = source[j];
        if (ch === c && source[j + 1] === c) {
          text += c;
          j += 2;
        } else if (ch === c) break;
        else if (c === '"' && ch === "`" && j + 1 < source.length) {
          const next = source[j + 1];
          text += { n: "\n", t: "\t", r: "\r", "0": "\0" }[next] ?? next;
          j += 2;
        } else if (c === '"' && ch === "$") {
          const match = /^\$(?:\{([^}]+)\}|([A-Za-z_][\w]*(?::[\w]+)?))/.exec(source.slice(j));
          if (match) {
            text += variables(match[1] ?? match[2]);
            j += match[0].length;
          } else {
            text += ch;
            j++;
          }
        } else {
          if (ch === "\n") {
            line++;
            lineStart = j + 1;
          }
          text += ch;
          j++;
        }
      }
      tokens.push({ kind: "string", text, line, column, quoted: true });
      i = j + 1;
    } else {
      let j = i;
      while (j < source.length && !/[\s;,|'"]/.test(source[j])) j++;
      const text = source.slice(i, j);
      const isParameter = /^-[A-Za-z]/.test(text);
      const value = /^\$/.test(text) ? variables(text.slice(1)) : text;
      tokens.push({
        kind: isParameter ? "parameter" : "word",
        text: isParameter ? text : value,
        line,
        column,
      });
      i = j;
    }
  }
  tokens.push({ kind: "end", text: "", line, column: i - lineStart + 1 });
  return tokens;
}

export function parsePowerShell(
  source: string,
  variables: (name: string) => string = () => "",
): PsStatement[] {
  const tokens = tokenize(source, variables);
  const lines = source.split("\n");
  const statements: PsStatement[] = [];
  let at = 0;
  const readValue = (): PsValue | undefined => {
    const token = tokens[at];
    if (token.kind !== "word" && token.kind !== "string") return undefined;
    at++;
    const values = [token.text];
    while (
      tokens[at].kind === "comma" &&
      (tokens[at + 1].kind === "word" || tokens[at + 1].kind === "string")
    ) {
      values.push(tokens[at + 1].text);
      at += 2;
    }
    return values.length === 1 ? values[0] : values;
  };
  while (at < tokens.length) {
    const first = tokens[at];
    if (first.kind === "end") {
      at++;
      continue;
    }
    const pipeline: PsCommand[] = [];
    for (;;) {
      const head = tokens[at];
      if (head.kind !== "word" && head.kind !== "string") {
        throw new PsParseError(
          head.kind === "pipe"
            ? "An empty pipe element is not allowed."
            : `Unexpected token '${head.text}' in expression or statement.`,
          head.line,
          head.column,
          lines[head.line - 1],
        );
      }
      at++;
      const command: PsCommand = { name: head.text, args: [] };
      while (tokens[at].kind !== "end" && tokens[at].kind !== "pipe") {
        const token = tokens[at];
        if (token.kind === "parameter") {
          at++;
          const colon = token.text.indexOf(":");
          if (colon > 0)
            command.args.push({
              kind: "parameter",
              name: token.text.slice(1, colon),
              value: token.text.slice(colon + 1),
            });
          else command.args.push({ kind: "parameter", name: token.text.slice(1) });
        } else {
          const value = readValue();
          if (value === undefined)
            throw new PsParseError(
              `Missing argument in parameter list.`,
              token.line,
              token.column,
              lines[token.line - 1],
            );
          command.args.push({ kind: "value", value });
        }
      }
      pipeline.push(command);
      if (tokens[at].kind !== "pipe") break;
      at++;
    }
    const lastLine = tokens[at].line;
    const text =
      first.line === lastLine
        ? lines[first.line - 1]
            .slice(
              first.column - 1,
              tokens[at].kind === "end" && tokens[at].text === ";"
                ? tokens[at].column - 1
                : undefined,
            )
            .trimEnd()
        : lines[first.line - 1].slice(first.column - 1);
    statements.push({ pipeline, line: first.line, column: first.column, text });
  }
  return statements;
}
