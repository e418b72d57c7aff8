/**
 * Applies what became due on the emulator clock: key deletion at the end of its window,
 * automatic rotation, asynchronous state transitions. Domains register a handler that finds
 * and applies their own due work; the scheduler runs them all on every tick, after every
 * AdvanceEmulatorClock, and when a domain asks to be woken at a given time.
 */
export type DueHandler = (now: Date) => Promise<void>;

export class Scheduler {
  private readonly handlers = new Map<string, DueHandler>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private rerun = false;
  private readonly wakeTimers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly now: () => Date,
    private readonly onError: (name: string, error: unknown) => void = (name, error) =>
      console.error(`scheduler: ${name} failed`, error),
  ) {}

  register(name: string, handler: DueHandler): void {
    this.handlers.set(name, handler);
  }

  start(tickMs = 1000): void {
    this.stop();
    this.timer = setInterval(() => void this.runDue(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const timer of this.wakeTimers) clearTimeout(timer);
    this.wakeTimers.clear();
  }

  /** Runs every handler once; concurrent callers share the run (and one more if asked mid-run). */
  runDue(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.rerun = false;
        const now = this.now();
        for (const [name, handler] of this.handlers) {
          try {
            await handler(now);
          } catch (error) {
            this.onError(name, error);
          }
        }
      } while (this.rerun);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Asks for a run after `delayMs` of real time (an asynchronous transition's end). */
  wakeIn(delayMs: number): void {
    const timer = setTimeout(() => {
      this.wakeTimers.delete(timer);
      void this.runDue();
    }, Math.max(0, delayMs));
    timer.unref();
    this.wakeTimers.add(timer);
  }
}
