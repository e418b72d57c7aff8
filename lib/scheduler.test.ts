import { describe, expect, it } from "vitest";
import { Scheduler } from "./scheduler";

describe("Scheduler", () => {
  it("runs every handler with the clock's time and keeps going when one fails", async () => {
    const seen: string[] = [];
    const errors: string[] = [];
    const scheduler = new Scheduler(() => new Date("2030-01-01T00:00:00Z"), (name) => errors.push(name));
    scheduler.register("a", async (now) => void seen.push(`a@${now.toISOString()}`));
    scheduler.register("broken", async () => {
      throw new Error("boom");
    });
    scheduler.register("b", async () => void seen.push("b"));
    await scheduler.runDue();
    expect(seen).toEqual(["a@2030-01-01T00:00:00.000Z", "b"]);
    expect(errors).toEqual(["broken"]);
  });

  it("shares a run between concurrent callers and runs once more when asked mid-run", async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const scheduler = new Scheduler(() => new Date());
    scheduler.register("slow", async () => {
      runs++;
      if (runs === 1) await gate;
    });
    const first = scheduler.runDue();
    const second = scheduler.runDue();
    expect(second).toBe(first);
    release();
    await first;
    expect(runs).toBe(2);
  });

  it("wakes itself after a delay", async () => {
    const scheduler = new Scheduler(() => new Date());
    const ran = new Promise<void>((resolve) => scheduler.register("x", async () => resolve()));
    scheduler.wakeIn(5);
    await ran;
    scheduler.stop();
  });
});
