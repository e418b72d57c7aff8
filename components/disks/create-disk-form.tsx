"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/console/server-action";
import type { DataDiskCategory } from "@/lib/ecs/catalog/disk-categories";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import {
  AuthorizeRoleDialog,
  type AuthorizeDiskEncryption,
  type RoleFacts,
} from "@/components/disks/authorize-role-dialog";
import { categoryName } from "@/components/disks/category-name";
import {
  encryptionRules,
  initialCreateDiskForm,
  sizeLimitOf,
  toCreateDiskInput,
  validateCreateDiskForm,
  type CreateDiskField,
  type CreateDiskFormInput,
  type CreateDiskErrorKey,
  type RegionEncryption,
} from "@/components/disks/create-disk-schema";
import {
  snapshotRules,
  withSnapshot,
  type SnapshotSource,
} from "@/components/disks/create-disk-snapshot";
import { DiskEncryptionFields, type KeyOption } from "@/components/disks/disk-encryption-fields";
import { DiskSnapshotFields } from "@/components/disks/disk-snapshot-fields";
import { DiskLocationFields } from "@/components/disks/disk-location-fields";
import { DiskPriceEstimate } from "@/components/disks/disk-price-estimate";
import { DiskStorageFields } from "@/components/disks/disk-storage-fields";
import { DiskTagsField } from "@/components/disks/disk-tags-field";

export type CreateDiskAction = (
  input: CreateDiskFormInput & { regionId: string },
) => Promise<ActionResult<{ diskId: string }>>;

/**
 * Disks › Create disk, as the purchase page lays it out: region and zone, storage (category,
 * performance level, size), encryption (checkbox, KMS key, the rules as notices, the role
 * prompt), the optional name, description and tags, and the fee box with Create. Checked with
 * the shared schema before it is sent; the service's refusals show with message and code; once
 * created, the disk's page opens.
 */
export function CreateDiskFormView({
  regionId,
  regionName,
  zones,
  categories,
  region,
  serviceKeyId,
  cmks,
  role,
  createDisk,
  authorize,
  snapshots,
  initialSnapshot,
}: {
  /** Accomplished snapshots of the region, for Create from snapshot. */
  snapshots: SnapshotSource[];
  /** The snapshot the page was opened with (`?snapshotId=`), preselected. */
  initialSnapshot?: SnapshotSource;
  regionId: string;
  regionName: string;
  zones: { zoneId: string; name: string }[];
  categories: readonly DataDiskCategory[];
  region: RegionEncryption;
  serviceKeyId?: string;
  cmks: KeyOption[];
  role: RoleFacts;
  createDisk: CreateDiskAction;
  authorize: AuthorizeDiskEncryption;
}) {
  const t = useTranslations("Disks.create");
  const tCommon = useTranslations("Common");
  const locale = useLocale();
  const router = useRouter();
  const mutation = useConsoleMutation();
  const [form, setForm] = useState(() =>
    withSnapshot(initialCreateDiskForm(zones[0]?.zoneId ?? "", region), initialSnapshot),
  );
  const [errors, setErrors] = useState<Partial<Record<CreateDiskField, CreateDiskErrorKey>>>({});
  const [isAuthorizing, setAuthorizing] = useState(false);
  const [isRoleGranted, setRoleGranted] = useState(region.isRoleGranted);
  const [isNavigating, setNavigating] = useState(false);

  const regionNow = { ...region, isRoleGranted: isRoleGranted || region.isRoleGranted };
  const snapshot = form.snapshotId
    ? ([initialSnapshot, ...snapshots].find((s) => s?.snapshotId === form.snapshotId) ?? undefined)
    : undefined;
  const rules = encryptionRules(form, regionNow, { mustEncrypt: snapshot?.encrypted });
  const fromSnapshot = snapshotRules(form, snapshot, rules.isEncrypted);
  const limits = sizeLimitOf(form);
  const isBlocked =
    rules.needsAuthorization || rules.isCategoryBlockedByDefault || fromSnapshot.isBlocked;

  const update = (next: typeof form) => {
    setForm(next);
    if (Object.keys(errors).length > 0) setErrors(validateCreateDiskForm(next));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateCreateDiskForm(form);
    setErrors(found);
    if (Object.keys(found).length > 0 || isBlocked) return;
    mutation.run(
      () => createDisk({ regionId, ...toCreateDiskInput(form, rules) }),
      ({ diskId }) => {
        setNavigating(true);
        router.push(`/${regionId}/disks/${diskId}`);
      },
    );
  };

  const errorText = (field: CreateDiskField) => {
    const key = errors[field];
    if (!key) return undefined;
    return key === "size" && limits ? t("errors.size", limits) : t(`errors.${key}`);
  };
  const section = (id: string, title: string, children: ReactNode, description?: string) => (
    <Card id={id} title={title} description={description}>
      {children}
    </Card>
  );
  const sizeGiB = Number(form.size);
  const isBusy = mutation.isPending || isNavigating;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("formLabel")}>
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="space-y-5">
          {section(
            "create-disk-location",
            t("location"),
            <DiskLocationFields
              regionId={regionId}
              regionName={regionName}
              zones={zones}
              state={form}
              onChange={update}
            />,
            t("locationDescription"),
          )}
          {section(
            "create-disk-storage",
            t("storage"),
            <DiskStorageFields
              categories={categories}
              state={form}
              sizeError={errors.size !== undefined}
              onChange={update}
            />,
            t("storageDescription"),
          )}
          {section(
            "create-disk-snapshot",
            t("snapshot.section"),
            <DiskSnapshotFields
              regionId={regionId}
              snapshots={snapshots}
              selected={snapshot}
              rules={fromSnapshot}
              isEncrypted={rules.isEncrypted}
              categoryLabel={categoryName(form.category, locale)}
              onSelect={(snapshotId) =>
                update(
                  withSnapshot(
                    form,
                    [initialSnapshot, ...snapshots].find((s) => s?.snapshotId === snapshotId),
                  ),
                )
              }
            />,
          )}
          {section(
            "create-disk-encryption",
            t("encryptionSection"),
            <DiskEncryptionFields
              regionId={regionId}
              regionName={regionName}
              categoryLabel={categoryName(form.category, locale)}
              state={form}
              rules={rules}
              serviceKeyId={serviceKeyId}
              cmks={cmks}
              onChange={update}
              onAuthorize={() => setAuthorizing(true)}
              lockedHint={snapshot?.encrypted ? t("snapshot.lockedHint") : undefined}
            />,
            t("encryptionDescription"),
          )}
          {section(
            "create-disk-others",
            t("others"),
            <div className="space-y-4">
              <div className="flex flex-wrap gap-4">
                <Field
                  id="disk-name"
                  label={t("name")}
                  hint={t("nameHint")}
                  error={errorText("name")}
                  className="w-72"
                >
                  {(control) => (
                    <Input
                      {...control}
                      value={form.name}
                      maxLength={128}
                      onChange={(event) => update({ ...form, name: event.target.value })}
                    />
                  )}
                </Field>
                <Field
                  id="disk-description"
                  label={t("description")}
                  hint={t("descriptionHint")}
                  error={errorText("description")}
                  className="min-w-72 flex-1"
                >
                  {(control) => (
                    <Input
                      {...control}
                      value={form.description}
                      maxLength={256}
                      onChange={(event) => update({ ...form, description: event.target.value })}
                    />
                  )}
                </Field>
              </div>
              <DiskTagsField
                tags={form.tags}
                error={errorText("tags")}
                onChange={(tags) => update({ ...form, tags })}
              />
            </div>,
          )}
        </div>
        <aside className="space-y-4 rounded-md border border-slate-200 bg-white p-4 shadow-xs lg:sticky lg:top-17">
          <DiskPriceEstimate
            category={form.category}
            performanceLevel={form.category === "cloud_essd" ? form.performanceLevel : undefined}
            sizeGiB={sizeGiB}
            encrypted={rules.isEncrypted}
          />
          {Object.keys(errors).length > 0 ? (
            <p className="text-xs text-red-600">{t("errors.fixFields")}</p>
          ) : null}
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
          <div className="flex flex-col gap-2">
            <Button
              type="submit"
              variant="primary"
              disabled={isBusy || isBlocked}
              aria-describedby={rules.needsAuthorization ? "notice-authorize" : undefined}
            >
              {isBusy ? t("creating") : t("submit")}
            </Button>
            <Link href={`/${regionId}/disks`} className={buttonClasses({ variant: "secondary" })}>
              {tCommon("cancel")}
            </Link>
          </div>
        </aside>
      </div>
      <AuthorizeRoleDialog
        open={isAuthorizing}
        onOpenChange={setAuthorizing}
        regionId={regionId}
        role={role}
        authorize={authorize}
        onAuthorized={() => setRoleGranted(true)}
      />
    </form>
  );
}
