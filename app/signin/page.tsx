import type { Metadata } from "next";
import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { consolePrincipal } from "@/lib/console/context";
import { principalName } from "@/lib/context";
import { getRuntime } from "@/lib/runtime";
import { Notice } from "@/components/ui/notice";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SignInForm } from "@/components/signin/sign-in-form";
import { setLocale } from "../(console)/actions";
import { signIn } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignIn"))("title") };
}

/**
 * The sign-in page. In `required` mode every console page sends a signed-out visitor here; in
 * `auto-root` mode it is where the identity menu's "Sign in as a RAM user" leads.
 */
export default async function SignInPage() {
  const t = await getTranslations("SignIn");
  const { accountId, config } = getRuntime();
  const current = await consolePrincipal();
  const isAutoRoot = config.consoleAuth === "auto-root";
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-13 items-center gap-2 border-b border-slate-200 bg-white px-4">
        <span className="flex size-7 items-center justify-center rounded bg-orange-500 text-white">
          <ShieldCheck aria-hidden className="size-4.5" />
        </span>
        <span className="text-[15px] font-semibold tracking-tight text-slate-900">DiskSeal</span>
        <div className="ml-auto">
          <LanguageSwitch setLocaleAction={setLocale} />
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-16">
        <div className="w-full max-w-sm space-y-4">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("subtitle", { accountId })}</p>
          </div>
          {current ? (
            <Notice tone="info">
              {t("currentlySignedIn", { name: principalName(current) })}{" "}
              <Link href="/" className="font-medium text-blue-700 hover:underline">
                {t("backToConsole")}
              </Link>
            </Notice>
          ) : null}
          <div className="rounded-md border border-slate-200 bg-white px-5 pb-5 shadow-xs">
            <SignInForm accountId={accountId} signInAction={signIn} />
          </div>
          {isAutoRoot ? <p className="text-xs text-slate-500">{t("autoRootNote")}</p> : null}
        </div>
      </main>
    </div>
  );
}
