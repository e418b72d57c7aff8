import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { SNAPSHOT_STATUSES } from "@/components/snapshots/snapshot-view";

const TONES: Record<string, BadgeTone> = {
  progressing: "info",
  accomplished: "success",
  failed: "danger",
};

/** A snapshot's status (進行中 / 已完成 / 失敗) and, while it progresses, its progress bar. */
export function SnapshotStatus({
  status,
  progress,
  withProgress = true,
}: {
  status: string;
  progress: number;
  withProgress?: boolean;
}) {
  const t = useTranslations("Snapshots");
  const known = (SNAPSHOT_STATUSES as readonly string[]).includes(status);
  return (
    <span className="flex flex-col items-start gap-1">
      <Badge tone={TONES[status] ?? "neutral"}>
        {known ? t(`statuses.${status as "progressing"}`) : status}
      </Badge>
      {withProgress && status === "progressing" ? (
        <ProgressBar value={progress} label={t("progress")} />
      ) : null}
    </span>
  );
}
