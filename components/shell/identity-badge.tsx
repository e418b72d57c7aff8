import { getTranslations } from "next-intl/server";
import type { Principal } from "@/lib/context";
import type { ConsoleAuthMode } from "@/lib/config";
import { IdentityMenu } from "@/components/shell/identity-menu";

/**
 * Who the console acts as: the root account, or a RAM user as its logon name
 * (`alice@<account id>.onaliyun.com`, as Alibaba's console shows it). Its menu switches identity:
 * sign in as a RAM user, and sign out (in `auto-root` mode, back to root).
 */
export async function IdentityBadge({
  principal,
  authMode,
  signOutAction,
}: {
  principal: Principal;
  authMode: ConsoleAuthMode;
  signOutAction: () => Promise<void>;
}) {
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
  const isSignedInUser = principal.kind === "user";
  return (
    <IdentityMenu
      kind={kind}
      name={name}
      labels={{
        identity: t("identity"),
        signInAsUser: t("signInAsUser"),
        signOut: isSignedInUser && authMode === "auto-root" ? t("backToRoot") : t("signOut"),
      }}
      // In auto-root mode root has no session to end: only the switch to a RAM user is offered.
      canSignOut={authMode === "required" || isSignedInUser}
      signOutAction={signOutAction}
    />
  );
}
