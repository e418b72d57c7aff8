"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { NameDescriptionFields } from "@/components/shared/name-description-fields";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { diskDescriptionField, diskNameField } from "@/lib/ecs/disks/schemas";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import type { DiskPageActions, DiskRef } from "@/components/disks/disk-actions-types";

/** More › Modify attributes: name, description, release with instance (ModifyDiskAttribute). */
export function ModifyDiskDialog({
  diskRef,
  current,
  modifyDiskAttribute,
  onClose,
}: {
  diskRef: DiskRef;
  current: { name: string; description: string; deleteWithInstance: boolean };
  modifyDiskAttribute: DiskPageActions["modifyDiskAttribute"];
  onClose: () => void;
}) {
  const t = useTranslations("Disks.modify");
  const tErrors = useTranslations("Disks.create.errors");
  const tCommon = useTranslations("Common");
  const mutation = useConsoleMutation();
  const [name, setName] = useState(current.name);
  const [description, setDescription] = useState(current.description);
  const [deleteWithInstance, setDeleteWithInstance] = useState(current.deleteWithInstance);
  const [errors, setErrors] = useState<{ name?: boolean; description?: boolean }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const nextName = name.trim();
    const nextDescription = description.trim();
    // A field left as it was (or emptied: the API cannot clear it) is not sent.
    const changedName = nextName !== current.name && nextName !== "" ? nextName : undefined;
    const changedDescription =
      nextDescription !== current.description && nextDescription !== ""
        ? nextDescription
        : undefined;
    const found = {
      name: changedName !== undefined && !diskNameField().safeParse(changedName).success,
      description:
        changedDescription !== undefined &&
        !diskDescriptionField().safeParse(changedDescription).success,
    };
    setErrors(found);
    if (found.name || found.description) return;
    mutation.run(
      () =>
        modifyDiskAttribute({
          ...diskRef,
          name: changedName,
          description: changedDescription,
          deleteWithInstance:
            deleteWithInstance !== current.deleteWithInstance ? deleteWithInstance : undefined,
        }),
      onClose,
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent
        title={t("title")}
        description={t("description", { diskId: diskRef.diskId })}
        closeLabel={tCommon("close")}
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            formId="modify-disk-form"
            variant="primary"
          >
            {mutation.isPending ? t("pending") : t("submit")}
          </DialogActions>
        }
      >
        <form id="modify-disk-form" onSubmit={onSubmit} noValidate className="space-y-4">
          <NameDescriptionFields
            id="modify"
            name={name}
            description={description}
            onNameChange={setName}
            onDescriptionChange={setDescription}
            nameField={{
              label: t("name"),
              hint: t("nameHint"),
              error: errors.name ? tErrors("name") : undefined,
            }}
            descriptionField={{
              label: t("descriptionLabel"),
              error: errors.description ? tErrors("description") : undefined,
            }}
          />
          <div className="flex items-center gap-2">
            <input
              id="modify-release-with-instance"
              type="checkbox"
              className="size-4 accent-blue-600"
              checked={deleteWithInstance}
              onChange={(event) => setDeleteWithInstance(event.target.checked)}
            />
            <label htmlFor="modify-release-with-instance" className="text-sm text-slate-800">
              {t("releaseWithInstance")}
            </label>
          </div>
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
