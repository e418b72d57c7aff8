"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { ErrorNotice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

/**
 * A confirmation around one server action (Delete snapshot, Delete image, Roll back disk):
 * what will happen, then the button that does it; the service's refusal shows with its code.
 */
export function ConfirmActionDialog<T>({
  title,
  description,
  children,
  confirmLabel,
  pendingLabel,
  danger = false,
  disabled = false,
  run,
  onClose,
  onDone,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  danger?: boolean;
  disabled?: boolean;
  run: () => Promise<ActionResult<T>>;
  onClose: () => void;
  onDone?: (data: T) => void;
}) {
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  return (
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent
        title={title}
        description={description}
        closeLabel={tCommon("close")}
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            variant={danger ? "danger" : "primary"}
            disabled={disabled}
            onConfirm={() => mutation.run(run, (data) => (onDone ? onDone(data) : onClose()))}
          >
            {mutation.isPending ? pendingLabel : confirmLabel}
          </DialogActions>
        }
      >
        <div className="space-y-3">
          {children}
          {mutation.error ? (
            <ErrorNotice
              message={mutation.error.message}
              codeLabel={tCommon("errorCode", { code: mutation.error.code })}
            />
          ) : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}
