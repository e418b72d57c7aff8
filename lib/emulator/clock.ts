import type { RequestContext } from "@/lib/context";
import { advanceClock, now, offsetSeconds } from "@/lib/clock";
import { operation } from "@/lib/service/operation";
import { requireRoot } from "@/lib/emulator/require-root";

/** At most ten years per call: enough for any deletion window or rotation period. */
export const MAX_ADVANCE_SECONDS = 10 * 366 * 24 * 3600;

export type EmulatorClock = { now: Date; offsetSeconds: number };

export function describeEmulatorClock(ctx: RequestContext): Promise<EmulatorClock> {
  return operation(ctx, { service: "diskseal", action: "DescribeEmulatorClock", resourceArn: "*", audit: false }, async () => {
    requireRoot(ctx);
    return { now: now(), offsetSeconds: offsetSeconds() };
  });
}

/** Moves the emulator clock forward; what became due is applied before this returns. */
export function advanceEmulatorClock(ctx: RequestContext, input: { seconds: number }): Promise<EmulatorClock> {
  return operation(ctx, { service: "diskseal", action: "AdvanceEmulatorClock", resourceArn: "*" }, async () => {
    requireRoot(ctx);
    await advanceClock(input.seconds);
    return { now: now(), offsetSeconds: offsetSeconds() };
  });
}
