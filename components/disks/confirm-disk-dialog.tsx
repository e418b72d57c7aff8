"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useTranslations } from "next-intl";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

/**
 * More › Detach and More › Release, behind their confirmation: what happens, then the one
 * button that does it. `onDone` runs after success (Release leaves for the list).
 */
export function ConfirmDiskDialog({
  kind,
  diskId,
  instanceId,
  encrypted,
  run,
  onClose,
  onDone,
}: {
  kind: "detach" | "release";
  diskId: string;
  instanceId?: string;
  encrypted: boolean;
  run: () => Promise<ActionResult<null>>;
  onClose: () => void;
  onDone?: () => void;
}) {
  const t = useTranslations(kind === "detach" ? "Disks.detach" : "Disks.release");
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  return (
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent
        title={t("title")}
        description={t("description", { diskId, instanceId: instanceId ?? "" })}
        closeLabel={tCommon("close")}
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            variant={kind === "release" ? "danger" : "primary"}
            onConfirm={() => mutation.run(run, () => (onDone ?? onClose)())}
          >
            {mutation.isPending ? t("pending") : t("confirm")}
          </DialogActions>
        }
      >
        <div className="space-y-3">
          <p>{t("body")}</p>
          {encrypted ? (
            <Notice tone={kind === "release" ? "warning" : "info"}>{t("encryptedNote")}</Notice>
          ) : null}
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}
