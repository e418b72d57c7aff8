import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { requireRoot } from "@/lib/emulator/require-root";
import { toEventView, type AuditEventView } from "./event-view";

/** An event's links in the trail: what it caused (oldest first) and what caused it. */
export type RelatedEvents = {
  caused: Record<string, AuditEventView[]>;
  causes: Record<string, AuditEventView>;
};

/** More is not shown under one event (a RunInstances of 100 encrypted disks causes 200). */
export const CAUSED_EVENTS_LIMIT = 500;

/**
 * For a page of events, the events they caused and the events that caused them: two queries,
 * on the causedBy and id indexes. The console nests the first and links the second.
 */
export function lookupRelatedEvents(ctx: RequestContext, input: { events: AuditEventView[] }) {
  return operation(ctx, { service: "diskseal", action: "LookupEvents", resourceArn: "*", audit: false }, async () => {
    requireRoot(ctx);
    const { db } = getRuntime();
    const ids = input.events.map((event) => event.EventId);
    const causeIds = [...new Set(input.events.flatMap((event) => (event.CausedBy ? [event.CausedBy] : [])))];
    const [causedRows, causeRows] = await Promise.all([
      ids.length ? db.auditEvent.findMany({ where: { causedBy: { in: ids } }, orderBy: { seq: "asc" }, take: CAUSED_EVENTS_LIMIT }) : [],
      causeIds.length ? db.auditEvent.findMany({ where: { id: { in: causeIds } } }) : [],
    ]);
    const related: RelatedEvents = { caused: {}, causes: {} };
    for (const row of causedRows) (related.caused[row.causedBy!] ??= []).push(toEventView(row));
    for (const row of causeRows) related.causes[row.id] = toEventView(row);
    return related;
  });
}
