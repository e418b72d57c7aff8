import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ProgressBar } from "@/components/ui/progress-bar";

const TONES: Record<string, BadgeTone> = {
  Creating: "info",
  Available: "success",
  UnAvailable: "warning",
  CreateFailed: "danger",
  Waiting: "neutral",
  Deprecated: "neutral",
};

/** An image's status (建立中 / 可用 / …) and, while Creating, its progress bar. */
export function ImageStatus({ status, progress }: { status: string; progress: number }) {
  const t = useTranslations("Images");
  return (
    <span className="flex flex-col items-start gap-1">
      <Badge tone={TONES[status] ?? "neutral"}>
        {status in TONES ? t(`statuses.${status as "Creating"}`) : status}
      </Badge>
      {status === "Creating" ? (
        <ProgressBar value={progress} label={t("statuses.Creating")} />
      ) : null}
    </span>
  );
}
