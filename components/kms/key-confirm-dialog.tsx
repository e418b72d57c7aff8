"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import { scheduleKeyDeletionInputSchema } from "@/lib/kms/console-schemas";
import { PENDING_WINDOW_DAYS } from "@/lib/kms/limits";
import { KeyAssociationsList } from "@/components/kms/key-associations-list";
import type { KeyStateActions } from "@/components/kms/kms-actions";
import { kmsQueryKeys } from "@/components/kms/query-keys";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

export type ConfirmKind = "disable" | "schedule";

type KeyFacts = {
  regionId: string;
  keyId: string;
  aliasName?: string;
  deletionProtection: boolean;
};

/**
 * Disable key / Schedule key deletion, behind a confirmation that first runs the key
 * association check and lists its result, with the guide's warning that the data of those
 * resources cannot be recovered. Schedule deletion also asks for the pending window (7–366
 * days, 30 proposed).
 */
export function KeyConfirmDialog({
  kind,
  keyFacts,
  actions,
  onClose,
}: {
  kind: ConfirmKind;
  keyFacts: KeyFacts;
  actions: KeyStateActions;
  onClose: () => void;
}) {
  const t = useTranslations("Kms.confirm");
  const tAssociations = useTranslations("Kms.associations");
  const tCommon = useTranslations("Common");
  const { regionId, keyId } = keyFacts;
  const mutation = useConsoleMutation();
  const [windowDays, setWindowDays] = useState(String(PENDING_WINDOW_DAYS.consoleDefault));
  const [windowError, setWindowError] = useState(false);

  const associations = useQuery({
    queryKey: kmsQueryKeys.associations(regionId, keyId),
    queryFn: async () => {
      const result = await actions.listKeyAssociations({ regionId, keyId });
      if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code });
      return result.data;
    },
    // Checked afresh each time the dialog opens; a closed dialog's result is not kept.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const checkError = associations.error as (Error & { code?: string }) | null;

  const onOpenChange = (open: boolean) => {
    if (!open && !mutation.isPending) onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === "disable") {
      mutation.run(() => actions.disableKey({ regionId, keyId }), onClose);
      return;
    }
    const parsed = scheduleKeyDeletionInputSchema.safeParse({
      keyId,
      pendingWindowInDays: /^\d+$/.test(windowDays.trim()) ? Number(windowDays) : Number.NaN,
    });
    setWindowError(!parsed.success);
    if (!parsed.success) return;
    mutation.run(() => actions.scheduleKeyDeletion({ ...parsed.data, regionId }), onClose);
  };

  const range = { min: PENDING_WINDOW_DAYS.min, max: PENDING_WINDOW_DAYS.max };
  const formId = `key-confirm-${kind}`;
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        title={kind === "disable" ? t("disableTitle") : t("scheduleTitle")}
        description={kind === "disable" ? t("disableDescription") : t("scheduleDescription")}
        closeLabel={tCommon("close")}
        className="w-[min(40rem,calc(100vw-2rem))]"
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            formId={formId}
            variant="danger"
            disabled={associations.isPending}
          >
            {kind === "disable"
              ? mutation.isPending
                ? t("disabling")
                : t("disable")
              : mutation.isPending
                ? t("scheduling")
                : t("schedule")}
          </DialogActions>
        }
      >
        <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
          <p className="text-slate-500">
            {t.rich("keyLine", {
              keyId,
              id: (chunks) => (
                <span className="font-mono text-[13px] text-slate-900">{chunks}</span>
              ),
            })}
            {keyFacts.aliasName ? (
              <span className="ml-1.5 text-slate-600">({keyFacts.aliasName})</span>
            ) : null}
          </p>
          {kind === "schedule" ? (
            <Field
              id="pending-window"
              label={t("window")}
              hint={t("windowHint", range)}
              error={windowError ? t("windowInvalid", range) : undefined}
              className="w-48"
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={range.min}
                  max={range.max}
                  step={1}
                  value={windowDays}
                  onChange={(event) => setWindowDays(event.target.value)}
                />
              )}
            </Field>
          ) : null}
          <section aria-labelledby={`${formId}-associations`} className="space-y-2">
            <h3
              id={`${formId}-associations`}
              className="text-xs font-semibold tracking-wide text-slate-500 uppercase"
            >
              {tAssociations("title")}
            </h3>
            {associations.isPending ? (
              <p role="status" className="text-sm text-slate-500">
                {tAssociations("checking")}
              </p>
            ) : checkError ? (
              <ErrorNotice
                message={`${tAssociations("failed")} ${checkError.message}`}
                codeLabel={tCommon("errorCode", { code: checkError.code ?? "NetworkError" })}
              />
            ) : (
              <KeyAssociationsList keyId={keyId} associations={associations.data ?? []} />
            )}
          </section>
          <Notice tone="warning">{t("dataLossWarning")}</Notice>
          {kind === "schedule" && keyFacts.deletionProtection ? (
            <Notice tone="info">{t("protected")}</Notice>
          ) : null}
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
