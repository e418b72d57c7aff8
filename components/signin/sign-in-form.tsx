"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Input } from "@/components/ui/field";
import { ErrorNotice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import type { SignInInput } from "@/lib/console/sign-in";

type Kind = SignInInput["kind"];

const TAB_CLASSES = cn(
  "-mb-px flex-1 border-b-2 px-3 py-2 text-sm font-medium transition-colors",
  "focus-visible:outline-2 focus-visible:outline-blue-600",
  "data-[state=active]:border-blue-600 data-[state=active]:text-blue-700",
  "data-[state=inactive]:border-transparent data-[state=inactive]:text-slate-600 data-[state=inactive]:hover:text-slate-900",
);

/**
 * RAM user (logon name + password) or root account (its AccessKey pair, as DiskSeal has no
 * root password). A wrong credential gets one message, whichever part was wrong.
 */
export function SignInForm({
  accountId,
  signInAction,
}: {
  accountId: string;
  signInAction: (input: SignInInput) => Promise<ActionResult<null>>;
}) {
  const t = useTranslations("SignIn");
  const tCommon = useTranslations("Common");
  const [kind, setKind] = useState<Kind>("user");
  const [error, setError] = useState<{ code: string; message: string }>();
  const [isPending, startTransition] = useTransition();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    const input: SignInInput =
      kind === "root"
        ? { kind, accessKeyId: value("accessKeyId"), accessKeySecret: value("accessKeySecret") }
        : { kind, logonName: value("logonName"), password: value("password") };
    setError(undefined);
    startTransition(async () => {
      try {
        const result = await signInAction(input);
        // Success redirects; only a refusal comes back.
        if (result && !result.ok) setError({ code: result.code, message: t("invalidCredentials") });
      } catch (caught) {
        if (isRedirect(caught)) throw caught;
        setError({ code: "NetworkError", message: tCommon("requestFailed") });
      }
    });
  };

  return (
    <Tabs.Root
      value={kind}
      onValueChange={(value) => {
        setKind(value as Kind);
        setError(undefined);
      }}
    >
      <Tabs.List aria-label={t("kindLabel")} className="flex border-b border-slate-200">
        <Tabs.Trigger value="user" className={TAB_CLASSES}>
          {t("ramUserTab")}
        </Tabs.Trigger>
        <Tabs.Trigger value="root" className={TAB_CLASSES}>
          {t("rootTab")}
        </Tabs.Trigger>
      </Tabs.List>
      <form onSubmit={onSubmit} className="space-y-4 pt-5" aria-busy={isPending || undefined}>
        <Tabs.Content value="user" className="space-y-4">
          <Field
            id="logonName"
            label={t("logonName")}
            hint={t("logonNameHint", { domain: `${accountId}.onaliyun.com` })}
          >
            {(control) => (
              <Input
                {...control}
                name="logonName"
                autoComplete="username"
                required={kind === "user"}
                className="w-full"
              />
            )}
          </Field>
          <Field id="password" label={t("password")}>
            {(control) => (
              <Input
                {...control}
                name="password"
                type="password"
                autoComplete="current-password"
                required={kind === "user"}
                className="w-full"
              />
            )}
          </Field>
        </Tabs.Content>
        <Tabs.Content value="root" className="space-y-4">
          <Field id="accessKeyId" label={t("accessKeyId")} hint={t("rootHint")}>
            {(control) => (
              <Input
                {...control}
                name="accessKeyId"
                autoComplete="username"
                required={kind === "root"}
                className="w-full font-mono"
              />
            )}
          </Field>
          <Field id="accessKeySecret" label={t("accessKeySecret")}>
            {(control) => (
              <Input
                {...control}
                name="accessKeySecret"
                type="password"
                autoComplete="current-password"
                required={kind === "root"}
                className="w-full font-mono"
              />
            )}
          </Field>
        </Tabs.Content>
        {error ? (
          <ErrorNotice
            message={error.message}
            codeLabel={tCommon("errorCode", { code: error.code })}
          />
        ) : null}
        <Button type="submit" variant="primary" className="w-full" disabled={isPending}>
          {isPending ? t("signingIn") : t("signIn")}
        </Button>
      </form>
    </Tabs.Root>
  );
}

/** A server action's redirect surfaces as a thrown Next error that must reach the router. */
function isRedirect(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "digest" in error &&
    String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")
  );
}
