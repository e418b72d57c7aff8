import type { ScriptIo, ScriptRunner } from "@/lib/ecs/guest/session";
import { COMMANDS } from "@/lib/ecs/guest/shell/commands";
import { Interpreter, ShellAborted } from "@/lib/ecs/guest/shell/interpreter";
import { tokenize } from "@/lib/ecs/guest/shell/lexer";
import { parseScript } from "@/lib/ecs/guest/shell/parser";
import type { LinuxSystem, ShellState } from "@/lib/ecs/guest/shell/types";

/** One bash process: root's login shell in /root, as Cloud Assistant and the terminal get. */
export class BashRunner implements ScriptRunner {
  private readonly state: ShellState;

  constructor(private readonly sys: LinuxSystem) {
    this.state = {
      cwd: "/root",
      lastStatus: 0,
      isErrexit: false,
      vars: new Map([
        ["HOME", "/root"],
        ["USER", "root"],
        ["LOGNAME", "root"],
        ["SHELL", "/bin/bash"],
        ["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin"],
        ["LANG", "en_US.UTF-8"],
      ]),
    };
  }

  get cwd(): string {
    return this.state.cwd;
  }

  /** `[root@host ~]# ` on Red Hat-family images, `root@host:~# ` on Debian-family ones. */
  prompt(): string {
    const host = this.sys.hostname.split(".")[0];
    const cwd = this.state.cwd;
    const tilde = cwd === "/root" ? "~" : cwd.startsWith("/root/") ? `~${cwd.slice(5)}` : cwd;
    if (this.sys.profile.promptStyle === "debian") return `root@${host}:${tilde}# `;
    const base = cwd === "/root" ? "~" : cwd === "/" ? "/" : cwd.slice(cwd.lastIndexOf("/") + 1);
    return `[root@${host} ${base}]# `;
  }

  isIncomplete(source: string): boolean {
    const report: { isHeredocOpen?: boolean } = {};
    try {
      tokenize(source, report);
    } catch {
      // An open quote: the parser says so below.
    }
    if (report.isHeredocOpen) return true;
    const error = parseScript(source).error;
    return (
      error !== undefined &&
      error.messages.some((m) => /unexpected (end of file|EOF while)/.test(m.text))
    );
  }

  async run(script: string, io: ScriptIo): Promise<number> {
    const interpreter = new Interpreter({
      sys: this.sys,
      commands: COMMANDS,
      state: this.state,
      scriptName: io.scriptName,
    });
    try {
      return await interpreter.runScript(script, {
        out: io.out,
        err: io.out,
        stdin: null,
        readLine: io.readLine,
        isTty: io.isTty,
        signal: io.signal,
      });
    } catch (error) {
      if (error instanceof ShellAborted) return 130;
      throw error;
    }
  }
}
