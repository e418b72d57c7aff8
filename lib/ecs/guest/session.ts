import { ShellExit } from "@/lib/ecs/guest/shell/types";

/** How a script ended when it did not simply finish. */
export type RunEnd =
  /** `exit N`. */
  | "exit"
  /** The script rebooted the guest (`reboot`, `Restart-Computer`): its session is over. */
  | "reboot"
  /** The script powered the guest off (`poweroff`, `Stop-Computer`). */
  | "poweroff"
  /** The caller's AbortSignal fired (Cloud Assistant timeout, Ctrl-C). */
  | "aborted"
  /** The guest went down under it (a reboot from elsewhere, StopInstance). */
  | "terminated";

export type RunResult = { output: string; exitCode: number; ended?: RunEnd };

export type RunOptions = {
  signal?: AbortSignal;
  /** Each piece of output as it is produced (stdout and stderr interleaved). */
  onOutput?: (chunk: string) => void;
  /** Names errors as a script file ("/path/script.sh: line 3: …") instead of "bash: …". */
  scriptName?: string;
};

/** What the guest hands a session to run one script. */
export type ScriptIo = {
  out(text: string): void;
  readLine(prompt: string): Promise<string | null>;
  isTty: boolean;
  signal: AbortSignal;
  scriptName?: string;
};

/** One shell (bash, or PowerShell on Windows) with its working directory and variables. */
export interface ScriptRunner {
  /** Resolves with the exit status; throws ShellExit for exit/reboot/poweroff. */
  run(script: string, io: ScriptIo): Promise<number>;
  prompt(): string;
  readonly cwd: string;
  /** Whether `source` is an unfinished construct (open quote, trailing &&) the terminal continues. */
  isIncomplete(source: string): boolean;
}

export class GuestNotRunningError extends Error {
  constructor() {
    super("the instance is not running");
    this.name = "GuestNotRunningError";
  }
}

export class SessionClosedError extends Error {
  constructor() {
    super("the session is closed");
    this.name = "SessionClosedError";
  }
}

/** What a session needs from its guest. */
export type SessionHost = {
  /** Resolves once the guest has booted (stays pending while the boot hangs). */
  ready(): Promise<void>;
  createRunner(): ScriptRunner;
  onClosed(session: Session): void;
};

/**
 * A login to the guest: Cloud Assistant opens one per invocation, the console's terminal one per
 * window. Scripts run one after another in the same shell (working directory and variables
 * persist). The guest closes every session when it goes down.
 */
export class Session {
  private runner: ScriptRunner | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closedWith: "reboot" | "poweroff" | "terminated" | null = null;
  private readonly closeListeners = new Set<(reason: RunEnd) => void>();
  private readonly endHandlers: ((reason: "reboot" | "poweroff" | "terminated") => void)[] = [];

  constructor(private readonly host: SessionHost) {}

  get isClosed(): boolean {
    return this.closedWith !== null;
  }

  get cwd(): string | undefined {
    return this.runner?.cwd;
  }

  /** The prompt in effect (for the terminal); the shell's default before the first command. */
  prompt(): string {
    this.runner ??= this.host.createRunner();
    return this.runner.prompt();
  }

  isIncomplete(source: string): boolean {
    this.runner ??= this.host.createRunner();
    return this.runner.isIncomplete(source);
  }

  run(
    script: string,
    options: RunOptions = {},
    tty?: { readLine(prompt: string): Promise<string | null> },
  ): Promise<RunResult> {
    if (this.closedWith) return Promise.reject(new SessionClosedError());
    const result = this.queue.then(() => this.execute(script, options, tty));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private execute(
    script: string,
    options: RunOptions,
    tty?: { readLine(prompt: string): Promise<string | null> },
  ): Promise<RunResult> {
    const chunks: string[] = [];
    let settled = false;
    const out = (text: string) => {
      if (!text || settled) return;
      chunks.push(text);
      options.onOutput?.(text);
    };
    const controller = new AbortController();
    return new Promise<RunResult>((resolve, reject) => {
      const finish = (exitCode: number, ended?: RunEnd) => {
        if (settled) return;
        settled = true;
        this.closeListeners.delete(onClose);
        options.signal?.removeEventListener("abort", onAbort);
        resolve({ output: chunks.join(""), exitCode, ...(ended ? { ended } : {}) });
      };
      const onAbort = () => {
        controller.abort();
        finish(130, "aborted");
      };
      const onClose = (reason: RunEnd) => {
        controller.abort();
        finish(reason === "terminated" ? 143 : 0, reason);
      };
      if (this.closedWith) return reject(new SessionClosedError());
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener("abort", onAbort, { once: true });
      this.closeListeners.add(onClose);
      (async () => {
        await this.host.ready();
        if (settled) return;
        this.runner ??= this.host.createRunner();
        const io = {
          out,
          readLine: tty?.readLine ?? (async () => null),
          isTty: tty !== undefined,
          signal: controller.signal,
          scriptName: options.scriptName,
        };
        try {
          finish(await this.runner.run(script, io));
        } catch (error) {
          if (!(error instanceof ShellExit)) throw error;
          if (error.reason === "exit") finish(error.status, "exit");
          else this.close(error.reason, onClose);
        }
      })().catch((error: unknown) => {
        if (settled) return;
        settled = true;
        reject(error);
      });
    });
  }

  /** Ends the session; a script still running ends as "terminated" (or with the reboot it caused). */
  close(
    reason: "reboot" | "poweroff" | "terminated" = "terminated",
    own?: (reason: RunEnd) => void,
  ): void {
    if (this.closedWith) return;
    this.closedWith = reason;
    own?.(reason);
    for (const listener of [...this.closeListeners]) listener("terminated");
    this.closeListeners.clear();
    this.host.onClosed(this);
    for (const handler of this.endHandlers) handler(reason);
  }

  /** Called once when the session ends (the terminal prints "Connection to instance closed."). */
  onEnd(handler: (reason: "reboot" | "poweroff" | "terminated") => void): void {
    this.endHandlers.push(handler);
  }

  get closeReason(): "reboot" | "poweroff" | "terminated" | null {
    return this.closedWith;
  }
}
