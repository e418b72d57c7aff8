import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { coded, int, str } from "@/lib/openapi/params";
import { isoSeconds } from "@/lib/clock";
import { advanceEmulatorClock, describeEmulatorClock, MAX_ADVANCE_SECONDS, type EmulatorClock } from "@/lib/emulator/clock";
import { resetEmulator } from "@/lib/emulator/reset-emulator";
import { LOOKUP_EVENTS_MAX_RESULTS, lookupEvents } from "@/lib/audit/lookup-events";
import { diskMediaActions } from "@/lib/ecs/disks/disk-media-actions";

const clockBody = (clock: EmulatorClock) => ({ Now: isoSeconds(clock.now), OffsetSeconds: clock.offsetSeconds });

const time = (name: string) =>
  str({ max: 64 }).transform((value, ctx) => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: coded("InvalidParameter", `The specified parameter "${name}" is not a valid ISO 8601 time.`) });
      return z.NEVER;
    }
    return date;
  });

/** DiskSeal 2026-11-28: emulator control and the audit trail (root account only). */
export const emulatorActions: Record<string, ActionDefinition> = {
  DescribeEmulatorClock: defineAction(z.object({}), async (ctx) => clockBody(await describeEmulatorClock(ctx))),

  AdvanceEmulatorClock: defineAction(
    z.object({ Seconds: int({ min: 1, max: MAX_ADVANCE_SECONDS }) }),
    async (ctx, input) => clockBody(await advanceEmulatorClock(ctx, { seconds: input.Seconds })),
  ),

  ResetEmulator: defineAction(z.object({}), async (ctx) => {
    await resetEmulator(ctx);
    return {};
  }),

  LookupEvents: defineAction(
    z.object({
      EventId: str({ max: 64 }).optional(),
      // The event's action. ActionTrail's name for it: `Action` itself is the protocol's.
      EventName: str({ max: 128 }).optional(),
      ResourceArn: str({ max: 1024 }).optional(),
      KeyId: str({ max: 256 }).optional(),
      Principal: str({ max: 256 }).optional(),
      // Success, Failed (any refusal or error) or one error code.
      Result: str({ max: 128 }).optional(),
      CausedBy: str({ max: 64 }).optional(),
      StartTime: time("StartTime").optional(),
      EndTime: time("EndTime").optional(),
      MaxResults: int({ min: 1, max: LOOKUP_EVENTS_MAX_RESULTS }).optional(),
      NextToken: str({ max: 256 }).optional(),
    }),
    async (ctx, input) => {
      const page = await lookupEvents(ctx, {
        eventId: input.EventId,
        action: input.EventName,
        resourceArn: input.ResourceArn,
        keyId: input.KeyId,
        principal: input.Principal,
        result: input.Result,
        causedBy: input.CausedBy,
        startTime: input.StartTime,
        endTime: input.EndTime,
        maxResults: input.MaxResults,
        nextToken: input.NextToken,
      });
      return { Events: page.events, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
    },
  ),

  // ReadDiskMedia, DescribeDiskEncryptionMaterial, GrantEcsDiskEncryptRole (the disks domain's).
  ...diskMediaActions,
};
