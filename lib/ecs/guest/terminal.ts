import { Session, type ScriptRunner } from "@/lib/ecs/guest/session";

export type TerminalOptions = {
  /** Everything the terminal shows, "\n" line ends (xterm.js: convertEol). */
  onOutput(text: string): void;
  onClose?(reason: "exit" | "reboot" | "poweroff" | "terminated"): void;
  /** Echo each input line back (default true); turn off when the client echoes locally. */
  echo?: boolean;
};

/**
 * The console's remote terminal, line by line: shows the banner and prompt once the guest is
 * up, runs each line in one shell (continuing unfinished lines with "> "), lets a running
 * command read a line (mkfs's "Proceed anyway? (y,N)"), and Ctrl-C. Lines typed while a
 * command runs wait their turn, as type-ahead does.
 */
export class Terminal {
  private readonly lines: string[] = [];
  private pending = "";
  private isBusy = false;
  private isEnded = false;
  private reader: ((line: string) => void) | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly session: Session,
    private readonly options: TerminalOptions,
    ready: Promise<void>,
    banner: () => string,
  ) {
    session.onEnd((reason) => this.end(reason === "terminated" ? "terminated" : reason));
    void ready.then(() => {
      if (this.isEnded) return;
      this.write(banner());
      this.write(this.session.prompt());
    });
  }

  get isClosed(): boolean {
    return this.isEnded;
  }

  /** One line as typed (without the newline). */
  input(line: string): void {
    if (this.isEnded) return;
    if (this.reader) {
      const reader = this.reader;
      this.reader = null;
      if (this.options.echo !== false) this.write(`${line}\n`);
      reader(line);
      return;
    }
    this.lines.push(line);
    void this.pump();
  }

  /** Ctrl-C: abandons the running command (or the line being continued). */
  interrupt(): void {
    if (this.isEnded) return;
    this.write("^C\n");
    this.lines.length = 0;
    if (this.controller) {
      this.controller.abort();
      return;
    }
    this.pending = "";
    this.write(this.session.prompt());
  }

  close(): void {
    if (!this.isEnded) this.session.close("terminated");
  }

  private write(text: string): void {
    if (text) this.options.onOutput(text);
  }

  private end(reason: "exit" | "reboot" | "poweroff" | "terminated"): void {
    if (this.isEnded) return;
    this.isEnded = true;
    this.write(reason === "exit" ? "logout\n" : "\nConnection to instance closed.\n");
    this.options.onClose?.(reason);
  }

  private async pump(): Promise<void> {
    if (this.isBusy) return;
    this.isBusy = true;
    try {
      while (this.lines.length && !this.isEnded) {
        const line = this.lines.shift()!;
        if (this.options.echo !== false) this.write(`${line}\n`);
        const source = this.pending ? `${this.pending}\n${line}` : line;
        if (this.session.isIncomplete(source)) {
          this.pending = source;
          this.write("> ");
          continue;
        }
        this.pending = "";
        if (source.trim() !== "") await this.execute(source);
        if (!this.isEnded) this.write(this.session.prompt());
      }
    } finally {
      this.isBusy = false;
    }
  }

  private async execute(source: string): Promise<void> {
    this.controller = new AbortController();
    const tty = {
      readLine: (prompt: string) => {
        this.write(prompt);
        return new Promise<string | null>((resolve) => {
          this.reader = resolve;
          this.controller?.signal.addEventListener("abort", () => resolve(null), { once: true });
        });
      },
    };
    try {
      const result = await this.session.run(
        source,
        { signal: this.controller.signal, onOutput: (text) => this.write(text) },
        tty,
      );
      if (result.ended === "exit") {
        this.end("exit");
        this.session.close("terminated");
      }
    } catch {
      // The session closed under us; onEnd has said so.
    } finally {
      this.controller = null;
      this.reader = null;
    }
  }
}

/** The guest's logins: Cloud Assistant sessions and console terminals. */
export class SessionRegistry {
  private readonly sessions = new Set<Session>();

  constructor(
    private readonly host: {
      ready(): Promise<void>;
      createRunner(): ScriptRunner;
      toScreen(text: string): void;
      terminalBanner(): string;
    },
  ) {}

  openSession(): Session {
    const session = new Session({
      ready: () => this.host.ready(),
      createRunner: () => this.host.createRunner(),
      onClosed: (closed) => this.sessions.delete(closed),
    });
    this.sessions.add(session);
    return session;
  }

  openTerminal(options: TerminalOptions): Terminal {
    const session = this.openSession();
    const ready = this.host.ready().catch(() => new Promise<void>(() => {}));
    const onOutput = (text: string) => {
      this.host.toScreen(text);
      options.onOutput(text);
    };
    return new Terminal(session, { ...options, onOutput }, ready, () => this.host.terminalBanner());
  }

  /** Working directories in use (umount refuses a busy mount). */
  directories(): string[] {
    return [...this.sessions].map((s) => s.cwd).filter((cwd): cwd is string => cwd !== undefined);
  }

  closeAll(): void {
    for (const session of [...this.sessions]) session.close("terminated");
  }
}
