import { principalName, type RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime, processSingleton } from "@/lib/runtime";

export type AuditService = "ecs" | "kms" | "ram" | "oos" | "diskseal";

export type AuditEventInput = {
  eventId: string;
  service: AuditService;
  action: string;
  resourceArn: string;
  /** The KMS key the operation used or protected data with, for the key's history. */
  keyId?: string;
  /** "Success" or the error Code. */
  result: string;
};

type Pending = { row: Record<string, unknown>; resolve: () => void; reject: (e: unknown) => void };

/**
 * Group commit: every operation awaits its own event (so the event is recorded before the
 * response is sent), but the events of concurrent operations share one INSERT and one
 * transaction. Under load that turns hundreds of fsyncs into a few.
 */
const queue = processSingleton("audit.queue", () => ({ pending: [] as Pending[], scheduled: false }));

export function recordEvent(ctx: RequestContext, event: AuditEventInput): Promise<void> {
  const row = {
    id: event.eventId,
    eventTime: now(),
    principal: principalName(ctx.principal),
    source: ctx.source,
    service: event.service,
    action: event.action,
    resourceArn: event.resourceArn,
    regionId: ctx.regionId,
    keyId: event.keyId ?? null,
    result: event.result,
    requestId: ctx.requestId,
    causedBy: ctx.causedBy ?? null,
    sourceIp: ctx.sourceIp ?? null,
  };
  return new Promise((resolve, reject) => {
    queue.pending.push({ row, resolve, reject });
    if (!queue.scheduled) {
      queue.scheduled = true;
      setImmediate(flush);
    }
  });
}

async function flush(): Promise<void> {
  const batch = queue.pending.splice(0);
  queue.scheduled = false;
  if (batch.length === 0) return;
  try {
    await getRuntime().db.auditEvent.createMany({ data: batch.map((p) => p.row) as never });
    for (const pending of batch) pending.resolve();
  } catch (error) {
    for (const pending of batch) pending.reject(error);
  }
}
