"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import { NameDescriptionFields } from "@/components/shared/name-description-fields";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import type { ImagePageActions } from "@/components/images/image-actions-types";

type Source = "instance" | "snapshot";

/**
 * Images › Create image: from an instance (its system disk, snapshotted now) or from an
 * accomplished system-disk snapshot. An encrypted system disk's image is encrypted with its key.
 */
export function CreateImageButton({
  regionId,
  instances,
  snapshots,
  createImage,
}: {
  regionId: string;
  instances: { instanceId: string; name: string; status: string }[];
  snapshots: { snapshotId: string; name: string; encrypted: boolean }[];
  createImage: ImagePageActions["createImage"];
}) {
  const t = useTranslations("Images");
  const tCommon = useTranslations("Common");
  const formId = useId();
  const mutation = useConsoleMutation();
  const [isOpen, setOpen] = useState(false);
  const [source, setSource] = useState<Source>("instance");
  const [instanceId, setInstanceId] = useState(instances[0]?.instanceId ?? "");
  const [snapshotId, setSnapshotId] = useState(snapshots[0]?.snapshotId ?? "");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const isMissing = source === "instance" ? instanceId === "" : snapshotId === "";
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isMissing) return;
    mutation.run(
      () =>
        createImage({
          regionId,
          ...(source === "instance" ? { instanceId } : { snapshotId }),
          name: name.trim() || undefined,
          description: description.trim() || undefined,
        }),
      () => setOpen(false),
    );
  };
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-4" />
        {t("actions.create")}
      </Button>
      <Dialog open={isOpen} onOpenChange={(open) => !mutation.isPending && setOpen(open)}>
        <DialogContent
          title={t("create.title")}
          description={t("create.description")}
          closeLabel={tCommon("close")}
          footer={
            <DialogActions
              cancelLabel={tCommon("cancel")}
              isPending={mutation.isPending}
              formId={formId}
              disabled={isMissing}
            >
              {mutation.isPending ? t("create.pending") : t("create.submit")}
            </DialogActions>
          }
        >
          <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
            <fieldset className="flex gap-4">
              <legend className="mb-1 text-xs font-medium text-slate-700">
                {t("create.source")}
              </legend>
              {(["instance", "snapshot"] as const).map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${formId}-source`}
                    className="accent-blue-600"
                    checked={source === value}
                    onChange={() => setSource(value)}
                  />
                  {value === "instance" ? t("create.fromInstance") : t("create.fromSnapshot")}
                </label>
              ))}
            </fieldset>
            {source === "instance" ? (
              instances.length === 0 ? (
                <Notice tone="warning">{t("create.noInstances")}</Notice>
              ) : (
                <Field id={`${formId}-instance`} label={t("create.instance")}>
                  {(control) => (
                    <Select
                      {...control}
                      value={instanceId}
                      onChange={(e) => setInstanceId(e.target.value)}
                    >
                      {instances.map((instance) => (
                        <option key={instance.instanceId} value={instance.instanceId}>
                          {instance.name
                            ? `${instance.name} (${instance.instanceId})`
                            : instance.instanceId}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
              )
            ) : snapshots.length === 0 ? (
              <Notice tone="warning">{t("create.noSnapshots")}</Notice>
            ) : (
              <Field id={`${formId}-snapshot`} label={t("create.snapshot")}>
                {(control) => (
                  <Select
                    {...control}
                    value={snapshotId}
                    onChange={(e) => setSnapshotId(e.target.value)}
                  >
                    {snapshots.map((snapshot) => (
                      <option key={snapshot.snapshotId} value={snapshot.snapshotId}>
                        {snapshot.name
                          ? `${snapshot.name} (${snapshot.snapshotId})`
                          : snapshot.snapshotId}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            )}
            <NameDescriptionFields
              id={formId}
              name={name}
              description={description}
              onNameChange={setName}
              onDescriptionChange={setDescription}
              nameField={{ label: t("create.name"), hint: t("create.nameHint") }}
              descriptionField={{ label: t("create.descriptionField") }}
            />
            <Notice tone="info">{t("create.encryptedNote")}</Notice>
            {mutation.error ? (
              <ErrorNotice
                message={mutation.error.message}
                codeLabel={tCommon("errorCode", { code: mutation.error.code })}
              />
            ) : null}
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
