import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { requireRoot } from "@/lib/emulator/require-root";

/**
 * A key's use over time from the audit trail: its successful Decrypt, GenerateDataKey* and
 * Encrypt calls per hour of the emulator clock (whoever made them: ECS's calls as the service
 * included). One grouped query on the keyId index.
 */
export type KeyUsageSeries = "decrypt" | "generateDataKey" | "encrypt";
export type KeyUsageHour = { hour: string } & Record<KeyUsageSeries, number>;

export const KEY_USAGE_HOURS = 24;

const SERIES_OF: Record<string, KeyUsageSeries> = {
  Decrypt: "decrypt",
  GenerateDataKey: "generateDataKey",
  GenerateDataKeyWithoutPlaintext: "generateDataKey",
  Encrypt: "encrypt",
};

const HOUR_MS = 3_600_000;

/** The last `hours` hours, oldest first, each `YYYY-MM-DDTHH:00:00Z` with its counts (zeros included). */
export function keyUsageByHour(ctx: RequestContext, input: { keyId: string; hours?: number }) {
  return operation(ctx, { service: "diskseal", action: "LookupEvents", resourceArn: "*", audit: false }, async () => {
    requireRoot(ctx);
    const hours = input.hours ?? KEY_USAGE_HOURS;
    const end = Math.floor(now().getTime() / HOUR_MS) * HOUR_MS + HOUR_MS;
    const start = new Date(end - hours * HOUR_MS);
    // eventTime is stored as ISO text (`2026-11-29T02:15:00.000+00:00`): its first 13
    // characters are the UTC hour, and text order is time order.
    const rows = await getRuntime().db.$queryRaw<{ hour: string; action: string; count: bigint | number }[]>`
      SELECT substr("eventTime", 1, 13) AS hour, "action", count(*) AS count
      FROM "AuditEvent"
      WHERE "keyId" = ${input.keyId} AND "service" = 'kms' AND "result" = 'Success'
        AND "action" IN ('Decrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'Encrypt')
        AND "eventTime" >= ${start.toISOString().replace("Z", "+00:00")}
      GROUP BY hour, "action"`;
    const buckets = new Map<string, KeyUsageHour>();
    for (let i = 0; i < hours; i++) {
      const hour = new Date(start.getTime() + i * HOUR_MS).toISOString().slice(0, 13);
      buckets.set(hour, { hour: `${hour}:00:00Z`, decrypt: 0, generateDataKey: 0, encrypt: 0 });
    }
    for (const row of rows) {
      const bucket = buckets.get(row.hour);
      if (bucket) bucket[SERIES_OF[row.action]] += Number(row.count);
    }
    return [...buckets.values()];
  });
}
