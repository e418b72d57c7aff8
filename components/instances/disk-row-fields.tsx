"use client";

import { Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { categoryName } from "@/components/disks/category-name";
import { SERVICE_KEY_OPTION, type EncryptionRules } from "@/components/disks/create-disk-schema";
import type { KeyOption } from "@/components/disks/disk-encryption-fields";
import type { DiskRow } from "@/components/instances/create-instance-rules";
import { DiskStorageControls } from "@/components/shared/disk-storage-controls";

/** Category, performance level (ESSD) and size of one disk row; `label` names the row. */
export function DiskSizeFields({
  idPrefix,
  label,
  categories,
  row,
  sizeError,
  onChange,
}: {
  idPrefix: string;
  label: string;
  categories: readonly string[];
  row: DiskRow;
  sizeError?: string;
  onChange: (row: DiskRow) => void;
}) {
  const t = useTranslations("Instances.create.disk");
  return (
    <DiskStorageControls
      ids={{
        category: `${idPrefix}-category`,
        performanceLevel: `${idPrefix}-pl`,
        size: `${idPrefix}-size`,
      }}
      labels={{
        category: t("category", { disk: label }),
        performanceLevel: t("performanceLevel", { disk: label }),
        size: t("size", { disk: label }),
        sizeError,
      }}
      widths={{ category: "w-60", performanceLevel: "w-36", size: "w-44" }}
      categories={categories}
      value={row}
      onCategoryChange={(category) => onChange({ ...row, category })}
      onPerformanceLevelChange={(performanceLevel) => onChange({ ...row, performanceLevel })}
      onSizeChange={(size) => onChange({ ...row, size })}
    />
  );
}

/**
 * One data disk: its storage, Encrypted and KMS key (the same choices and notices as the Create
 * disk page), Release with instance, and Remove.
 */
export function DataDiskRow({
  index,
  categories,
  row,
  rules,
  cmks,
  sizeError,
  onChange,
  onRemove,
}: {
  index: number;
  categories: readonly string[];
  row: DiskRow;
  rules: EncryptionRules;
  cmks: KeyOption[];
  sizeError?: string;
  onChange: (row: DiskRow) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("Instances.create.disk");
  const tEnc = useTranslations("Disks.create.encryption");
  const locale = useLocale();
  const label = t("dataDiskN", { n: index + 1 });
  const idPrefix = `data-disk-${index + 1}`;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-xs font-semibold text-slate-700">{label}</legend>
      <DiskSizeFields
        idPrefix={idPrefix}
        label={label}
        categories={categories}
        row={row}
        sizeError={sizeError}
        onChange={onChange}
      />
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex items-center gap-2">
          <input
            id={`${idPrefix}-encrypted`}
            type="checkbox"
            className="size-4 accent-blue-600 disabled:cursor-not-allowed"
            checked={rules.isEncrypted}
            disabled={!rules.canToggle}
            onChange={(event) => onChange({ ...row, encrypted: event.target.checked })}
          />
          <label htmlFor={`${idPrefix}-encrypted`} className="text-sm text-slate-800">
            {t("encrypted", { disk: label })}
          </label>
        </div>
        {rules.isEncrypted ? (
          <Field id={`${idPrefix}-key`} label={t("key", { disk: label })} className="w-80">
            {(control) => (
              <Select
                {...control}
                value={row.kmsKeyId}
                onChange={(event) => onChange({ ...row, kmsKeyId: event.target.value })}
              >
                <option value={SERVICE_KEY_OPTION}>{tEnc("serviceKey")}</option>
                {cmks.length > 0 ? (
                  <optgroup label={tEnc("cmkGroup")}>
                    {cmks.map((key) => (
                      <option key={key.keyId} value={key.keyId}>
                        {key.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </Select>
            )}
          </Field>
        ) : null}
        <div className="flex items-center gap-2">
          <input
            id={`${idPrefix}-release`}
            type="checkbox"
            className="size-4 accent-blue-600"
            checked={row.deleteWithInstance}
            onChange={(event) => onChange({ ...row, deleteWithInstance: event.target.checked })}
          />
          <label htmlFor={`${idPrefix}-release`} className="text-sm text-slate-800">
            {t("releaseWithInstance", { disk: label })}
          </label>
        </div>
        <Button variant="ghost" aria-label={t("remove", { disk: label })} onClick={onRemove}>
          <Trash2 aria-hidden className="size-4" />
        </Button>
      </div>
      {rules.isCategoryNotEncryptable && !rules.isRegionWithoutEncryption ? (
        <Notice tone="warning" live="alert">
          {tEnc("categoryNotEncryptable", { category: categoryName(row.category, locale) })}
        </Notice>
      ) : null}
    </fieldset>
  );
}
