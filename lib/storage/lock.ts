/**
 * A first-come-first-served reader-writer lock. The place in the queue is taken when
 * `shared()` / `exclusive()` is called, not when the promise is awaited, so operations on a
 * medium take effect in the order they were issued: of two overlapping writes, the later one
 * wins; a read issued after a write sees it. Readers that queue together run together.
 */
export type Release = () => void;

type Waiter = { shared: boolean; grant: (release: Release) => void };

export class RwLock {
  private readonly queue: Waiter[] = [];
  private readers = 0;
  private writer = false;

  shared(): Promise<Release> {
    return this.enqueue(true);
  }

  exclusive(): Promise<Release> {
    return this.enqueue(false);
  }

  /** True when nobody holds or waits for the lock. */
  get idle(): boolean {
    return !this.writer && this.readers === 0 && this.queue.length === 0;
  }

  private enqueue(shared: boolean): Promise<Release> {
    return new Promise((grant) => {
      this.queue.push({ shared, grant });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.writer) {
      const head = this.queue[0];
      if (!head.shared && this.readers > 0) return;
      this.queue.shift();
      if (head.shared) this.readers++;
      else this.writer = true;
      head.grant(this.releaser(head.shared));
    }
  }

  private releaser(shared: boolean): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (shared) this.readers--;
      else this.writer = false;
      this.pump();
    };
  }
}
