"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Input } from "@/components/ui/field";
import { EntityNameFields, formText } from "@/components/ram/entity-name-fields";
import { FormDialog } from "@/components/ram/form-dialog";
import type { ActionResult } from "@/lib/console/server-action";

export type CreateUserAction = (input: {
  userName: string;
  displayName?: string;
  comments?: string;
  password?: string;
  passwordResetRequired?: boolean;
}) => Promise<ActionResult<{ userName: string }>>;

/**
 * Users › Create user: logon name, display name, and "Console access" with a custom password
 * (RAM's password policy: 8–32 characters, three of upper case, lower case, digits, symbols).
 * The new user's page opens next, where AccessKeys are created.
 */
export function CreateUserDialog({
  regionId,
  accountId,
  createUserAction,
  deniedReason,
}: {
  regionId: string;
  accountId: string;
  createUserAction: CreateUserAction;
  deniedReason?: string;
}) {
  const t = useTranslations("Ram.users.create");
  const router = useRouter();
  const [consoleAccess, setConsoleAccess] = useState(false);
  return (
    <FormDialog
      id="create-user"
      triggerLabel={t("button")}
      title={t("title")}
      description={t("description")}
      submitLabel={t("submit")}
      pendingLabel={t("creating")}
      deniedReason={deniedReason}
      submit={(form) =>
        createUserAction({
          userName: formText(form, "userName"),
          displayName: formText(form, "displayName") || undefined,
          password: consoleAccess ? String(form.get("password") ?? "") : undefined,
          passwordResetRequired: consoleAccess
            ? form.get("passwordResetRequired") === "on"
            : undefined,
        })
      }
      onDone={(user) => router.push(`/${regionId}/ram/users/${encodeURIComponent(user.userName)}`)}
    >
      <EntityNameFields
        name={{
          id: "user-name",
          name: "userName",
          label: t("logonName"),
          hint: t("logonNameHint", { domain: `${accountId}.onaliyun.com` }),
        }}
        note={{ id: "user-display-name", name: "displayName", label: t("displayName") }}
      />
      <fieldset className="space-y-3 rounded border border-slate-200 px-4 py-3">
        <legend className="px-1 text-xs font-medium text-slate-700">{t("accessMode")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={consoleAccess}
            onChange={(event) => setConsoleAccess(event.target.checked)}
          />
          {t("consoleAccess")}
        </label>
        {consoleAccess ? (
          <>
            <Field id="user-password" label={t("password")} hint={t("passwordHint")}>
              {(control) => (
                <Input
                  {...control}
                  name="password"
                  type="password"
                  required
                  autoComplete="new-password"
                  className="w-full"
                />
              )}
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="passwordResetRequired" />
              {t("resetRequired")}
            </label>
          </>
        ) : null}
        <p className="text-xs text-slate-500">{t("openApiAccess")}</p>
      </fieldset>
    </FormDialog>
  );
}
