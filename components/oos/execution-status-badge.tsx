import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  Started: "info",
  Queued: "info",
  Running: "info",
  Waiting: "warning",
  Pending: "neutral",
  Success: "success",
  Skipped: "neutral",
  Failed: "danger",
  Cancelled: "warning",
};

/** An OOS execution's or task's status as the console names it (Success 成功, Failed 失敗, …). */
export function ExecutionStatusBadge({ status }: { status: string }) {
  const t = useTranslations("Oos.statuses");
  return <Badge tone={TONES[status] ?? "neutral"}>{Object.hasOwn(TONES, status) ? t(status as "Success") : status}</Badge>;
}

export const isExecutionRunning = (status: string) => status === "Started" || status === "Running" || status === "Queued";
