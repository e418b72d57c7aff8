"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { ConfirmActionDialog } from "@/components/ram/confirm-action-dialog";
import type { ActionResult } from "@/lib/console/server-action";

/**
 * A page's Delete (user, group, policy, role): confirm, run the server action with `input`,
 * then go to the list at `doneHref`. What a server page can hand over (an action and data),
 * where ConfirmActionDialog wants a closure.
 */
export function DeleteEntityButton<I>({
  id,
  action,
  input,
  doneHref,
  label,
  title,
  body,
  deniedReason,
}: {
  id: string;
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  doneHref: string;
  label: string;
  title: string;
  body: ReactNode;
  deniedReason?: string;
}) {
  const router = useRouter();
  return (
    <ConfirmActionDialog
      trigger={
        <>
          <Trash2 aria-hidden className="size-4" />
          {label}
        </>
      }
      triggerProps={{ className: "text-red-700 hover:border-red-500 hover:text-red-800" }}
      title={title}
      body={body}
      confirmLabel={label}
      deniedReason={deniedReason}
      reasonId={`${id}-denied`}
      run={() => action(input)}
      onDone={() => router.push(doneHref)}
    />
  );
}
