"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import type { ActionResult } from "@/lib/console/server-action";

/**
 * The RAM pages' create dialogs (Create user, Create group, Create role): a trigger button,
 * a form read with FormData on submit, the service's refusal shown with its code, and
 * `onDone` with the result (usually: open the new entity's page). `deniedReason` disables the
 * trigger when the permission probe says the user may not create.
 */
export function FormDialog<T>({
  id,
  triggerLabel,
  title,
  description,
  submitLabel,
  pendingLabel,
  deniedReason,
  submit,
  onDone,
  children,
}: {
  id: string;
  triggerLabel: string;
  title: string;
  description?: string;
  submitLabel: string;
  pendingLabel: string;
  deniedReason?: string;
  submit: (form: FormData) => Promise<ActionResult<T>>;
  onDone: (data: T) => void;
  children: ReactNode;
}) {
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  const [open, setOpen] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    mutation.run(
      () => submit(form),
      (data) => {
        setOpen(false);
        onDone(data);
      },
    );
  };
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
            variant="primary"
            disabled={deniedReason !== undefined}
            aria-describedby={deniedReason ? `${id}-denied` : undefined}
          >
            <Plus aria-hidden className="size-4" />
            {triggerLabel}
          </Button>
        </DialogTrigger>
        {deniedReason ? (
          <span id={`${id}-denied`} className="sr-only">
            {deniedReason}
          </span>
        ) : null}
      </span>
      <DialogContent
        title={title}
        description={description}
        closeLabel={tCommon("close")}
        className="w-[min(40rem,calc(100vw-2rem))]"
        footer={
          <DialogActions cancelLabel={tCommon("cancel")} isPending={mutation.isPending} formId={id}>
            {mutation.isPending ? pendingLabel : submitLabel}
          </DialogActions>
        }
      >
        <form id={id} onSubmit={onSubmit} className="space-y-4">
          {children}
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
