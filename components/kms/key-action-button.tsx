"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import type { ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
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
      {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
    </div>
  );
}
