import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CornerDownRight } from "lucide-react";
import type { AuditEventView } from "@/lib/audit/lookup-events";
import type { RelatedEvents } from "@/lib/audit/related-events";
import { Table, TableCell, TableEmpty, TableHead, TableHeaderCell } from "@/components/ui/table";
import { Timestamp } from "@/components/kms/timestamp";
import { cn } from "@/components/ui/cn";
import { auditHref } from "./audit-params";
import { ResultBadge, SourceLabel } from "./event-labels";
import { resourceHref } from "./resource-href";

const COLUMNS = 5;

/**
 * A page of the trail, newest first. Each event is a row group named after it: its row, then
 * the events it caused (ECS's KMS calls as the ECS service), nested beneath it. An event caused
 * by another links to its cause.
 */
export async function AuditEventTable({
  regionId,
  events,
  related,
  filtered,
}: {
  regionId: string;
  events: AuditEventView[];
  related: RelatedEvents;
  filtered: boolean;
}) {
  const t = await getTranslations("Audit");
  return (
    <Table caption={t("caption")}>
      <TableHead>
        <tr>
          <TableHeaderCell>{t("columns.time")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.event")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.principal")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.result")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.requestId")}</TableHeaderCell>
        </tr>
      </TableHead>
      {events.length === 0 ? (
        <tbody>
          <TableEmpty colSpan={COLUMNS}>{filtered ? t("noMatch") : t("none")}</TableEmpty>
        </tbody>
      ) : (
        events.map((event) => {
          const caused = related.caused[event.EventId] ?? [];
          const cause = event.CausedBy ? related.causes[event.CausedBy] : undefined;
          return (
            <tbody
              key={event.EventId}
              aria-label={`${event.Action} ${event.ResourceArn}`}
              className="divide-y divide-slate-100 border-b border-slate-200"
            >
              <EventRow regionId={regionId} event={event} cause={cause} t={t} />
              {caused.map((child) => (
                <EventRow key={child.EventId} regionId={regionId} event={child} nested t={t} />
              ))}
            </tbody>
          );
        })
      )}
    </Table>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"Audit">>>;

function EventRow({
  regionId,
  event,
  cause,
  nested = false,
  t,
}: {
  regionId: string;
  event: AuditEventView;
  cause?: AuditEventView;
  nested?: boolean;
  t: T;
}) {
  const resourceLink = resourceHref(event.ResourceArn);
  return (
    <tr className={cn("hover:bg-slate-50/60", nested && "bg-slate-50/70")}>
      <TableCell className="align-top text-xs text-slate-600">
        <Timestamp date={new Date(event.EventTime)} compact />
      </TableCell>
      <TableCell className="align-top">
        <div className={cn("flex items-start gap-1.5", nested && "pl-4")}>
          {nested ? (
            <>
              <CornerDownRight aria-hidden className="mt-0.5 size-3.5 shrink-0 text-slate-400" />
              <span className="sr-only">{t("causedMarker")}</span>
            </>
          ) : null}
          <div className="min-w-0 space-y-0.5">
            <Link
              href={auditHref(regionId, { event: event.EventId })}
              className="font-mono text-xs font-medium text-blue-700 hover:underline"
            >
              {event.Service}:{event.Action}
            </Link>
            <p className="font-mono text-[11px] break-all text-slate-500">
              {resourceLink ? (
                <Link href={resourceLink} className="hover:text-blue-700 hover:underline">
                  {event.ResourceArn}
                </Link>
              ) : (
                event.ResourceArn
              )}
            </p>
            {event.CausedBy && !nested ? (
              <p className="text-[11px] text-slate-600">
                {t("causedBy")}{" "}
                <Link
                  href={auditHref(regionId, { event: event.CausedBy })}
                  className="font-mono text-blue-700 hover:underline"
                >
                  {cause ? `${cause.Service}:${cause.Action}` : event.CausedBy}
                </Link>
              </p>
            ) : null}
          </div>
        </div>
      </TableCell>
      <TableCell className="align-top">
        <p className="font-mono text-xs">{event.Principal}</p>
        <p className="text-[11px] text-slate-500">
          <SourceLabel source={event.Source} />
          {event.SourceIp ? ` · ${event.SourceIp}` : ""}
        </p>
      </TableCell>
      <TableCell className="align-top">
        <ResultBadge result={event.Result} />
      </TableCell>
      <TableCell className="align-top font-mono text-[11px] text-slate-500">{event.RequestId}</TableCell>
    </tr>
  );
}
