"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { Ban, CircleCheck, Trash2, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { KeyState } from "@/lib/kms/key-states";
import { KeyConfirmDialog, type ConfirmKind } from "@/components/kms/key-confirm-dialog";
import type {
  KeyStateAction,
  KeyStateActions as KeyStateActionsBundle,
} from "@/components/kms/kms-actions";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

export type KeyActionTarget = {
  regionId: string;
  keyId: string;
  aliasName?: string;
  keyState: KeyState;
  creatorType: "User" | "Service";
  creator: string;
  deletionProtection: boolean;
};

type Action = KeyStateAction;

/** What the key-state table allows from each state (lib/kms/key-states.ts). */
const ACTIONS_BY_STATE: Record<KeyState, Action[]> = {
  Enabled: ["disable", "scheduleDeletion"],
  Disabled: ["enable", "scheduleDeletion"],
  PendingDeletion: ["cancelDeletion"],
  PendingImport: ["scheduleDeletion"],
};

const ICONS = {
  enable: CircleCheck,
  disable: Ban,
  scheduleDeletion: Trash2,
  cancelDeletion: Undo2,
};

/**
 * Enable, Disable, Schedule deletion and Cancel deletion of one key, as the key-state table
 * allows them; Disable and Schedule deletion confirm first (KeyConfirmDialog). Service keys
 * get none: the cloud service manages them, and the text says so. `layout` "row" is the key
 * table's Actions column (link-like buttons), "page" the key's own page. An action the
 * signed-in identity may not use (`denied`) is disabled with the reason as its description.
 */
export function KeyStateActions({
  target,
  actions,
  layout,
  denied = {},
}: {
  target: KeyActionTarget;
  actions: KeyStateActionsBundle;
  layout: "row" | "page";
  denied?: Partial<Record<KeyStateAction, string>>;
}) {
  const t = useTranslations("Kms.actions");
  const tKms = useTranslations("Kms");
  const mutation = useConsoleMutation();
  const [confirming, setConfirming] = useState<ConfirmKind>();

  if (target.creatorType === "Service") {
    return (
      <span className="text-xs text-slate-500">
        {/* Service keys' Creator is the service ("Ecs"); consoles write it ECS. */}
        {tKms("managedBy", { creator: target.creator.toUpperCase() })}
      </span>
    );
  }

  const { regionId, keyId } = target;
  const onAction = (action: Action) => {
    if (action === "disable") setConfirming("disable");
    else if (action === "scheduleDeletion") setConfirming("schedule");
    else if (action === "enable") mutation.run(() => actions.enableKey({ regionId, keyId }));
    else mutation.run(() => actions.cancelKeyDeletion({ regionId, keyId }));
  };

  return (
    <div className={cn(layout === "row" ? "-mx-1 space-y-1.5" : "space-y-3")}>
      <div
        role="group"
        aria-label={t("group", { keyId })}
        className={cn(
          "flex",
          layout === "row" ? "flex-col items-start" : "flex-wrap items-center gap-2",
        )}
      >
        {ACTIONS_BY_STATE[target.keyState].map((action) => {
          const Icon = ICONS[action];
          const isDanger = action === "disable" || action === "scheduleDeletion";
          const refusal = denied[action];
          const reasonId = `key-${keyId}-${action}-denied`;
          return (
            <span key={action} title={refusal}>
              <Button
                size={layout === "row" ? "sm" : "md"}
                variant={layout === "row" ? "link" : isDanger ? "secondary" : "primary"}
                disabled={mutation.isPending || refusal !== undefined}
                aria-describedby={refusal ? reasonId : undefined}
                onClick={() => onAction(action)}
              >
                {layout === "page" ? <Icon aria-hidden className="size-4" /> : null}
                {t(action)}
              </Button>
              {refusal ? (
                <span id={reasonId} className="sr-only">
                  {refusal}
                </span>
              ) : null}
            </span>
          );
        })}
      </div>
      {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
      {confirming ? (
        <KeyConfirmDialog
          kind={confirming}
          keyFacts={target}
          actions={actions}
          onClose={() => setConfirming(undefined)}
        />
      ) : null}
    </div>
  );
}
