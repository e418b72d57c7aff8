import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { AuditEventView } from "@/lib/audit/lookup-events";
import { Timestamp } from "@/components/kms/timestamp";

const SOURCES = {
  console: "console",
  api: "api",
  guest: "guest",
  oos: "oos",
  "ecs-service": "ecsService",
} as const;

/**
 * The key's recent operations from the audit trail, newest first: what was done, by whom,
 * from where, and with which result (refusals show their error code).
 */
export async function KeyEventsTable({
  keyId,
  events,
}: {
  keyId: string;
  events: AuditEventView[];
}) {
  const t = await getTranslations("Kms.detail.events");
  return (
    <Table caption={t("caption", { keyId })}>
      <TableHead>
        <tr>
          <TableHeaderCell>{t("time")}</TableHeaderCell>
          <TableHeaderCell>{t("action")}</TableHeaderCell>
          <TableHeaderCell>{t("principal")}</TableHeaderCell>
          <TableHeaderCell>{t("source")}</TableHeaderCell>
          <TableHeaderCell>{t("result")}</TableHeaderCell>
          <TableHeaderCell>{t("requestId")}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {events.length === 0 ? (
          <TableEmpty colSpan={6}>{t("none")}</TableEmpty>
        ) : (
          events.map((event) => (
            <TableRow key={event.EventId}>
              <TableCell className="text-xs text-slate-600">
                <Timestamp date={new Date(event.EventTime)} />
              </TableCell>
              <TableCell className="font-mono text-xs">
                {event.Service}:{event.Action}
              </TableCell>
              <TableCell className="font-mono text-xs">{event.Principal}</TableCell>
              <TableCell className="text-xs">
                {event.Source in SOURCES
                  ? t(`sources.${SOURCES[event.Source as keyof typeof SOURCES]}`)
                  : event.Source}
              </TableCell>
              <TableCell>
                {/* A refusal shows its error code, as the audit trail records it. */}
                <Badge tone={event.Result === "Success" ? "success" : "danger"}>
                  {event.Result === "Success" ? t("success") : event.Result}
                </Badge>
              </TableCell>
              <TableCell className="font-mono text-[11px] text-slate-500">
                {event.RequestId}
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
