"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

/**
 * A modal dialog: role `dialog` named by its title and described by its description (Radix
 * moves focus in, traps it, and restores it on close; Escape closes).
 */
export function DialogContent({
  title,
  description,
  closeLabel,
  children,
  footer,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  closeLabel: string;
  children?: ReactNode;
  footer?: ReactNode;
  className?: string;
}) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <RadixDialog.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 flex max-h-[85vh] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 flex-col",
          "rounded-md border border-slate-200 bg-white shadow-xl focus:outline-none",
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
          <div>
            <RadixDialog.Title className="text-base font-semibold text-slate-900">
              {title}
            </RadixDialog.Title>
            {description ? (
              <RadixDialog.Description className="mt-1 text-sm text-slate-500">
                {description}
              </RadixDialog.Description>
            ) : null}
          </div>
          <RadixDialog.Close
            aria-label={closeLabel}
            className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          >
            <X aria-hidden className="size-4" />
          </RadixDialog.Close>
        </div>
        <div className="overflow-y-auto px-5 py-4 text-sm text-slate-700">{children}</div>
        {footer ? (
          <div className="flex justify-end gap-2 border-t border-slate-100 px-5 py-3">{footer}</div>
        ) : null}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/**
 * A dialog's footer buttons: Cancel (closes the dialog) and the confirming button, both disabled
 * while the action is pending. With `formId` the confirming button submits that form; otherwise
 * it runs `onConfirm`.
 */
export function DialogActions({
  cancelLabel,
  isPending,
  formId,
  onConfirm,
  variant = "primary",
  disabled = false,
  children,
}: {
  cancelLabel: string;
  isPending: boolean;
  formId?: string;
  onConfirm?: () => void;
  variant?: "primary" | "danger";
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <DialogClose asChild>
        <Button disabled={isPending}>{cancelLabel}</Button>
      </DialogClose>
      <Button
        type={formId ? "submit" : "button"}
        form={formId}
        variant={variant}
        disabled={isPending || disabled}
        onClick={onConfirm}
      >
        {children}
      </Button>
    </>
  );
}
