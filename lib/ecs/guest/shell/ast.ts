/** The shell's syntax tree: what the parser produces and the interpreter runs. */

export type WordPart =
  /** Literal text; `quoted` text is neither globbed nor split. */
  | { kind: "text"; value: string; quoted: boolean }
  /** `$NAME`, `${NAME}`, `$?`, `$$`, `$#`, `$0`… */
  | { kind: "param"; name: string; quoted: boolean }
  /** `$(…)` or `` `…` ``: the output of a nested script. */
  | { kind: "command"; script: string; quoted: boolean }
  /** `$(( … ))`. */
  | { kind: "arithmetic"; expression: string; quoted: boolean }
  /** `~` at the start of a word. */
  | { kind: "tilde" };

export type Word = WordPart[];

export type Redirect =
  | { fd: number; op: ">" | ">>" | "<"; target: Word }
  /** `2>&1`, `>&2`. */
  | { fd: number; op: ">&"; toFd: number }
  /** `<<WORD` / `<<-WORD`: a here-document, its body expanded unless WORD was quoted. */
  | { fd: number; op: "<<"; body: Word }
  /** `&>file`, `&>>file`: stdout and stderr. */
  | { fd: "both"; op: ">" | ">>"; target: Word };

export type Assignment = { name: string; value: Word };

export type SimpleCommand = {
  kind: "simple";
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
};

/** `if`, `for`, `while`/`until` and `{ …; }`, with redirections after the closing word. */
export type CompoundCommand = (
  | {
      kind: "if";
      clauses: { condition: AndOrList[]; body: AndOrList[] }[];
      otherwise?: AndOrList[];
    }
  | { kind: "for"; name: string; words: Word[]; body: AndOrList[] }
  | { kind: "while"; isUntil: boolean; condition: AndOrList[]; body: AndOrList[] }
  | { kind: "group"; body: AndOrList[] }
) & { redirects: Redirect[] };

export type Command = SimpleCommand | CompoundCommand;

export type Pipeline = { negated: boolean; commands: Command[] };

/** `a && b || c`: one complete command, as bash reads and runs it. */
export type AndOrList = {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
  /** 1-based line the command starts on. */
  line: number;
};

export type SyntaxErrorInfo = {
  /** Bash's messages, each after a "bash: line N: " prefix. */
  messages: { line: number; text: string }[];
  /** The line the failing command started on: commands before it run, the rest do not. */
  commandLine: number;
};

export type ParsedScript = { commands: AndOrList[]; error?: SyntaxErrorInfo };
