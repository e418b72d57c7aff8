"use client";

import { AlertOctagon, RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** A page of the console failed to render: say so, keep the shell, offer to try again. */
export default function RegionError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("Errors");
  const tCommon = useTranslations("Common");
  const digest =
    error instanceof Error && "digest" in error
      ? String((error as Error & { digest?: string }).digest ?? "")
      : "";

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div
      role="alert"
      className="mx-auto mt-10 max-w-lg rounded-md border border-red-200 bg-white p-6 text-center shadow-xs"
    >
      <AlertOctagon aria-hidden className="mx-auto size-8 text-red-500" />
      <h1 className="mt-3 text-lg font-semibold text-slate-900">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("body")}</p>
      {digest ? (
        <p className="mt-2 font-mono text-xs text-slate-400">{t("digest", { digest })}</p>
      ) : null}
      <Button variant="primary" className="mt-5" onClick={() => retry()}>
        <RotateCw aria-hidden className="size-4" />
        {tCommon("retry")}
      </Button>
    </div>
  );
}
