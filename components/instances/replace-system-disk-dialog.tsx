"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { HardDriveDownload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import type { AuthorizeDiskEncryption } from "@/components/disks/authorize-role-dialog";
import { SERVICE_KEY_OPTION } from "@/components/disks/create-disk-schema";
import type { EncryptionChoice } from "@/components/disks/disk-encryption-fields";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import {
  EncryptionChoiceFields,
  encryptionChoiceRules,
  type EncryptionOptions,
} from "@/components/shared/encryption-choice";

export type ReplaceSystemDiskAction = (input: {
  regionId: string;
  instanceId: string;
  imageId: string;
  encrypted?: boolean;
  kmsKeyId?: string;
}) => Promise<ActionResult<{ diskId: string }>>;

export type ImageChoice = {
  imageId: string;
  label: string;
  isCustom: boolean;
  encrypted: boolean;
  kmsKeyId: string | null;
  isServiceKey: boolean;
};

/**
 * Instance › Replace system disk (ReplaceSystemDisk): the instance must be Stopped (said up
 * front, the button waits for it); an image (custom images first, encrypted ones marked); the
 * Encrypted checkbox and key (ticked and locked for an encrypted image, its key preselected);
 * and the warning that the current system disk is released once the new one is in use.
 */
export function ReplaceSystemDiskButton({
  regionId,
  regionName,
  instanceId,
  status,
  systemDisk,
  categoryLabel,
  images,
  options,
  replaceSystemDisk,
  authorize,
}: {
  regionId: string;
  regionName: string;
  instanceId: string;
  status: string;
  systemDisk?: { diskId: string };
  categoryLabel: string;
  images: ImageChoice[];
  options: EncryptionOptions;
  replaceSystemDisk: ReplaceSystemDiskAction;
  authorize: AuthorizeDiskEncryption;
}) {
  const t = useTranslations("Replace");
  const tCommon = useTranslations("Common");
  const formId = useId();
  const mutation = useConsoleMutation();
  const [isOpen, setOpen] = useState(false);
  const [imageId, setImageId] = useState(images[0]?.imageId ?? "");
  const [isRoleGranted, setRoleGranted] = useState(false);
  const image = images.find((candidate) => candidate.imageId === imageId);
  const keyOf = (chosen?: ImageChoice) =>
    chosen?.encrypted && chosen.kmsKeyId && !chosen.isServiceKey
      ? chosen.kmsKeyId
      : SERVICE_KEY_OPTION;
  const [choice, setChoice] = useState<EncryptionChoice>({
    encrypted: image?.encrypted ?? false,
    kmsKeyId: keyOf(image),
  });
  const [done, setDone] = useState<string>();
  const isStopped = status === "Stopped";
  const rules = encryptionChoiceRules(choice, options, isRoleGranted, image?.encrypted ?? false);
  const isBlocked = !isStopped || !image || (rules.isEncrypted && rules.needsAuthorization);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isBlocked) return;
    mutation.run(
      () =>
        replaceSystemDisk({
          regionId,
          instanceId,
          imageId,
          encrypted: rules.isEncrypted || undefined,
          kmsKeyId: rules.isEncrypted ? choice.kmsKeyId : undefined,
        }),
      ({ diskId }) => setDone(diskId),
    );
  };
  const custom = images.filter((candidate) => candidate.isCustom);
  const publicImages = images.filter((candidate) => !candidate.isCustom);

  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <HardDriveDownload aria-hidden className="size-4" />
        {t("button")}
      </Button>
      <Dialog
        open={isOpen}
        onOpenChange={(open) => {
          if (mutation.isPending && !done) return;
          setOpen(open);
          if (!open) setDone(undefined);
        }}
      >
        <DialogContent
          title={t("title")}
          description={t("description", { instanceId })}
          closeLabel={tCommon("close")}
          className="w-[min(40rem,calc(100vw-2rem))]"
          footer={
            done ? (
              <Button variant="primary" onClick={() => setOpen(false)}>
                {tCommon("close")}
              </Button>
            ) : (
              <DialogActions
                cancelLabel={tCommon("cancel")}
                isPending={mutation.isPending}
                formId={formId}
                variant="danger"
                disabled={isBlocked}
              >
                {mutation.isPending ? t("pending") : t("confirm")}
              </DialogActions>
            )
          }
        >
          {done ? (
            <Notice tone="success" live="status">
              {t("done", { diskId: done })}
            </Notice>
          ) : (
            <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
              {isStopped ? null : (
                <Notice tone="warning" live="alert">
                  {t("needsStopped")}
                </Notice>
              )}
              <Field id={`${formId}-image`} label={t("image")} className="max-w-lg">
                {(control) => (
                  <Select
                    {...control}
                    value={imageId}
                    onChange={(event) => {
                      const next = images.find(
                        (candidate) => candidate.imageId === event.target.value,
                      );
                      setImageId(event.target.value);
                      setChoice({ encrypted: next?.encrypted ?? false, kmsKeyId: keyOf(next) });
                    }}
                  >
                    {custom.length > 0 ? (
                      <optgroup label={t("ownGroup")}>
                        {custom.map((candidate) => (
                          <option key={candidate.imageId} value={candidate.imageId}>
                            {candidate.label}
                          </option>
                        ))}
                      </optgroup>
                    ) : null}
                    <optgroup label={t("publicGroup")}>
                      {publicImages.map((candidate) => (
                        <option key={candidate.imageId} value={candidate.imageId}>
                          {candidate.label}
                        </option>
                      ))}
                    </optgroup>
                  </Select>
                )}
              </Field>
              <EncryptionChoiceFields
                regionId={regionId}
                regionName={regionName}
                options={options}
                value={choice}
                onChange={setChoice}
                mustEncrypt={image?.encrypted ?? false}
                lockedHint={t("encryptedImage")}
                isRoleGranted={isRoleGranted}
                onRoleGranted={() => setRoleGranted(true)}
                authorize={authorize}
                idPrefix="replace"
              />
              <p className="text-xs text-slate-500">
                {t("categoryNote", { category: categoryLabel })}
              </p>
              {systemDisk ? (
                <Notice tone="warning">{t("releaseWarning", { diskId: systemDisk.diskId })}</Notice>
              ) : null}
              {mutation.error ? (
                <ErrorNotice
                  message={mutation.error.message}
                  codeLabel={tCommon("errorCode", { code: mutation.error.code })}
                />
              ) : null}
            </form>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
