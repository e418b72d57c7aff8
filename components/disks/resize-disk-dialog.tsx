"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import type { DiskPageActions, DiskRef } from "@/components/disks/disk-actions-types";

/** More › Resize disk: grow only, up to the category's limit (ResizeDisk). */
export function ResizeDiskDialog({
  diskRef,
  sizeGiB,
  maxGiB,
  resizeDisk,
  onClose,
}: {
  diskRef: DiskRef;
  sizeGiB: number;
  maxGiB: number;
  resizeDisk: DiskPageActions["resizeDisk"];
  onClose: () => void;
}) {
  const t = useTranslations("Disks.resize");
  const tCommon = useTranslations("Common");
  const format = useFormatter();
  const mutation = useConsoleMutation();
  const [size, setSize] = useState(String(Math.min(sizeGiB + 10, maxGiB)));
  const [isInvalid, setInvalid] = useState(false);
  const range = { min: format.number(sizeGiB + 1), max: format.number(maxGiB) };
  const canGrow = sizeGiB < maxGiB;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const value = /^\d{1,9}$/.test(size.trim()) ? Number(size.trim()) : Number.NaN;
    const invalid = !(value > sizeGiB && value <= maxGiB);
    setInvalid(invalid);
    if (invalid) return;
    mutation.run(() => resizeDisk({ ...diskRef, newSizeGiB: value }), onClose);
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent
        title={t("title")}
        description={t("description", { diskId: diskRef.diskId, size: format.number(sizeGiB) })}
        closeLabel={tCommon("close")}
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            formId="resize-disk-form"
            variant="primary"
            disabled={!canGrow}
          >
            {mutation.isPending ? t("pending") : t("submit")}
          </DialogActions>
        }
      >
        <form id="resize-disk-form" onSubmit={onSubmit} noValidate className="space-y-4">
          {canGrow ? (
            <Field
              id="resize-new-size"
              label={t("newSize")}
              hint={t("hint", range)}
              error={isInvalid ? t("invalid", range) : undefined}
              className="w-56"
            >
              {(control) => (
                <Input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={sizeGiB + 1}
                  max={maxGiB}
                  step={1}
                  value={size}
                  onChange={(event) => setSize(event.target.value)}
                />
              )}
            </Field>
          ) : (
            <Notice tone="info">{t("atMaximum", { max: format.number(maxGiB) })}</Notice>
          )}
          <Notice tone="info">{t("filesystemNote")}</Notice>
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
