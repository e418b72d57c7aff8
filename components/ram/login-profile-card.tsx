"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { Field, Input } from "@/components/ui/field";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import { ConfirmActionDialog } from "@/components/ram/confirm-action-dialog";
import type { ActionResult } from "@/lib/console/server-action";

/**
 * Console logon of a RAM user: whether it has a password (a login profile), and setting,
 * changing or removing it. The password is never shown, only replaced.
 */
export function LoginProfileCard({
  userName,
  logonName,
  profile,
  setLoginPassword,
  removeLoginPassword,
  denied,
}: {
  userName: string;
  logonName: string;
  profile?: { passwordResetRequired: boolean };
  setLoginPassword: (input: {
    userName: string;
    password: string;
    passwordResetRequired: boolean;
    exists: boolean;
  }) => Promise<ActionResult<null>>;
  removeLoginPassword: (input: { userName: string }) => Promise<ActionResult<null>>;
  denied: { set?: string; remove?: string };
}) {
  const t = useTranslations("Ram.users.detail");
  const tCreate = useTranslations("Ram.users.create");
  const mutation = useConsoleMutation();
  const [password, setPassword] = useState("");
  const [resetRequired, setResetRequired] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.run(
      () =>
        setLoginPassword({
          userName,
          password,
          passwordResetRequired: resetRequired,
          exists: profile !== undefined,
        }),
      () => setPassword(""),
    );
  };
  return (
    <Card
      id="console-logon"
      title={t("console")}
      actions={
        profile ? (
          <ConfirmActionDialog
            trigger={t("removePassword")}
            triggerProps={{ size: "sm" }}
            title={t("removePasswordTitle", { name: userName })}
            body={t("removePasswordBody")}
            confirmLabel={t("removePassword")}
            deniedReason={denied.remove}
            reasonId="remove-password-reason"
            run={() => removeLoginPassword({ userName })}
          />
        ) : null
      }
    >
      <div className="space-y-4">
        <DescriptionList
          items={[
            {
              label: t("console"),
              value: (
                <Badge tone={profile ? "success" : "neutral"}>
                  {profile ? t("consoleEnabled") : t("consoleDisabled")}
                </Badge>
              ),
            },
            { label: t("logonAs"), value: logonName, mono: true },
          ]}
        />
        {profile?.passwordResetRequired ? (
          <p className="text-xs text-slate-500">{t("resetRequired")}</p>
        ) : null}
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
          <Field
            id="login-password"
            label={t("newPassword")}
            hint={tCreate("passwordHint")}
            className="min-w-64"
          >
            {(control) => (
              <Input
                {...control}
                type="password"
                autoComplete="new-password"
                value={password}
                disabled={denied.set !== undefined}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <label className="mb-1.5 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={resetRequired}
              onChange={(event) => setResetRequired(event.target.checked)}
            />
            {tCreate("resetRequired")}
          </label>
          <span title={denied.set}>
            <Button
              type="submit"
              disabled={mutation.isPending || password === "" || denied.set !== undefined}
            >
              {mutation.isPending ? t("saving") : profile ? t("changePassword") : t("setPassword")}
            </Button>
          </span>
        </form>
        {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
      </div>
    </Card>
  );
}
