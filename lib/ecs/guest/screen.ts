import { ConsoleLog } from "@/lib/ecs/guest/console-log";

const SCREEN_ROWS = 25;
const KEPT_LINES = 200;

/**
 * The instance's screen (what GetInstanceScreenshot renders and the console shows next to the
 * terminal): boot messages, the login banner, then the terminal's text. `ESC[2J` (clear)
 * empties it; other escape sequences are dropped.
 */
export class Screen {
  private lines: string[] = [];

  clear(): void {
    this.lines = [];
  }

  write(text: string): void {
    const clear = text.lastIndexOf("\x1b[2J");
    if (clear >= 0) {
      this.lines = [];
      text = text.slice(clear + 4);
    }
    const parts = text
      .replace(/\x1b\[[0-9;]*[A-Za-z]/g, "")
      .replace(/\r/g, "")
      .split("\n");
    if (this.lines.length === 0) this.lines.push("");
    this.lines[this.lines.length - 1] += parts[0];
    this.lines.push(...parts.slice(1));
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
  }

  /** The last rows, as a 25-line text console shows them. */
  text(rows = SCREEN_ROWS): string {
    return this.lines.slice(-rows).join("\n");
  }
}

/**
 * What an instance shows of itself: the serial console (`log`) and the screen, with whether it
 * is black (hung on I/O, reported by the hypervisor) or shows a panic.
 */
export class GuestDisplay {
  readonly log: ConsoleLog;
  private readonly screen = new Screen();
  private isHangReported = false;
  private isPanicked = false;

  constructor(now: () => Date) {
    this.log = new ConsoleLog(now);
  }

  /** A new boot: empty console and screen; hang reports made from now on count. */
  reset(): void {
    this.isHangReported = false;
    this.isPanicked = false;
    this.screen.clear();
    this.log.reset();
  }

  booted(banner: string[]): void {
    this.isHangReported = false;
    for (const line of banner) this.screen.write(`${line}\n`);
    this.log.raw(banner.join("\n"));
  }

  panic(lines: string[]): void {
    this.isPanicked = true;
    for (const line of lines) this.log.kernel(line);
    this.screen.write(`${lines.join("\n")}\n`);
  }

  hang(report: (log: ConsoleLog) => void): void {
    this.isHangReported = true;
    report(this.log);
  }

  write(text: string): void {
    this.screen.write(text);
  }

  view(isOff: boolean): { isBlack: boolean; text: string } {
    const isBlack = isOff || (this.isHangReported && !this.isPanicked);
    return { isBlack, text: isBlack ? "" : this.screen.text() };
  }
}
