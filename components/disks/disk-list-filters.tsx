"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Field, Select } from "@/components/ui/field";
import { DATA_DISK_CATEGORIES } from "@/lib/ecs/catalog/disk-categories";
import { DISK_STATUSES } from "@/lib/ecs/disks/disk-query";
import { categoryName } from "@/components/disks/category-name";
import { diskListHref, type DiskListParams } from "@/components/disks/disk-list-params";

export type KeyFilterOption = { value: string; label: string };

/**
 * The disk list's filters: zone, status, category, encryption and KMS key. They live in the URL:
 * choosing one navigates (back to page 1) and the server component renders that list.
 */
export function DiskListFilters({
  regionId,
  params,
  zones,
  keys,
  children,
}: {
  regionId: string;
  params: DiskListParams;
  zones: { zoneId: string; name: string }[];
  keys: KeyFilterOption[];
  children: ReactNode;
}) {
  const t = useTranslations("Disks");
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const navigate = (next: Partial<DiskListParams>) =>
    startTransition(() => router.push(diskListHref(regionId, { ...params, ...next, page: 1 })));

  const filter = (
    id: string,
    label: string,
    value: string,
    options: { value: string; label: string }[],
    onChange: (value: string) => void,
  ) => (
    <Field id={id} label={label} className="w-44">
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t("filters.all")}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );

  return (
    <div className="space-y-4">
      <div role="group" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3">
        {filter(
          "disk-filter-zone",
          t("filters.zone"),
          params.zoneId ?? "",
          zones.map((zone) => ({ value: zone.zoneId, label: zone.name })),
          (zoneId) => navigate({ zoneId: zoneId || undefined }),
        )}
        {filter(
          "disk-filter-status",
          t("filters.status"),
          params.status ?? "",
          DISK_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })),
          (status) => navigate({ status: (status || undefined) as DiskListParams["status"] }),
        )}
        {filter(
          "disk-filter-category",
          t("filters.category"),
          params.category ?? "",
          DATA_DISK_CATEGORIES.map((category) => ({
            value: category,
            label: categoryName(category, locale),
          })),
          (category) => navigate({ category: category || undefined }),
        )}
        {filter(
          "disk-filter-encrypted",
          t("filters.encryption"),
          params.encrypted === undefined ? "" : String(params.encrypted),
          [
            { value: "true", label: t("encryption.encrypted") },
            { value: "false", label: t("encryption.notEncrypted") },
          ],
          (value) => navigate({ encrypted: value === "" ? undefined : value === "true" }),
        )}
        {filter("disk-filter-key", t("filters.key"), params.kmsKeyId ?? "", keys, (kmsKeyId) =>
          navigate({ kmsKeyId: kmsKeyId || undefined }),
        )}
      </div>
      <div
        aria-busy={isPending || undefined}
        className={cn("space-y-4 transition-opacity", isPending && "opacity-60")}
      >
        {children}
      </div>
    </div>
  );
}
