"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import {
  PERFORMANCE_LEVELS,
  type DataDiskCategory,
  type PerformanceLevel,
} from "@/lib/ecs/catalog/disk-categories";
import { categoryName } from "@/components/disks/category-name";
import { sizeLimitOf, type CreateDiskFormState } from "@/components/disks/create-disk-schema";

/**
 * Disk category (ESSD first, the console's default), performance level (ESSD only) and size,
 * with the limits of that category and level shown — and checked — beside the size.
 */
export function DiskStorageFields({
  categories,
  state,
  sizeError,
  onChange,
}: {
  categories: readonly DataDiskCategory[];
  state: CreateDiskFormState;
  sizeError?: boolean;
  onChange: (next: CreateDiskFormState) => void;
}) {
  const t = useTranslations("Disks.create");
  const locale = useLocale();
  const format = useFormatter();
  const limits = sizeLimitOf(state);
  const range = limits
    ? { min: format.number(limits.min), max: format.number(limits.max) }
    : undefined;
  const ordered = [
    "cloud_essd",
    ...categories.filter((c) => c !== "cloud_essd"),
  ] as DataDiskCategory[];

  return (
    <div className="flex flex-wrap items-start gap-4">
      <Field id="disk-category" label={t("category")} className="w-64">
        {(control) => (
          <Select
            {...control}
            value={state.category}
            onChange={(event) =>
              onChange({ ...state, category: event.target.value as DataDiskCategory })
            }
          >
            {ordered.map((category) => (
              <option key={category} value={category}>
                {categoryName(category, locale)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {state.category === "cloud_essd" ? (
        <Field
          id="disk-performance-level"
          label={t("performanceLevel")}
          hint={t("performanceLevelHint")}
          className="w-40"
        >
          {(control) => (
            <Select
              {...control}
              value={state.performanceLevel}
              onChange={(event) =>
                onChange({ ...state, performanceLevel: event.target.value as PerformanceLevel })
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
      <Field
        id="disk-size"
        label={t("size")}
        hint={range ? t("sizeHint", range) : undefined}
        error={sizeError && range ? t("errors.size", range) : undefined}
        className="w-48"
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            inputMode="numeric"
            min={limits?.min}
            max={limits?.max}
            step={1}
            value={state.size}
            onChange={(event) => onChange({ ...state, size: event.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
