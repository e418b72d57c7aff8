"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

/**
 * One button that runs one server action with a fixed input (Rotate now, Delete alias,
 * Enable deletion protection, …); the page refreshes after it, a refusal shows beneath it.
 */
export function KeyActionButton<I>({
  action,
  input,
  children,
  pendingLabel,
  ...buttonProps
}: Omit<ButtonProps, "onClick" | "children"> & {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  children: ReactNode;
  pendingLabel?: ReactNode;
}) {
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  return (
    <div className="space-y-2">
      <Button
        {...buttonProps}
        disabled={buttonProps.disabled || mutation.isPending}
        onClick={() => mutation.run(() => action(input))}
      >
        {mutation.isPending && pendingLabel ? pendingLabel : children}
      </Button>
      {mutation.error ? (
        <ErrorNotice
          message={mutation.error.message}
          codeLabel={tCommon("errorCode", { code: mutation.error.code })}
        />
      ) : null}
    </div>
  );
}
