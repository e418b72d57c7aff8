"use client";

import { Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PERFORMANCE_LEVELS, type PerformanceLevel } from "@/lib/ecs/catalog/disk-categories";
import { categoryName } from "@/components/disks/category-name";
import { SERVICE_KEY_OPTION, type EncryptionRules } from "@/components/disks/create-disk-schema";
import type { KeyOption } from "@/components/disks/disk-encryption-fields";
import type { DiskRow } from "@/components/instances/create-instance-rules";

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
  const locale = useLocale();
  const ordered = ["cloud_essd", ...categories.filter((c) => c !== "cloud_essd")];
  return (
    <div className="flex flex-wrap items-start gap-4">
      <Field id={`${idPrefix}-category`} label={t("category", { disk: label })} className="w-60">
        {(control) => (
          <Select
            {...control}
            value={row.category}
            onChange={(event) => onChange({ ...row, category: event.target.value })}
          >
            {ordered.map((category) => (
              <option key={category} value={category}>
                {categoryName(category, locale)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {row.category === "cloud_essd" ? (
        <Field id={`${idPrefix}-pl`} label={t("performanceLevel", { disk: label })} className="w-36">
          {(control) => (
            <Select
              {...control}
              value={row.performanceLevel}
              onChange={(event) =>
                onChange({ ...row, performanceLevel: event.target.value as PerformanceLevel })
              }
            >
              {PERFORMANCE_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field id={`${idPrefix}-size`} label={t("size", { disk: label })} error={sizeError} className="w-44">
        {(control) => (
          <Input
            {...control}
            type="number"
            inputMode="numeric"
            step={1}
            value={row.size}
            onChange={(event) => onChange({ ...row, size: event.target.value })}
          />
        )}
      </Field>
    </div>
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
