import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  Pending: "info",
  Starting: "info",
  Running: "success",
  Stopping: "warning",
  Stopped: "neutral",
};

/** Whether an instance is on its way to another status by itself (the pages poll while it is). */
export function isTransitionalInstanceStatus(status: string): boolean {
  return status === "Pending" || status === "Starting" || status === "Stopping";
}

/** An instance's status as the console names it (Running 運行中, Stopped 已停止, …). */
export function InstanceStatusBadge({ status }: { status: string }) {
  const t = useTranslations("Instances.statuses");
  return (
    <Badge tone={TONES[status] ?? "neutral"}>
      {Object.hasOwn(TONES, status) ? t(status as "Running") : status}
    </Badge>
  );
}
