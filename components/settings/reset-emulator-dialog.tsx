"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";

const DROPPED = ["resources", "keys", "ram", "events", "clock"] as const;
const KEPT = ["account", "accessKey"] as const;

/**
 * Reset emulator, behind a confirmation that says exactly what goes and what stays
 * (emulator-contract.md, ResetEmulator).
 */
export function ResetEmulatorDialog({
  resetEmulatorAction,
}: {
  resetEmulatorAction: () => Promise<ActionResult<null>>;
}) {
  const t = useTranslations("Settings.emulator");
  const tCommon = useTranslations("Common");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<{ code: string; message: string }>();
  const [done, setDone] = useState(false);
  const [isPending, startTransition] = useTransition();

  const onOpenChange = (next: boolean) => {
    if (isPending) return;
    setOpen(next);
    if (next) {
      setError(undefined);
      setDone(false);
    }
  };

  const onConfirm = () => {
    startTransition(async () => {
      try {
        const result = await resetEmulatorAction();
        if (result.ok) {
          setOpen(false);
          setDone(true);
          router.refresh();
        } else {
          setError({ code: result.code, message: result.message });
        }
      } catch {
        setError({ code: "NetworkError", message: tCommon("requestFailed") });
      }
    });
  };

  return (
    <div className="space-y-4">
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogTrigger asChild>
          <Button variant="danger">
            <RotateCcw aria-hidden className="size-4" />
            {t("reset")}
          </Button>
        </DialogTrigger>
        <DialogContent
          title={t("resetDialogTitle")}
          description={t("resetDialogDescription")}
          closeLabel={tCommon("close")}
          footer={
            <DialogActions
              cancelLabel={tCommon("cancel")}
              isPending={isPending}
              variant="danger"
              onConfirm={onConfirm}
            >
              {isPending ? t("resetting") : t("resetConfirm")}
            </DialogActions>
          }
        >
          <div className="space-y-4">
            <section aria-labelledby="reset-dropped">
              <h3
                id="reset-dropped"
                className="mb-1.5 text-xs font-semibold tracking-wide text-red-700 uppercase"
              >
                {t("resetDropped")}
              </h3>
              <ul className="list-disc space-y-1 pl-5">
                {DROPPED.map((item) => (
                  <li key={item}>{t(`resetDroppedItems.${item}`)}</li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="reset-kept">
              <h3
                id="reset-kept"
                className="mb-1.5 text-xs font-semibold tracking-wide text-emerald-700 uppercase"
              >
                {t("resetKept")}
              </h3>
              <ul className="list-disc space-y-1 pl-5">
                {KEPT.map((item) => (
                  <li key={item}>{t(`resetKeptItems.${item}`)}</li>
                ))}
              </ul>
            </section>
            {error ? (
              <ErrorNotice
                message={error.message}
                codeLabel={tCommon("errorCode", { code: error.code })}
              />
            ) : null}
          </div>
        </DialogContent>
      </Dialog>
      {done ? (
        <Notice tone="success" live="status">
          {t("resetDone")}
        </Notice>
      ) : null}
    </div>
  );
}
