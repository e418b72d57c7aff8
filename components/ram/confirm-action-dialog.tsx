"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import type { ActionResult } from "@/lib/console/server-action";

/**
 * A button that asks before it runs one server action (Delete user, Delete AccessKey, Detach
 * policy). The refusal, if any, shows in the dialog; on success it closes and the page
 * refreshes (or `onDone` navigates away). `deniedReason` disables the button and says why.
 */
export function ConfirmActionDialog({
  trigger,
  triggerProps,
  title,
  body,
  confirmLabel,
  run,
  onDone,
  deniedReason,
  reasonId,
}: {
  trigger: ReactNode;
  triggerProps?: Omit<ButtonProps, "onClick" | "children">;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  run: () => Promise<ActionResult<unknown>>;
  onDone?: () => void;
  deniedReason?: string;
  reasonId?: string;
}) {
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) mutation.clearError();
      }}
    >
      <span title={deniedReason}>
        <DialogTrigger asChild>
          <Button
            {...triggerProps}
            disabled={triggerProps?.disabled || deniedReason !== undefined}
            aria-describedby={deniedReason && reasonId ? reasonId : undefined}
          >
            {trigger}
          </Button>
        </DialogTrigger>
        {deniedReason && reasonId ? (
          <span id={reasonId} className="sr-only">
            {deniedReason}
          </span>
        ) : null}
      </span>
      <DialogContent
        title={title}
        closeLabel={tCommon("close")}
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            variant="danger"
            onConfirm={() =>
              mutation.run(run, () => {
                setOpen(false);
                onDone?.();
              })
            }
          >
            {confirmLabel}
          </DialogActions>
        }
      >
        <div className="space-y-3">
          <div>{body}</div>
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}
