"use client";

import { useLocale } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import { PERFORMANCE_LEVELS, type PerformanceLevel } from "@/lib/ecs/catalog/disk-categories";
import { categoryName } from "@/components/disks/category-name";

/**
 * A disk's category (ESSD first, the console's default), performance level (ESSD only) and
 * size, as one row of fields. The caller names and sizes them (`ids`, `labels`, `widths`) and
 * gives the size's limits when it knows them.
 */
export function DiskStorageControls({
  ids,
  labels,
  widths,
  categories,
  value,
  sizeLimits,
  onCategoryChange,
  onPerformanceLevelChange,
  onSizeChange,
}: {
  ids: { category: string; performanceLevel: string; size: string };
  labels: {
    category: string;
    performanceLevel: string;
    performanceLevelHint?: string;
    size: string;
    sizeHint?: string;
    sizeError?: string;
  };
  widths: { category: string; performanceLevel: string; size: string };
  categories: readonly string[];
  value: { category: string; performanceLevel: PerformanceLevel; size: string };
  sizeLimits?: { min: number; max: number };
  onCategoryChange: (category: string) => void;
  onPerformanceLevelChange: (level: PerformanceLevel) => void;
  onSizeChange: (size: string) => void;
}) {
  const locale = useLocale();
  const ordered = ["cloud_essd", ...categories.filter((c) => c !== "cloud_essd")];

  return (
    <div className="flex flex-wrap items-start gap-4">
      <Field id={ids.category} label={labels.category} className={widths.category}>
        {(control) => (
          <Select
            {...control}
            value={value.category}
            onChange={(event) => onCategoryChange(event.target.value)}
          >
            {ordered.map((category) => (
              <option key={category} value={category}>
                {categoryName(category, locale)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {value.category === "cloud_essd" ? (
        <Field
          id={ids.performanceLevel}
          label={labels.performanceLevel}
          hint={labels.performanceLevelHint}
          className={widths.performanceLevel}
        >
          {(control) => (
            <Select
              {...control}
              value={value.performanceLevel}
              onChange={(event) => onPerformanceLevelChange(event.target.value as PerformanceLevel)}
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
        id={ids.size}
        label={labels.size}
        hint={labels.sizeHint}
        error={labels.sizeError}
        className={widths.size}
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            inputMode="numeric"
            min={sizeLimits?.min}
            max={sizeLimits?.max}
            step={1}
            value={value.size}
            onChange={(event) => onSizeChange(event.target.value)}
          />
        )}
      </Field>
    </div>
  );
}
