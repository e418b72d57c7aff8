"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import Link from "next/link";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import {
  Dialog,
  DialogActions,
  DialogClose,
  DialogContent,
  DialogTrigger,
} from "@/components/ui/dialog";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import { CreateKeyFields } from "@/components/kms/create-key-fields";
import {
  createKeyFieldErrors,
  INITIAL_CREATE_KEY_FORM,
  toCreateKeyInput,
  validateCreateKeyForm,
  type CreateKeyErrorKey,
  type CreateKeyField,
} from "@/components/kms/create-key-schema";
import type { CreateKeyAction, CreateKeyResult } from "@/components/kms/kms-actions";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

/**
 * KMS › Keys › Create key. The form is checked with the shared schema before it is sent (and
 * again by the action); the service's refusals show with message and code. Once created, the
 * dialog says so and links the new key, while the list behind it refreshes. Where the region
 * has no customer master keys the button is disabled and `unavailableNoticeId` names the
 * notice that says why.
 */
export function CreateKeyDialog({
  regionId,
  regionName,
  createKeyAction,
  unavailableNoticeId,
  deniedReason,
}: {
  regionId: string;
  regionName: string;
  createKeyAction: CreateKeyAction;
  unavailableNoticeId?: string;
  /** Why the signed-in identity may not create keys (the permission probe), if it may not. */
  deniedReason?: string;
}) {
  const t = useTranslations("Kms.create");
  const tErrors = useTranslations("Kms.errors");
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(INITIAL_CREATE_KEY_FORM);
  const [errors, setErrors] = useState<Partial<Record<CreateKeyField, CreateKeyErrorKey>>>({});
  const [created, setCreated] = useState<CreateKeyResult>();

  const onOpenChange = (next: boolean) => {
    // While the key is being created the dialog stays; once it exists (the list may still be
    // refreshing behind) it may close.
    if (mutation.isPending && !created) return;
    setOpen(next);
    if (next) {
      setForm(INITIAL_CREATE_KEY_FORM);
      setErrors({});
      setCreated(undefined);
      mutation.clearError();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCreateKeyForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.run(() => createKeyAction({ regionId, ...toCreateKeyInput(form) }), setCreated);
  };

  // Field errors the action found (it parses with the same schema) go beside their fields.
  const serverFieldErrors = mutation.error?.fieldErrors
    ? createKeyFieldErrors(
        form,
        Object.entries(mutation.error.fieldErrors).map(([path, messages]) => ({
          path,
          message: messages[0] ?? "",
        })),
      )
    : {};
  const shownErrors = { ...serverFieldErrors, ...errors };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button
          variant="primary"
          disabled={unavailableNoticeId !== undefined || deniedReason !== undefined}
          aria-describedby={unavailableNoticeId ?? (deniedReason ? "create-key-denied" : undefined)}
          title={deniedReason}
        >
          <Plus aria-hidden className="size-4" />
          {t("button")}
        </Button>
      </DialogTrigger>
      {deniedReason ? (
        <span id="create-key-denied" className="sr-only">
          {deniedReason}
        </span>
      ) : null}
      <DialogContent
        title={t("title")}
        description={t("description", { region: regionName })}
        closeLabel={tCommon("close")}
        className="w-[min(42rem,calc(100vw-2rem))]"
        footer={
          created ? (
            <DialogClose asChild>
              <Button variant="primary">{tCommon("close")}</Button>
            </DialogClose>
          ) : (
            <DialogActions
              cancelLabel={tCommon("cancel")}
              isPending={mutation.isPending}
              formId="create-key-form"
              variant="primary"
            >
              {mutation.isPending ? t("creating") : t("submit")}
            </DialogActions>
          )
        }
      >
        {created ? (
          <div className="space-y-3">
            <Notice tone="success" live="status">
              <p>{t("created", { keyId: created.keyId })}</p>
            </Notice>
            {created.aliasError ? (
              <div className="space-y-2">
                <p className="text-sm text-slate-700">
                  {t("aliasFailed", { keyId: created.keyId })}
                </p>
                <ErrorNotice
                  message={created.aliasError.message}
                  codeLabel={tCommon("errorCode", { code: created.aliasError.code })}
                />
              </div>
            ) : null}
            <Link
              href={`/${regionId}/kms/keys/${created.keyId}`}
              className={buttonClasses({ variant: "secondary" })}
            >
              {t("viewKey")}
            </Link>
          </div>
        ) : (
          <form id="create-key-form" onSubmit={onSubmit} noValidate className="space-y-4">
            <CreateKeyFields
              state={form}
              errors={shownErrors}
              onChange={(next) => {
                setForm(next);
                if (Object.keys(errors).length > 0) setErrors(validateCreateKeyForm(next));
              }}
            />
            {Object.keys(shownErrors).length > 0 ? (
              <p className="text-xs text-red-600">{tErrors("fixFields")}</p>
            ) : null}
            {mutation.error && Object.keys(serverFieldErrors).length === 0 ? (
              <ActionErrorNotice error={mutation.error} />
            ) : null}
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
