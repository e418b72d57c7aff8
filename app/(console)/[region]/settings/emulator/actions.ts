"use server";

import { z } from "zod";
import { consoleAction } from "@/lib/console/server-action";
import { advanceEmulatorClock, MAX_ADVANCE_SECONDS } from "@/lib/emulator/clock";
import { resetEmulator as resetEmulatorService } from "@/lib/emulator/reset-emulator";
import { advanceClockSchema } from "@/components/settings/advance-clock-schema";

/** Settings › Emulator › Advance the clock (the same bound as AdvanceEmulatorClock). */
export const advanceClock = consoleAction(
  advanceClockSchema(MAX_ADVANCE_SECONDS),
  async (ctx, input) => {
    const clock = await advanceEmulatorClock(ctx, { seconds: input.seconds });
    return { offsetSeconds: clock.offsetSeconds };
  },
);

/** Settings › Emulator › Reset emulator (after the confirmation dialog). */
export const resetEmulator = consoleAction(z.void(), async (ctx) => {
  await resetEmulatorService(ctx);
  return null;
});
