"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { DataDiskCategory } from "@/lib/ecs/catalog/disk-categories";
import { sizeLimitOf, type CreateDiskFormState } from "@/components/disks/create-disk-schema";
import { DiskStorageControls } from "@/components/shared/disk-storage-controls";

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
  const format = useFormatter();
  const limits = sizeLimitOf(state);
  const range = limits
    ? { min: format.number(limits.min), max: format.number(limits.max) }
    : undefined;

  return (
    <DiskStorageControls
      ids={{
        category: "disk-category",
        performanceLevel: "disk-performance-level",
        size: "disk-size",
      }}
      labels={{
        category: t("category"),
        performanceLevel: t("performanceLevel"),
        performanceLevelHint: t("performanceLevelHint"),
        size: t("size"),
        sizeHint: range ? t("sizeHint", range) : undefined,
        sizeError: sizeError && range ? t("errors.size", range) : undefined,
      }}
      widths={{ category: "w-64", performanceLevel: "w-40", size: "w-48" }}
      categories={categories}
      value={state}
      sizeLimits={limits}
      onCategoryChange={(category) =>
        onChange({ ...state, category: category as DataDiskCategory })
      }
      onPerformanceLevelChange={(performanceLevel) => onChange({ ...state, performanceLevel })}
      onSizeChange={(size) => onChange({ ...state, size })}
    />
  );
}
