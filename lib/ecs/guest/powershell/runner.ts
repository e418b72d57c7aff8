import {
  CMDLETS,
  PIPE_SINKS,
  findCmdlet,
  type Bound,
  type Cmdlet,
} from "@/lib/ecs/guest/powershell/cmdlets";
import {
  PsParseError,
  parsePowerShell,
  type PsArgument,
  type PsStatement,
} from "@/lib/ecs/guest/powershell/parser";
import { PsError, type WindowsSystem } from "@/lib/ecs/guest/powershell/types";
import type { ScriptIo, ScriptRunner } from "@/lib/ecs/guest/session";
import { ShellExit } from "@/lib/ecs/guest/shell/types";

const commandClass = (cmdlet: Cmdlet) =>
  `Microsoft.PowerShell.Commands.${cmdlet.name.replace("-", "")}Command`;

function bindingError(cmdlet: Cmdlet, message: string, id: string): PsError {
  return new PsError(
    message,
    "InvalidArgument",
    ":",
    "ParameterBindingException",
    `${id},${commandClass(cmdlet)}`,
  );
}

/** Binds arguments as PowerShell does: named (unique prefixes, any case), then positional. */
export function bind(cmdlet: Cmdlet, args: PsArgument[]): Bound {
  const bound: Bound = {};
  const switches = cmdlet.switches ?? [];
  const all = [...(cmdlet.positional ?? []), ...(cmdlet.named ?? []), ...switches];
  const positional = [...(cmdlet.positional ?? [])];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.kind === "value") {
      const name = positional.find((p) => !(p in bound));
      if (!name)
        throw bindingError(
          cmdlet,
          `A positional parameter cannot be found that accepts argument '${[arg.value].flat().join(" ")}'.`,
          "PositionalParameterNotFound",
        );
      bound[name] = arg.value;
      continue;
    }
    const exact = all.find((p) => p.toLowerCase() === arg.name.toLowerCase());
    const matches = exact
      ? [exact]
      : all.filter((p) => p.toLowerCase().startsWith(arg.name.toLowerCase()));
    if (matches.length !== 1)
      throw bindingError(
        cmdlet,
        `A parameter cannot be found that matches parameter name '${arg.name}'.`,
        "NamedParameterNotFound",
      );
    const name = matches[0];
    if (switches.includes(name)) {
      bound[name] = arg.value === undefined || !/^\$?false$/i.test(String(arg.value)) ? true : "";
      if (bound[name] === "") delete bound[name];
      continue;
    }
    let value = arg.value;
    const next = args[i + 1];
    if (value === undefined && next?.kind === "value") {
      value = next.value;
      i++;
    }
    if (value === undefined)
      throw bindingError(
        cmdlet,
        `Missing an argument for parameter '${name}'. Specify a parameter of type 'System.String[]' and try again.`,
        "MissingArgument",
      );
    bound[name] = value;
  }
  const missing = (cmdlet.mandatory ?? []).filter((name) => !(name in bound));
  if (missing.length)
    throw bindingError(
      cmdlet,
      `Cannot process command because of one or more missing mandatory parameters: ${missing.join(" ")}.`,
      "MissingMandatoryParameter",
    );
  return bound;
}

function display(
  invoked: string,
  error: PsError,
  statement: PsStatement,
  underline: number,
  cmdletName: string,
): string {
  return (
    `${invoked} : ${error.message}\n` +
    `At line:${statement.line} char:${statement.column}\n` +
    `+ ${statement.text}\n` +
    `+ ${"~".repeat(Math.max(1, underline))}\n` +
    `    + CategoryInfo          : ${error.category}: (${error.target === ":" ? ":" : error.target}) [${cmdletName}], ${error.exception}\n` +
    `    + FullyQualifiedErrorId : ${error.errorId}\n \n`
  );
}

/** Windows PowerShell 5.1, as far as the subset goes; a new one starts in C:\Windows\system32. */
export class PowerShellRunner implements ScriptRunner {
  private location = "C:\\Windows\\system32";
  private lastExitCode = 0;

  constructor(private readonly sys: WindowsSystem) {}

  get cwd(): string {
    return this.location;
  }

  prompt(): string {
    return `PS ${this.location}> `;
  }

  isIncomplete(source: string): boolean {
    try {
      parsePowerShell(source);
      return false;
    } catch (error) {
      return (
        error instanceof PsParseError &&
        error.message.startsWith("The string is missing the terminator")
      );
    }
  }

  private variable(name: string): string {
    const lower = name.toLowerCase();
    if (lower === "env:computername") return this.sys.hostname.toUpperCase().slice(0, 15);
    if (lower === "env:username") return "Administrator";
    if (lower === "env:systemroot" || lower === "env:windir") return "C:\\Windows";
    if (lower === "true" || lower === "false") return lower === "true" ? "True" : "False";
    if (lower === "lastexitcode") return String(this.lastExitCode);
    if (lower === "pwd") return this.location;
    return "";
  }

  async run(script: string, io: ScriptIo): Promise<number> {
    const out = (text: string) => io.out(text.replace(/\r?\n/g, "\r\n"));
    let statements: PsStatement[];
    try {
      statements = parsePowerShell(script, (name) => this.variable(name));
    } catch (error) {
      if (!(error instanceof PsParseError)) throw error;
      out(
        `At line:${error.line} char:${error.column}\n+ ${error.text}\n+ ${" ".repeat(error.column - 1)}~\n${error.message}\n    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n    + FullyQualifiedErrorId : TerminatorExpectedAtEndOfString\n \n`,
      );
      return (this.lastExitCode = 1);
    }
    let isOk = true;
    for (const statement of statements) {
      if (io.signal.aborted) return 130;
      const [head, ...sinks] = statement.pipeline;
      if (head.name.toLowerCase() === "exit") {
        const code =
          Number.parseInt(head.args[0]?.kind === "value" ? String(head.args[0].value) : "0", 10) ||
          0;
        throw new ShellExit(code);
      }
      const unknown = [head, ...sinks].find((c) =>
        c === head ? !findCmdlet(c.name) : !(c.name.toLowerCase() in PIPE_SINKS),
      );
      if (unknown) {
        const error = new PsError(
          `The term '${unknown.name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
          "ObjectNotFound",
          `${unknown.name}:String`,
          "CommandNotFoundException",
          "CommandNotFoundException",
        );
        out(display(unknown.name, error, statement, unknown.name.length, ""));
        isOk = false;
        continue;
      }
      const cmdlet = findCmdlet(head.name)!;
      const isDiscarded = sinks.some((s) => PIPE_SINKS[s.name.toLowerCase()] === "discard");
      try {
        await cmdlet.run(
          {
            sys: this.sys,
            cwd: this.location,
            setCwd: (path) => (this.location = path),
            out: (text) => (isDiscarded ? undefined : out(text)),
          },
          bind(cmdlet, head.args),
        );
        isOk = true;
      } catch (error) {
        if (!(error instanceof PsError)) throw error;
        out(display(head.name, error, statement, statement.text.length, cmdlet.name));
        isOk = false;
      }
    }
    return (this.lastExitCode = isOk ? 0 : 1);
  }
}

export const SUPPORTED_CMDLETS = CMDLETS.map((c) => c.name);
