import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ConsoleKey } from "@/lib/ecs/disks/console-keys";

/**
 * A disk's encryption in one line: the Encrypted badge and its key (alias, else id), or
 * "Not encrypted". The key id is always in the tooltip.
 */
export function DiskEncryptionLabel({
  encrypted,
  kmsKeyId,
  keyInfo,
}: {
  encrypted: boolean;
  kmsKeyId: string | null;
  keyInfo?: ConsoleKey;
}) {
  const t = useTranslations("Disks.encryption");
  if (!encrypted) return <span className="text-xs text-slate-500">{t("notEncrypted")}</span>;
  return (
    <span className="flex flex-col items-start gap-0.5">
      <Badge tone="info" className="gap-1">
        <Lock aria-hidden className="size-3" />
        {t("encrypted")}
      </Badge>
      <span
        className="block max-w-48 truncate font-mono text-[11px] text-slate-600"
        title={kmsKeyId ?? undefined}
      >
        {keyInfo?.aliasName ?? kmsKeyId}
      </span>
    </span>
  );
}
