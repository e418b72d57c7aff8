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

const COLUMNS = [
  "id", "eventTime", "principal", "source", "service", "action", "resourceArn",
  "regionId", "keyId", "result", "requestId", "causedBy", "sourceIp",
] as const;
type Row = Record<(typeof COLUMNS)[number], string | null>;
type Pending = { row: Row; resolve: () => void; reject: (e: unknown) => void };
/** SQLite allows 32,766 bound values per statement; 13 columns × 1,000 rows stays well below. */
const ROWS_PER_STATEMENT = 1000;

/**
 * Group commit: every operation awaits its own event (so the event is recorded before the
 * response is sent), but the events of concurrent operations share one INSERT and one
 * transaction. Under load that turns hundreds of fsyncs into a few.
 */
const queue = processSingleton("audit.queue", () => ({ pending: [] as Pending[], scheduled: false }));

export function recordEvent(ctx: RequestContext, event: AuditEventInput): Promise<void> {
  const row: Row = {
    id: event.eventId,
    eventTime: toPrismaDateTime(now()),
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

/**
 * One multi-row INSERT per batch. Prisma's createMany costs about ten times as much per batch
 * (measured: 9.7 ms vs 0.9 ms for 32 rows), and this is the hottest write of the server.
 */
async function flush(): Promise<void> {
  const batch = queue.pending.splice(0);
  queue.scheduled = false;
  if (batch.length === 0) return;
  try {
    const { db } = getRuntime();
    for (let start = 0; start < batch.length; start += ROWS_PER_STATEMENT) {
      const rows = batch.slice(start, start + ROWS_PER_STATEMENT);
      const placeholders = `(${COLUMNS.map(() => "?").join(",")})`;
      await db.$executeRawUnsafe(
        `INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES ${rows.map(() => placeholders).join(",")}`,
        ...rows.flatMap((pending) => COLUMNS.map((column) => pending.row[column])),
      );
    }
    for (const pending of batch) pending.resolve();
  } catch (error) {
    for (const pending of batch) pending.reject(error);
  }
}

/** The text Prisma's SQLite adapter stores for a DateTime, so Prisma reads these rows back. */
function toPrismaDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
