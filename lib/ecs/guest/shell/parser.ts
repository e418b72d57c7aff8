import type {
  AndOrList,
  Command,
  CompoundCommand,
  ParsedScript,
  Pipeline,
  Redirect,
  SimpleCommand,
  Word,
} from "@/lib/ecs/guest/shell/ast";
import { LexError, tokenize, type Token } from "@/lib/ecs/guest/shell/lexer";

/** Reserved words that close or continue a compound command: a syntax error anywhere else. */
const CLOSERS = new Set(["then", "else", "elif", "fi", "do", "done", "}", "esac"]);
const UNSUPPORTED = new Set(["case", "select", "function", "[["]);
const REDIRECTS = [">", ">>", "<", ">&", "&>", "&>>", "<<", "<<-"];

class ParseError extends Error {
  constructor(
    readonly token: Token,
    readonly commandLine: number,
    readonly text?: string,
  ) {
    super("syntax error");
  }
}

function tokenText(token: Token): string {
  if (token.type === "word") return token.raw;
  if (token.type === "op") return token.op.startsWith("fd:") ? token.op.slice(3) : token.op;
  return token.type === "newline" ? "newline" : "";
}

/**
 * Parses a script into complete commands: and-or lists of pipelines of simple commands and
 * `if` / `for` / `while` / `until` / `{ …; }`. On a syntax error it returns the commands
 * before the failing one, which bash would have run already, and the error in bash's words.
 */
export function parseScript(source: string): ParsedScript {
  let tokens: Token[];
  try {
    tokens = tokenize(source);
  } catch (error) {
    if (!(error instanceof LexError)) throw error;
    // Bash has run the lines before the one where the unterminated quote starts.
    const lines = source.split("\n");
    const before = error.line > 1 ? parseScript(lines.slice(0, error.line - 1).join("\n")) : null;
    if (before?.error) return before;
    const eof = { line: lines.length + 1, text: "syntax error: unexpected end of file" };
    return {
      commands: before?.commands ?? [],
      error: {
        messages: [{ line: error.line, text: error.message }, eof],
        commandLine: error.line,
      },
    };
  }
  let at = 0;
  let commandLine = 1;
  const peek = () => tokens[at];
  const fail = (token: Token = peek(), text?: string): never => {
    throw new ParseError(token, commandLine, text);
  };
  const isOp = (...ops: string[]) => {
    const token = peek();
    return token.type === "op" && ops.includes(token.op);
  };
  const isWord = (...words: string[]) => {
    const token = peek();
    return token.type === "word" && words.includes(token.raw);
  };
  const skipNewlines = () => {
    while (peek().type === "newline") at++;
  };
  const expectWord = (word: string) => (isWord(word) ? void at++ : fail());

  const parseRedirect = (): Redirect | null => {
    const token = peek();
    if (token.type !== "op") return null;
    let fd: number | null = null;
    let op = token.op;
    if (op.startsWith("fd:")) {
      fd = Number(op.slice(3));
      at++;
      const next = peek();
      if (next.type !== "op" || ![">", ">>", "<", ">&", "<<", "<<-"].includes(next.op))
        return fail();
      op = next.op;
    } else if (!REDIRECTS.includes(op)) return null;
    at++;
    const target = peek();
    if (target.type !== "word") return fail();
    at++;
    if (op === "<<" || op === "<<-") return { fd: fd ?? 0, op: "<<", body: target.word };
    if (op === "&>" || op === "&>>")
      return { fd: "both", op: op === "&>" ? ">" : ">>", target: target.word };
    if (op === ">&") {
      if (/^\d$/.test(target.raw)) return { fd: fd ?? 1, op: ">&", toFd: Number(target.raw) };
      return fd === null || fd === 1
        ? { fd: "both", op: ">", target: target.word }
        : { fd, op: ">", target: target.word };
    }
    return { fd: fd ?? (op === "<" ? 0 : 1), op: op as ">" | ">>" | "<", target: target.word };
  };

  const parseSimple = (): SimpleCommand => {
    const command: SimpleCommand = { kind: "simple", assignments: [], words: [], redirects: [] };
    for (;;) {
      const token = peek();
      if (token.type === "word") {
        const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(token.raw);
        const first = token.word[0];
        if (assignment && command.words.length === 0 && first?.kind === "text" && !first.quoted) {
          const value = structuredClone(token.word);
          const head = value[0] as { value: string };
          head.value = head.value.slice(assignment[0].length);
          if (head.value === "") value.shift();
          command.assignments.push({ name: assignment[1], value });
        } else command.words.push(token.word);
        at++;
        continue;
      }
      const redirect = parseRedirect();
      if (!redirect) break;
      command.redirects.push(redirect);
    }
    if (command.words.length + command.assignments.length + command.redirects.length === 0) fail();
    return command;
  };

  /** Commands up to one of `closers` (at a command's start), which is left for the caller. */
  const parseList = (closers: string[]): AndOrList[] => {
    const lists: AndOrList[] = [];
    for (;;) {
      skipNewlines();
      if (peek().type === "eof") fail();
      if (isWord(...closers)) return lists;
      lists.push(parseAndOr());
      if (isOp(";", "&") || peek().type === "newline") at++;
      else if (!isWord(...closers)) fail();
    }
  };

  const parseCompound = (keyword: string): CompoundCommand => {
    at++;
    let command: CompoundCommand;
    if (keyword === "if") {
      const clauses = [{ condition: parseList(["then"]), body: [] as AndOrList[] }];
      expectWord("then");
      clauses[0].body = parseList(["elif", "else", "fi"]);
      let otherwise: AndOrList[] | undefined;
      while (isWord("elif", "else")) {
        const word = (peek() as { raw: string }).raw;
        at++;
        if (word === "else") otherwise = parseList(["fi"]);
        else {
          const condition = parseList(["then"]);
          expectWord("then");
          clauses.push({ condition, body: parseList(["elif", "else", "fi"]) });
        }
      }
      expectWord("fi");
      command = { kind: "if", clauses, otherwise, redirects: [] };
    } else if (keyword === "for") {
      const name = peek();
      if (name.type !== "word" || !/^[A-Za-z_]\w*$/.test(name.raw)) return fail(name);
      at++;
      const words: Word[] = [];
      if (isWord("in")) {
        at++;
        while (peek().type === "word") words.push((tokens[at++] as { word: Word }).word);
      }
      if (isOp(";")) at++;
      skipNewlines();
      expectWord("do");
      command = { kind: "for", name: name.raw, words, body: parseList(["done"]), redirects: [] };
      expectWord("done");
    } else if (keyword === "while" || keyword === "until") {
      const condition = parseList(["do"]);
      expectWord("do");
      const body = parseList(["done"]);
      expectWord("done");
      command = { kind: "while", isUntil: keyword === "until", condition, body, redirects: [] };
    } else {
      command = { kind: "group", body: parseList(["}"]), redirects: [] };
      expectWord("}");
    }
    for (let redirect = parseRedirect(); redirect; redirect = parseRedirect())
      command.redirects.push(redirect);
    return command;
  };

  const parseCommand = (): Command => {
    const token = peek();
    if (token.type === "word" && token.word.every((part) => part.kind !== "text" || !part.quoted)) {
      if (["if", "for", "while", "until", "{"].includes(token.raw)) return parseCompound(token.raw);
      if (CLOSERS.has(token.raw)) fail(token);
      if (UNSUPPORTED.has(token.raw))
        fail(token, `\`${token.raw}' is not supported by this guest shell`);
    }
    return parseSimple();
  };

  const parsePipeline = (): Pipeline => {
    const negated = isWord("!");
    if (negated) at++;
    const commands = [parseCommand()];
    while (isOp("|")) {
      at++;
      skipNewlines();
      commands.push(parseCommand());
    }
    return { negated, commands };
  };

  function parseAndOr(): AndOrList {
    const line = peek().line;
    const list: AndOrList = { first: parsePipeline(), rest: [], line };
    while (isOp("&&", "||")) {
      const op = (peek() as { op: "&&" | "||" }).op;
      at++;
      skipNewlines();
      list.rest.push({ op, pipeline: parsePipeline() });
    }
    return list;
  }

  const commands: AndOrList[] = [];
  try {
    for (;;) {
      while (peek().type === "newline" || isOp(";", "&")) {
        if (peek().type !== "newline") fail();
        at++;
      }
      if (peek().type === "eof") break;
      commandLine = peek().line;
      const list = parseAndOr();
      list.line = commandLine;
      if (isOp(";", "&")) at++;
      else if (peek().type !== "newline" && peek().type !== "eof") fail();
      commands.push(list);
    }
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const kept = commands.filter((command) => command.line < error.commandLine);
    const token = error.token;
    if (token.type === "eof") {
      const line = source.split("\n").length + (source.endsWith("\n") ? 0 : 1);
      const messages = [{ line, text: "syntax error: unexpected end of file" }];
      return { commands: kept, error: { messages, commandLine: error.commandLine } };
    }
    const text = error.text ?? `syntax error near unexpected token \`${tokenText(token)}'`;
    const messages = [
      { line: token.line, text },
      { line: token.line, text: `\`${source.split("\n")[token.line - 1]}'` },
    ];
    return { commands: kept, error: { messages, commandLine: error.commandLine } };
  }
  return { commands };
}
