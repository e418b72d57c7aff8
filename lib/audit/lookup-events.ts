import type { RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { requireRoot } from "@/lib/emulator/require-root";
import { toEventView } from "./event-view";

export type { AuditEventView } from "./event-view";

/** Every filter is exact; together they narrow (AND). */
export type LookupEventsInput = {
  eventId?: string;
  action?: string;
  resourceArn?: string;
  /** A key id or its ARN (`acs:kms:<region>:<account>:key/<id>`). */
  keyId?: string;
  principal?: string;
  /** `Success`, `Failed` (every result but Success), or one error code. */
  result?: string;
  /** The events a given event caused (ECS's KMS calls name the ECS operation). */
  causedBy?: string;
  startTime?: Date;
  endTime?: Date;
  maxResults?: number;
  nextToken?: string;
};

export const LOOKUP_EVENTS_MAX_RESULTS = 100;
export const LOOKUP_EVENTS_DEFAULT_RESULTS = 20;
/** The Result filter that matches every refusal and error. */
export const FAILED_RESULTS = "Failed";

/** The audit trail, newest first, paged by an opaque token (the last row's sequence number). */
export function lookupEvents(ctx: RequestContext, input: LookupEventsInput) {
  return operation(ctx, { service: "diskseal", action: "LookupEvents", resourceArn: "*", audit: false }, async () => {
    requireRoot(ctx);
    if (input.startTime && input.endTime && input.startTime > input.endTime)
      throw new AppError("InvalidParameter", "The specified StartTime is later than EndTime.", 400);
    const limit = input.maxResults ?? LOOKUP_EVENTS_DEFAULT_RESULTS;
    const before = input.nextToken ? decodeToken(input.nextToken) : undefined;
    const rows = await getRuntime().db.auditEvent.findMany({
      where: { ...eventFilter(input), seq: before === undefined ? undefined : { lt: before } },
      orderBy: { seq: "desc" },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      events: page.map(toEventView),
      nextToken: rows.length > limit ? encodeToken(page[page.length - 1].seq) : undefined,
    };
  });
}

function eventFilter(input: LookupEventsInput): Prisma.AuditEventWhereInput {
  return {
    id: input.eventId,
    action: input.action,
    resourceArn: input.resourceArn,
    keyId: input.keyId === undefined ? undefined : keyIdOf(input.keyId),
    principal: input.principal,
    result: input.result === FAILED_RESULTS ? { not: "Success" } : input.result,
    causedBy: input.causedBy,
    eventTime: { gte: input.startTime, lte: input.endTime },
  };
}

/** The trail records key ids; an ARN names one after `:key/`. */
function keyIdOf(reference: string): string {
  const match = /^acs:kms:[^:]*:\d*:key\/(.+)$/.exec(reference);
  return match ? match[1] : reference;
}

function encodeToken(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString("base64url");
}

function decodeToken(token: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match) throw new AppError("InvalidNextToken", "The specified NextToken is not valid.", 400);
  return Number(match[1]);
}
