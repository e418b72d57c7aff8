import { principalName, type RequestContext } from "@/lib/context";
import { now } from "@/lib/clock";
import { getRuntime, processSingleton } from "@/lib/runtime";
import type { Sqlite } from "@/lib/db/client";

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
 * One transaction per batch, through a statement prepared once on Prisma's own connection.
 * Through Prisma each batch cost ten times as much (createMany 9.7 ms, a raw multi-row INSERT
 * 0.9 ms, this 0.1 ms for 32 rows), and this is the hottest write of the server.
 */
const prepared = processSingleton("audit.insert", () => ({
  sqlite: undefined as Sqlite | undefined,
  insertAll: (_rows: Row[]): void => {},
}));

/** The prepared insert of the current connection (a test may boot several runtimes in turn). */
function preparedInsert() {
  const { sqlite } = getRuntime();
  if (prepared.sqlite !== sqlite) {
    const statement = sqlite.prepare(
      `INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES (${COLUMNS.map((c) => `@${c}`).join(",")})`,
    );
    prepared.insertAll = sqlite.transaction((rows: Row[]) => rows.forEach((row) => statement.run(row)));
    prepared.sqlite = sqlite;
  }
  return prepared;
}

async function flush(): Promise<void> {
  const batch = queue.pending.splice(0);
  queue.scheduled = false;
  if (batch.length === 0) return;
  try {
    preparedInsert().insertAll(batch.map((pending) => pending.row));
    for (const pending of batch) pending.resolve();
  } catch (error) {
    for (const pending of batch) pending.reject(error);
  }
}

/** The text Prisma's SQLite adapter stores for a DateTime, so Prisma reads these rows back. */
function toPrismaDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
