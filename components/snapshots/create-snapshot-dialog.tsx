"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import { NameDescriptionFields } from "@/components/shared/name-description-fields";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

export type CreateSnapshotAction = (input: {
  regionId: string;
  diskId: string;
  name?: string;
  description?: string;
}) => Promise<ActionResult<{ snapshotId: string }>>;

/**
 * Disks › Create snapshot: a name and description; the snapshot inherits the disk's encryption
 * and key (CreateSnapshot takes no encryption parameters). Once created, its page opens, where
 * its progress shows.
 */
export function CreateSnapshotDialog({
  regionId,
  diskId,
  encrypted,
  keyLabel,
  createSnapshot,
  onClose,
}: {
  regionId: string;
  diskId: string;
  encrypted: boolean;
  keyLabel?: string;
  createSnapshot: CreateSnapshotAction;
  onClose: () => void;
}) {
  const t = useTranslations("Snapshots.create");
  const tCommon = useTranslations("Common");
  const formId = useId();
  const router = useRouter();
  const mutation = useConsoleMutation();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.run(
      () =>
        createSnapshot({
          regionId,
          diskId,
          name: name.trim() || undefined,
          description: description.trim() || undefined,
        }),
      ({ snapshotId }) => router.push(`/${regionId}/snapshots/${snapshotId}`),
    );
  };
  return (
    <Dialog open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <DialogContent
        title={t("title")}
        description={t("description", { diskId })}
        closeLabel={tCommon("close")}
        footer={
          <DialogActions
            cancelLabel={tCommon("cancel")}
            isPending={mutation.isPending}
            formId={formId}
          >
            {mutation.isPending ? t("pending") : t("submit")}
          </DialogActions>
        }
      >
        <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
          <NameDescriptionFields
            id={formId}
            name={name}
            description={description}
            onNameChange={setName}
            onDescriptionChange={setDescription}
            nameField={{ label: t("name"), hint: t("nameHint") }}
            descriptionField={{ label: t("descriptionField") }}
          />
          <Notice tone="info">
            {encrypted ? t("encryptedNote", { key: keyLabel ?? "" }) : t("plainNote")}
          </Notice>
          {mutation.error ? (
            <ErrorNotice
              message={mutation.error.message}
              codeLabel={tCommon("errorCode", { code: mutation.error.code })}
            />
          ) : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
