import { getRuntime } from "@/lib/runtime";

/**
 * The emulator clock: real time plus an offset that AdvanceEmulatorClock moves. Everything but
 * signature timestamps and the nonce window reads time here (resource times, key deletion and
 * rotation, acs:CurrentTime), so that a test can jump a 30-day deletion window at once.
 */
export const OFFSET_SETTING = "clock.offsetMs";

export function now(): Date {
  return new Date(Date.now() + getRuntime().clock.offsetMs);
}

export function offsetSeconds(): number {
  return Math.floor(getRuntime().clock.offsetMs / 1000);
}

/** Moves the clock forward, persists the offset, then applies whatever became due. */
export async function advanceClock(seconds: number): Promise<void> {
  const runtime = getRuntime();
  runtime.clock.offsetMs += seconds * 1000;
  await persistOffset();
  await runtime.scheduler.runDue();
}

export async function resetClock(): Promise<void> {
  getRuntime().clock.offsetMs = 0;
  await persistOffset();
}

async function persistOffset(): Promise<void> {
  const { db, clock } = getRuntime();
  const value = String(clock.offsetMs);
  await db.setting.upsert({ where: { key: OFFSET_SETTING }, create: { key: OFFSET_SETTING, value }, update: { value } });
}

/** Alibaba's timestamp form: `2021-06-07T06:08:54Z` (UTC, no milliseconds). */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
