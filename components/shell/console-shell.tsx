import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { ConsoleAuthMode } from "@/lib/config";
import type { Principal } from "@/lib/context";
import type { ActionResult } from "@/lib/console/server-action";
import type { Locale } from "@/lib/i18n/locales";
import { IdentityBadge } from "@/components/shell/identity-badge";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { RegionSelector, type RegionOption } from "@/components/shell/region-selector";
import { SideNav } from "@/components/shell/side-nav";

/** The console frame: white top bar, left navigation, and the page. */
export async function ConsoleShell({
  regionId,
  regions,
  principal,
  authMode,
  rememberRegionAction,
  setLocaleAction,
  signOutAction,
  children,
}: {
  regionId: string;
  regions: RegionOption[];
  principal: Principal;
  authMode: ConsoleAuthMode;
  rememberRegionAction: (input: { regionId: string }) => Promise<ActionResult<null>>;
  setLocaleAction: (input: { locale: Locale }) => Promise<ActionResult<null>>;
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        {t("Shell.skipToContent")}
      </a>
      <header className="sticky top-0 z-30 flex h-13 shrink-0 items-center gap-5 border-b border-slate-200 bg-white px-4 shadow-xs">
        <Link
          href={`/${regionId}/overview`}
          aria-label={t("Shell.home")}
          className="flex items-center gap-2"
        >
          <span className="flex size-7 items-center justify-center rounded bg-orange-500 text-white">
            <ShieldCheck aria-hidden className="size-4.5" />
          </span>
          <span className="text-[15px] font-semibold tracking-tight text-slate-900">
            {t("App.name")}
          </span>
          <span className="hidden text-sm text-slate-400 sm:inline">{t("App.consoleName")}</span>
        </Link>
        <div className="h-6 w-px bg-slate-200" aria-hidden />
        <RegionSelector
          regionId={regionId}
          regions={regions}
          rememberRegionAction={rememberRegionAction}
        />
        <div className="ml-auto flex items-center gap-3">
          <span className="hidden rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800 md:inline">
            {t("Shell.localEmulator")}
          </span>
          <LanguageSwitch setLocaleAction={setLocaleAction} />
          <IdentityBadge principal={principal} authMode={authMode} signOutAction={signOutAction} />
        </div>
      </header>
      <div className="flex flex-1">
        <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
          <div className="sticky top-13 max-h-[calc(100vh-3.25rem)] overflow-y-auto">
            <SideNav regionId={regionId} />
          </div>
        </aside>
        <main id="main" className="min-w-0 flex-1 px-6 py-5">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
