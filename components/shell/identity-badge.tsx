import { CircleUserRound } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { Principal } from "@/lib/context";

/**
 * Who the console acts as. Today always the root account; a RAM user signed in later shows
 * as its logon name (`alice@<account id>.onaliyun.com`, as Alibaba's console does).
 */
export async function IdentityBadge({ principal }: { principal: Principal }) {
  const t = await getTranslations("Shell");
  const kind =
    principal.kind === "user"
      ? t("ramUser")
      : principal.kind === "root"
        ? t("rootAccount")
        : principal.kind;
  const name =
    principal.kind === "user"
      ? `${principal.userName}@${principal.accountId}.onaliyun.com`
      : principal.accountId;
  return (
    <div
      role="group"
      aria-label={t("identity")}
      className="flex items-center gap-2 border-l border-slate-200 pl-3"
    >
      <CircleUserRound aria-hidden className="size-6 text-slate-400" />
      <div className="leading-tight">
        <p className="text-[11px] text-slate-500">{kind}</p>
        <p className="font-mono text-xs text-slate-800">{name}</p>
      </div>
    </div>
  );
}
