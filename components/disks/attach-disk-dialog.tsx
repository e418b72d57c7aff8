"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { AttachableInstance } from "@/lib/ecs/disks/console-queries";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import type { DiskPageActions, DiskRef } from "@/components/disks/disk-actions-types";

/**
 * More › Attach: the target instance (Running or Stopped, in the disk's zone) and whether the
 * disk is released with it. An encrypted disk's data key is unwrapped through KMS as it attaches.
 */
export function AttachDiskDialog({
  diskRef,
  zoneId,
  encrypted,
  instances,
  attachDisk,
  onClose,
}: {
  diskRef: DiskRef;
  zoneId: string;
  encrypted: boolean;
  instances: AttachableInstance[];
  attachDisk: DiskPageActions["attachDisk"];
  onClose: () => void;
}) {
  const t = useTranslations("Disks.attach");
  const tStatuses = useTranslations("Disks.instanceStatuses");
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  const [instanceId, setInstanceId] = useState(instances[0]?.instanceId ?? "");
  const [releaseWithInstance, setReleaseWithInstance] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!instanceId) return;
    mutation.run(
      () => attachDisk({ ...diskRef, instanceId, deleteWithInstance: releaseWithInstance }),
      onClose,
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent
        title={t("title")}
        description={t("description", { diskId: diskRef.diskId, zone: zoneId })}
        closeLabel={tCommon("close")}
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            formId="attach-disk-form"
            variant="primary"
            disabled={!instanceId}
          >
            {mutation.isPending ? t("attaching") : t("submit")}
          </DialogActions>
        }
      >
        <form id="attach-disk-form" onSubmit={onSubmit} noValidate className="space-y-4">
          {instances.length === 0 ? (
            <Notice tone="info" live="status">
              {t("noInstances", { zone: zoneId })}
            </Notice>
          ) : (
            <Field id="attach-instance" label={t("instance")} hint={t("instanceHint")}>
              {(control) => (
                <Select
                  {...control}
                  value={instanceId}
                  onChange={(event) => setInstanceId(event.target.value)}
                >
                  {instances.map((instance) => (
                    <option key={instance.instanceId} value={instance.instanceId}>
                      {instance.instanceId}
                      {instance.name ? ` · ${instance.name}` : ""} ·{" "}
                      {tStatuses(instance.status as "Running")}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          )}
          <div className="flex items-center gap-2">
            <input
              id="attach-release-with-instance"
              type="checkbox"
              className="size-4 accent-blue-600"
              checked={releaseWithInstance}
              onChange={(event) => setReleaseWithInstance(event.target.checked)}
            />
            <label htmlFor="attach-release-with-instance" className="text-sm text-slate-800">
              {t("releaseWithInstance")}
            </label>
          </div>
          {encrypted ? <Notice tone="info">{t("encryptedNote")}</Notice> : null}
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
