import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = {
  Creating: "info",
  Available: "neutral",
  Attaching: "info",
  In_use: "success",
  Detaching: "info",
  ReIniting: "warning",
};

const KNOWN = new Set(Object.keys(TONES));

/** Whether a disk is on its way to another status by itself (the pages poll while it is). */
export function isTransitionalDiskStatus(status: string): boolean {
  return (
    status === "Creating" ||
    status === "Attaching" ||
    status === "Detaching" ||
    status === "ReIniting"
  );
}

/** A disk's status as the console names it (In_use "In use" 使用中, Available "Unattached" 待掛載, …). */
export function DiskStatusBadge({ status }: { status: string }) {
  const t = useTranslations("Disks.statuses");
  return (
    <Badge tone={TONES[status] ?? "neutral"}>
      {KNOWN.has(status) ? t(status as "Creating") : status}
    </Badge>
  );
}
