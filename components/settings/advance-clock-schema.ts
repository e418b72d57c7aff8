import { z } from "zod";
import { DURATION_UNITS, SECONDS_PER_UNIT } from "@/lib/i18n/duration";

/**
 * The "Advance the clock" form, shared by the form (checked before sending) and the server
 * action (checked again: actions are public endpoints). `maxSeconds` is the API's own bound,
 * MAX_ADVANCE_SECONDS, passed in because lib/emulator/clock.ts is server-only code.
 * Messages are keys of `Settings.emulator`, translated where they are shown.
 */
export function advanceClockSchema(maxSeconds: number) {
  return z
    .object({
      amount: z.coerce
        .number({ error: "amountInvalid" })
        .int({ error: "amountInvalid" })
        .min(1, { error: "amountInvalid" }),
      unit: z.enum(DURATION_UNITS),
    })
    .refine((value) => value.amount * SECONDS_PER_UNIT[value.unit] <= maxSeconds, {
      path: ["amount"],
      error: "amountTooLarge",
    })
    .transform((value) => ({ ...value, seconds: value.amount * SECONDS_PER_UNIT[value.unit] }));
}

export type AdvanceClockInput = z.input<ReturnType<typeof advanceClockSchema>>;
