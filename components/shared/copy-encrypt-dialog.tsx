"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { Field, Select } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import type { AuthorizeDiskEncryption } from "@/components/disks/authorize-role-dialog";
import { SERVICE_KEY_OPTION } from "@/components/disks/create-disk-schema";
import type { EncryptionChoice } from "@/components/disks/disk-encryption-fields";
import { NameDescriptionFields } from "@/components/shared/name-description-fields";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import {
  EncryptionChoiceFields,
  encryptionChoiceRules,
  type EncryptionOptions,
  type LoadEncryptionOptions,
} from "@/components/shared/encryption-choice";

export type CopyMode = "copy" | "encrypt";
export type CopyRequest = {
  destinationRegionId: string;
  name?: string;
  description?: string;
  encrypted: boolean;
  kmsKeyId?: string;
};

/**
 * Copy snapshot / Copy image with its two modes, as the consoles offer them: **Copy** (the copy
 * is encrypted as the source is) and **Copy and Encrypt** (encrypted with the key chosen, in this
 * region or another). The key selector is the Create disk page's, for the destination region
 * (its keys are read when another region is chosen); an encrypted source's copy is always
 * encrypted. `kind` picks the wording (Snapshots.copy / Images.copy); `sameRegionPlainRefused`:
 * a snapshot cannot be plainly copied within its region (the API refuses it).
 */
export function CopyEncryptDialog({
  kind,
  sourceId,
  source,
  initialMode,
  regionId,
  regions,
  options,
  sameRegionPlainRefused,
  copy,
  loadEncryptionOptions,
  authorize,
  onClose,
}: {
  kind: "snapshot" | "image";
  sourceId: string;
  /** The snapshot's or image's console view: its encryption and, when known, its key. */
  source: {
    encrypted: boolean;
    kmsKeyId: string | null;
    key?: { isServiceKey: boolean; aliasName?: string };
  };
  initialMode: CopyMode;
  regionId: string;
  regions: { regionId: string; name: string }[];
  options: EncryptionOptions;
  sameRegionPlainRefused: boolean;
  copy: (request: CopyRequest) => Promise<ActionResult<{ id: string }>>;
  loadEncryptionOptions: LoadEncryptionOptions;
  authorize: AuthorizeDiskEncryption;
  onClose: () => void;
}) {
  const t = useTranslations(kind === "snapshot" ? "Snapshots.copy" : "Images.copy");
  const tSnap = useTranslations("Snapshots.copy");
  const tCommon = useTranslations("Common");
  const formId = useId();
  const mutation = useConsoleMutation();
  const [mode, setMode] = useState<CopyMode>(initialMode);
  const [destination, setDestination] = useState(regionId);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [grantedIn, setGrantedIn] = useState<string[]>([]);
  const sourceKey =
    source.key?.isServiceKey || !source.kmsKeyId ? SERVICE_KEY_OPTION : source.kmsKeyId;
  const [choice, setChoice] = useState<EncryptionChoice>({
    encrypted: true,
    kmsKeyId: source.encrypted ? sourceKey : SERVICE_KEY_OPTION,
  });
  const [done, setDone] = useState<{ id: string; regionId: string }>();

  const isOtherRegion = destination !== regionId;
  const remote = useQuery({
    queryKey: ["encryption-options", destination],
    queryFn: async () => {
      const result = await loadEncryptionOptions({ regionId: destination });
      if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      return result.data;
    },
    enabled: isOtherRegion,
    staleTime: 30_000,
  });
  const destinationOptions = isOtherRegion ? remote.data : options;
  const withKey = mode === "encrypt" || source.encrypted;
  const isPlainSameRegion = sameRegionPlainRefused && !withKey && !isOtherRegion;
  const rules = destinationOptions
    ? encryptionChoiceRules(choice, destinationOptions, grantedIn.includes(destination), true)
    : undefined;
  const isBlocked =
    isPlainSameRegion ||
    (withKey && (!rules || rules.needsAuthorization || rules.isRegionWithoutEncryption));
  const regionNameOf = (id: string) => regions.find((region) => region.regionId === id)?.name ?? id;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isBlocked) return;
    mutation.run(
      () =>
        copy({
          destinationRegionId: destination,
          name: name.trim() || undefined,
          description: description.trim() || undefined,
          encrypted: withKey,
          kmsKeyId: withKey ? choice.kmsKeyId : undefined,
        }),
      (result) => setDone({ id: result.id, regionId: destination }),
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && (done || !mutation.isPending) && onClose()}>
      <DialogContent
        title={kind === "snapshot" && mode === "encrypt" ? tSnap("titleEncrypt") : t("title")}
        description={t("description", { snapshotId: sourceId, imageId: sourceId })}
        closeLabel={tCommon("close")}
        className="w-[min(40rem,calc(100vw-2rem))]"
        footer={
          done ? (
            <Button variant="primary" onClick={onClose}>
              {tCommon("close")}
            </Button>
          ) : (
            <DialogActions
              cancelLabel={tCommon("cancel")}
              isPending={mutation.isPending}
              formId={formId}
              disabled={isBlocked}
            >
              {mutation.isPending ? t("pending") : t("submit")}
            </DialogActions>
          )
        }
      >
        {done ? (
          <Notice tone="success" live="status">
            <p>
              {t("done", {
                snapshotId: done.id,
                imageId: done.id,
                region: regionNameOf(done.regionId),
              })}
            </p>
            {done.regionId === regionId ? (
              <Link
                href={`/${regionId}/${kind === "snapshot" ? "snapshots" : "images"}${kind === "snapshot" ? `/${done.id}` : ""}`}
                className="font-medium text-blue-700 underline"
              >
                {tSnap("view")}
              </Link>
            ) : null}
          </Notice>
        ) : (
          <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
            <fieldset className="space-y-2">
              <legend className="text-xs font-medium text-slate-700">{t("mode")}</legend>
              {(["copy", "encrypt"] as const).map((value) => (
                <label key={value} className="flex items-start gap-2">
                  <input
                    type="radio"
                    name={`${formId}-mode`}
                    className="mt-1 accent-blue-600"
                    checked={mode === value}
                    onChange={() => setMode(value)}
                  />
                  <span>
                    <span className="font-medium text-slate-800">
                      {value === "copy" ? t("modeCopy") : t("modeEncrypt")}
                    </span>
                    <span className="block text-xs text-slate-500">
                      {value === "copy" ? t("modeCopyHint") : t("modeEncryptHint")}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            <Field id={`${formId}-destination`} label={t("destination")} className="max-w-sm">
              {(control) => (
                <Select
                  {...control}
                  value={destination}
                  onChange={(event) => {
                    const next = event.target.value;
                    setDestination(next);
                    // Keys are regional: another region starts from its service key.
                    setChoice({
                      encrypted: true,
                      kmsKeyId:
                        next === regionId && source.encrypted ? sourceKey : SERVICE_KEY_OPTION,
                    });
                  }}
                >
                  {regions.map((region) => (
                    <option key={region.regionId} value={region.regionId}>
                      {region.name} ({region.regionId})
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <div className="flex flex-wrap gap-3">
              <NameDescriptionFields
                id={formId}
                name={name}
                description={description}
                onNameChange={setName}
                onDescriptionChange={setDescription}
                nameField={{ label: t("name"), className: "w-56" }}
                descriptionField={{ label: t("descriptionField"), className: "min-w-56 flex-1" }}
              />
            </div>
            {isPlainSameRegion ? (
              <Notice tone="warning" live="alert">
                {tSnap("sameRegionPlain")}
              </Notice>
            ) : null}
            {source.encrypted ? (
              <Notice tone="info">
                {t("encryptedSource", { key: source.key?.aliasName ?? source.kmsKeyId ?? "" })}
              </Notice>
            ) : null}
            {withKey ? (
              destinationOptions ? (
                <div className="space-y-2">
                  {isOtherRegion ? (
                    <p className="text-xs text-slate-500">
                      {tSnap("keyInDestination", { region: regionNameOf(destination) })}
                    </p>
                  ) : null}
                  <EncryptionChoiceFields
                    regionId={destination}
                    regionName={regionNameOf(destination)}
                    options={destinationOptions}
                    value={choice}
                    onChange={setChoice}
                    mustEncrypt
                    lockedHint={tSnap("lockedHint")}
                    isRoleGranted={grantedIn.includes(destination)}
                    onRoleGranted={() => setGrantedIn([...grantedIn, destination])}
                    authorize={authorize}
                    idPrefix={`copy-${kind}`}
                  />
                </div>
              ) : remote.error ? (
                <ErrorNotice message={remote.error.message} codeLabel="" />
              ) : (
                <p className="text-xs text-slate-500">{tSnap("loadingKeys")}</p>
              )
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
  );
}
