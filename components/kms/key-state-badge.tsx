import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { KeyState } from "@/lib/kms/key-states";

const TONES: Record<KeyState, BadgeTone> = {
  Enabled: "success",
  Disabled: "neutral",
  PendingDeletion: "danger",
  PendingImport: "warning",
};

/** A key's state as the console names it (Enabled 啟用中, Disabled 已停用, …). */
export function KeyStateBadge({ state }: { state: KeyState }) {
  const t = useTranslations("Kms.states");
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
