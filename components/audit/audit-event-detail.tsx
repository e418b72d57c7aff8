import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditEventView } from "@/lib/audit/lookup-events";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { Timestamp } from "@/components/kms/timestamp";
import { auditHref } from "./audit-params";
import { ResultBadge, SourceLabel } from "./event-labels";
import { resourceHref } from "./resource-href";

/** One event in full: who, from where, what, the result, and what caused it. */
export async function AuditEventDetail({
  regionId,
  event,
  cause,
  causedCount,
}: {
  regionId: string;
  event: AuditEventView;
  cause?: AuditEventView;
  causedCount: number;
}) {
  const t = await getTranslations("Audit.detail");
  const resourceLink = resourceHref(event.ResourceArn);
  const keyLink = event.KeyId ? `/${event.RegionId}/kms/keys/${event.KeyId}` : undefined;
  const none = "—";
  return (
    <Card id="audit-event" title={t("title", { action: `${event.Service}:${event.Action}` })}>
      <DescriptionList
        columns={2}
        items={[
          { label: t("eventId"), value: event.EventId, mono: true },
          { label: t("time"), value: <Timestamp date={new Date(event.EventTime)} /> },
          { label: t("principal"), value: event.Principal, mono: true },
          { label: t("source"), value: <SourceLabel source={event.Source} /> },
          { label: t("sourceIp"), value: event.SourceIp ?? none, mono: true },
          { label: t("requestId"), value: event.RequestId, mono: true },
          { label: t("result"), value: <ResultBadge result={event.Result} /> },
          { label: t("region"), value: event.RegionId, mono: true },
          {
            label: t("resource"),
            mono: true,
            value: resourceLink ? (
              <Link href={resourceLink} className="text-blue-700 hover:underline">
                {event.ResourceArn}
              </Link>
            ) : (
              event.ResourceArn
            ),
          },
          {
            label: t("key"),
            mono: true,
            value:
              event.KeyId && keyLink ? (
                <Link href={keyLink} className="text-blue-700 hover:underline">
                  {event.KeyId}
                </Link>
              ) : (
                none
              ),
          },
          {
            label: t("causedBy"),
            mono: true,
            value: event.CausedBy ? (
              <Link
                href={auditHref(regionId, { event: event.CausedBy })}
                className="text-blue-700 hover:underline"
              >
                {cause ? `${cause.Service}:${cause.Action} (${cause.EventId})` : event.CausedBy}
              </Link>
            ) : (
              none
            ),
          },
          { label: t("caused"), value: t("causedCount", { count: causedCount }) },
        ]}
      />
    </Card>
  );
}
