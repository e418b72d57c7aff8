"use client";

import { Check, KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorNotice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";

export type RootCredentialsView = {
  accountId: string;
  accessKeyId: string;
  accessKeySecret: string;
  credentialsFile: string;
};

/**
 * The root AccessKey generated at first start, shown once: after "I have saved it" the
 * console never shows the secret again (it stays in credentials.json for the operator).
 */
export function RootCredentialsPanel({
  credentials,
  acknowledgeAction,
}: {
  credentials: RootCredentialsView;
  acknowledgeAction: () => Promise<ActionResult<null>>;
}) {
  const t = useTranslations("Credentials");
  const tCommon = useTranslations("Common");
  const router = useRouter();
  const [error, setError] = useState<{ code: string; message: string }>();
  const [isPending, startTransition] = useTransition();

  const onAcknowledge = () => {
    setError(undefined);
    startTransition(async () => {
      try {
        const result = await acknowledgeAction();
        if (result.ok) router.refresh();
        else setError({ code: result.code, message: result.message });
      } catch {
        setError({ code: "NetworkError", message: tCommon("requestFailed") });
      }
    });
  };

  const rows = [
    { label: t("accountId"), value: credentials.accountId },
    { label: t("accessKeyId"), value: credentials.accessKeyId },
    { label: t("accessKeySecret"), value: credentials.accessKeySecret },
  ];

  return (
    <section
      aria-labelledby="root-credentials-title"
      className="rounded-md border border-amber-300 bg-amber-50/60 shadow-xs"
    >
      <div className="flex items-start gap-3 px-5 pt-4">
        <span className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-amber-100 text-amber-700">
          <KeyRound aria-hidden className="size-4" />
        </span>
        <div className="space-y-1 text-sm text-amber-950">
          <h2 id="root-credentials-title" className="text-base font-semibold">
            {t("title")}
          </h2>
          <p>{t("body")}</p>
          <p className="font-medium">{t("secretOnce")}</p>
        </div>
      </div>
      <dl className="mx-5 mt-4 divide-y divide-amber-200/70 rounded border border-amber-200 bg-white text-sm">
        {rows.map((row, index) => (
          <div
            key={row.label}
            className="grid grid-cols-[10rem_minmax(0,1fr)_auto] items-center gap-3 px-3 py-2"
          >
            <dt id={`root-credentials-${index}`} className="text-slate-500">
              {row.label}
            </dt>
            <dd
              aria-labelledby={`root-credentials-${index}`}
              className="font-mono text-[13px] break-all text-slate-900"
            >
              {row.value}
            </dd>
            <CopyButton
              value={row.value}
              label={tCommon("copy", { label: row.label })}
              copiedLabel={tCommon("copied")}
            />
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
        <p className="text-xs text-amber-900">
          {t.rich("fileNote", {
            path: credentials.credentialsFile,
            file: (chunks) => (
              <code className="rounded bg-amber-100 px-1 py-0.5 font-mono">{chunks}</code>
            ),
          })}
        </p>
        <Button variant="primary" onClick={onAcknowledge} disabled={isPending}>
          <Check aria-hidden className="size-4" />
          {isPending ? t("acknowledging") : t("acknowledge")}
        </Button>
      </div>
      {error ? (
        <div className="px-5 pb-4">
          <ErrorNotice
            message={error.message}
            codeLabel={tCommon("errorCode", { code: error.code })}
          />
        </div>
      ) : null}
    </section>
  );
}
