import type { AuditEvent } from "@/lib/generated/prisma/client";

/** An audit event as LookupEvents answers it (PascalCase, the wire shape) and the console shows it. */
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
  SourceIp: string | null;
  CausedBy: string | null;
};

export function toEventView(row: AuditEvent): AuditEventView {
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
    SourceIp: row.sourceIp,
    CausedBy: row.causedBy,
  };
}
