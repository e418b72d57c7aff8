import type { RequestContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { requireRoot } from "@/lib/emulator/require-root";

export type LookupEventsInput = {
  action?: string;
  resourceArn?: string;
  keyId?: string;
  principal?: string;
  result?: string;
  startTime?: Date;
  endTime?: Date;
  maxResults?: number;
  nextToken?: string;
};

export const LOOKUP_EVENTS_MAX_RESULTS = 100;
export const LOOKUP_EVENTS_DEFAULT_RESULTS = 20;

export type AuditEventView = {
  EventId: string;
  EventTime: string;
  Principal: string;
  Source: string;
  Service: string;
  Action: string;
  ResourceArn: string;
  RegionId: string;
  KeyId: string | null;
  Result: string;
  RequestId: string;
  CausedBy: string | null;
};

/** The audit trail, newest first, paged by an opaque token (the last row's sequence number). */
export function lookupEvents(ctx: RequestContext, input: LookupEventsInput) {
  return operation(ctx, { service: "diskseal", action: "LookupEvents", resourceArn: "*", audit: false }, async () => {
    requireRoot(ctx);
    const limit = input.maxResults ?? LOOKUP_EVENTS_DEFAULT_RESULTS;
    const before = input.nextToken ? decodeToken(input.nextToken) : undefined;
    const rows = await getRuntime().db.auditEvent.findMany({
      where: {
        action: input.action,
        resourceArn: input.resourceArn,
        keyId: input.keyId,
        principal: input.principal,
        result: input.result,
        eventTime: { gte: input.startTime, lte: input.endTime },
        seq: before === undefined ? undefined : { lt: before },
      },
      orderBy: { seq: "desc" },
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      events: page.map(toView),
      nextToken: rows.length > limit ? encodeToken(page[page.length - 1].seq) : undefined,
    };
  });
}

function toView(row: {
  id: string; eventTime: Date; principal: string; source: string; service: string; action: string;
  resourceArn: string; regionId: string; keyId: string | null; result: string; requestId: string; causedBy: string | null;
}): AuditEventView {
  return {
    EventId: row.id,
    EventTime: row.eventTime.toISOString(),
    Principal: row.principal,
    Source: row.source,
    Service: row.service,
    Action: row.action,
    ResourceArn: row.resourceArn,
    RegionId: row.regionId,
    KeyId: row.keyId,
    Result: row.result,
    RequestId: row.requestId,
    CausedBy: row.causedBy,
  };
}

function encodeToken(seq: number): string {
  return Buffer.from(`seq:${seq}`).toString("base64url");
}

function decodeToken(token: string): number {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  if (!match) throw new AppError("InvalidNextToken", "The specified NextToken is not valid.", 400);
  return Number(match[1]);
}
