import { ArithmeticError } from "@/lib/ecs/guest/shell/arithmetic";
import type {
  AndOrList,
  Command,
  CompoundCommand,
  Pipeline,
  SimpleCommand,
} from "@/lib/ecs/guest/shell/ast";
import { expandToString, expandWord, type Expander } from "@/lib/ecs/guest/shell/expand";
import { parseScript } from "@/lib/ecs/guest/shell/parser";
import { applyRedirects } from "@/lib/ecs/guest/shell/redirects";
import {
  LoopControl,
  ShellExit,
  type CommandFn,
  type LinuxSystem,
  type ShellIo,
  type ShellState,
} from "@/lib/ecs/guest/shell/types";
import { normalizePath } from "@/lib/ecs/guest/vfs";

export type InterpreterOptions = {
  sys: LinuxSystem;
  commands: Record<string, CommandFn>;
  state: ShellState;
  /** Names errors as a script file does ("script.sh: line 3: …"); otherwise "bash: …". */
  scriptName?: string;
};

const BIN_DIRS = ["/bin", "/usr/bin", "/sbin", "/usr/sbin", "/usr/local/bin"];
/** Let the server breathe: a `while true` loop must not starve the event loop. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The aborted (timed-out, interrupted) command: the interpreter stops where it is. */
export class ShellAborted extends Error {
  constructor() {
    super("aborted");
    this.name = "ShellAborted";
  }
}

/** Runs parsed scripts against the guest: expansions, redirections, pipelines, &&, ||, loops. */
export class Interpreter {
  private line = 1;

  constructor(private readonly options: InterpreterOptions) {}

  private get state(): ShellState {
    return this.options.state;
  }

  private prefix(line = this.line): string {
    return this.options.scriptName ? `${this.options.scriptName}: line ${line}: ` : "bash: ";
  }

  /** Runs a script; resolves with the last status, or throws ShellExit (exit, reboot). */
  async runScript(source: string, io: ShellIo): Promise<number> {
    const parsed = parseScript(source);
    try {
      await this.runLists(parsed.commands, io);
    } catch (error) {
      if (!(error instanceof LoopControl)) throw error;
    }
    if (parsed.error) {
      for (const message of parsed.error.messages)
        io.err(`${this.prefix(message.line)}${message.text}\n`);
      this.state.lastStatus = 2;
    }
    return this.state.lastStatus;
  }

  private async runLists(lists: AndOrList[], io: ShellIo): Promise<number> {
    for (const list of lists) await this.runList(list, io);
    return this.state.lastStatus;
  }

  /** A condition (if, while): `set -e` does not apply inside it. */
  private async runCondition(lists: AndOrList[], io: ShellIo): Promise<number> {
    const isErrexit = this.state.isErrexit;
    this.state.isErrexit = false;
    try {
      return await this.runLists(lists, io);
    } finally {
      this.state.isErrexit = isErrexit;
    }
  }

  private async runList(list: AndOrList, io: ShellIo): Promise<void> {
    this.line = list.line;
    let status = await this.runPipeline(list.first, io);
    let ranLast = list.rest.length === 0;
    for (const [i, { op, pipeline }] of list.rest.entries()) {
      if ((op === "&&" && status !== 0) || (op === "||" && status === 0)) continue;
      status = await this.runPipeline(pipeline, io);
      ranLast = i === list.rest.length - 1;
    }
    this.state.lastStatus = status;
    if (this.state.isErrexit && status !== 0 && ranLast) throw new ShellExit(status);
  }

  private async runPipeline(pipeline: Pipeline, io: ShellIo): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    for (const [i, command] of pipeline.commands.entries()) {
      const isLast = i === pipeline.commands.length - 1;
      const piped: string[] = [];
      const out = isLast ? io.out : (text: string) => void piped.push(text);
      status = await this.runCommand(command, { ...io, stdin, out });
      stdin = piped.join("");
    }
    return pipeline.negated ? (status === 0 ? 1 : 0) : status;
  }

  expander(io: ShellIo): Expander {
    const vfs = this.options.sys.vfs;
    return {
      param: (name) => this.param(name),
      home: this.state.vars.get("HOME") ?? "/root",
      cwd: this.state.cwd,
      substitute: (script) => this.substitute(script, io),
      list: async (dir) =>
        vfs.readdir(dir).then(
          (entries) => entries.map((e) => e.name),
          () => null,
        ),
    };
  }

  private param(name: string): string {
    if (name === "?") return String(this.state.lastStatus);
    if (name === "$") return "1337";
    if (name === "#") return "0";
    if (name === "0") return "bash";
    if (name === "PWD") return this.state.cwd;
    if (name === "HOSTNAME") return this.options.sys.hostname;
    return this.state.vars.get(name) ?? "";
  }

  private async substitute(script: string, io: ShellIo): Promise<string> {
    const chunks: string[] = [];
    const state: ShellState = { ...this.state, vars: new Map(this.state.vars) };
    const sub = new Interpreter({ ...this.options, state });
    try {
      await sub.runScript(script, { ...io, stdin: null, out: (text) => chunks.push(text) });
    } catch (error) {
      if (!(error instanceof ShellExit) || error.reason !== "exit") throw error;
    }
    this.state.lastStatus = state.lastStatus;
    return chunks.join("");
  }

  private async runCommand(command: Command, io: ShellIo): Promise<number> {
    try {
      return await this.runExpanded(command, io);
    } catch (error) {
      if (!(error instanceof ArithmeticError)) throw error;
      io.err(`${this.prefix()}${error.message}\n`);
      return 1;
    }
  }

  private async runExpanded(command: Command, io: ShellIo): Promise<number> {
    if (io.signal.aborted) throw new ShellAborted();
    const ex = this.expander(io);
    const argv: string[] = [];
    if (command.kind === "simple")
      for (const word of command.words) argv.push(...(await expandWord(word, ex)));
    const context = {
      sys: this.options.sys,
      cwd: this.state.cwd,
      expander: ex,
      prefix: this.prefix(),
    };
    const redirected = await applyRedirects(command.redirects, io, context);
    if (!redirected) return (this.state.lastStatus = 1);
    let status =
      command.kind === "simple"
        ? await this.runSimple(command, argv, redirected.io)
        : await this.runCompound(command, redirected.io);
    status = (await redirected.finish(argv[0] ?? command.kind)) ?? status;
    return status;
  }

  private async runSimple(command: SimpleCommand, argv: string[], io: ShellIo): Promise<number> {
    if (argv.length === 0) {
      for (const assignment of command.assignments) {
        this.state.vars.set(
          assignment.name,
          await expandToString(assignment.value, this.expander(io)),
        );
      }
      return 0;
    }
    const fn = await this.resolve(argv[0]);
    if (typeof fn !== "string") return this.invoke(fn, argv, io);
    io.err(`${this.prefix()}${argv[0]}: ${fn}\n`);
    return fn === "command not found" || fn === "No such file or directory" ? 127 : 126;
  }

  private async runCompound(command: CompoundCommand, io: ShellIo): Promise<number> {
    if (command.kind === "group") return this.runLists(command.body, io);
    if (command.kind === "if") {
      for (const clause of command.clauses) {
        if ((await this.runCondition(clause.condition, io)) === 0)
          return this.runLists(clause.body, io);
      }
      return command.otherwise ? this.runLists(command.otherwise, io) : 0;
    }
    let status = 0;
    const values: string[] = [];
    if (command.kind === "for")
      for (const word of command.words) values.push(...(await expandWord(word, this.expander(io))));
    for (let i = 0; ; i++) {
      await yieldToEventLoop();
      if (io.signal.aborted) throw new ShellAborted();
      if (command.kind === "for") {
        if (i >= values.length) break;
        this.state.vars.set(command.name, values[i]);
      } else {
        const condition = await this.runCondition(command.condition, io);
        if ((condition === 0) === command.isUntil) break;
      }
      try {
        status = await this.runLists(command.body, io);
      } catch (error) {
        if (!(error instanceof LoopControl)) throw error;
        if (error.levels > 1) throw new LoopControl(error.kind, error.levels - 1);
        if (error.kind === "break") break;
      }
    }
    return status;
  }

  /** The command an argv[0] names, or bash's complaint about it. */
  async resolve(name: string): Promise<CommandFn | string> {
    const { commands, sys } = this.options;
    if (!name.includes("/")) return commands[name] ?? "command not found";
    const path = normalizePath(this.state.cwd, name);
    const dir = path.slice(0, path.lastIndexOf("/")) || "/";
    const base = path.slice(path.lastIndexOf("/") + 1);
    if (BIN_DIRS.includes(dir) && commands[base]) return commands[base];
    const stat = await sys.vfs.stat(path).catch(() => null);
    if (!stat) return "No such file or directory";
    return stat.type === "dir" ? "Is a directory" : "Permission denied";
  }

  /** Runs one command by argv (also for sudo); unknown names are the caller's to report. */
  async invoke(fn: CommandFn, argv: string[], io: ShellIo): Promise<number> {
    return fn({
      name: argv[0].slice(argv[0].lastIndexOf("/") + 1),
      args: argv.slice(1),
      io,
      shell: this.state,
      sys: this.options.sys,
      abs: (path) => normalizePath(this.state.cwd, path),
      runArgv: async (inner, innerIo) => {
        const found = await this.resolve(inner[0]);
        if (typeof found === "string") return -1;
        return this.invoke(found, inner, innerIo);
      },
    });
  }
}
