"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, Input, Select } from "@/components/ui/field";
import {
  snapshotListHref,
  type SnapshotListParams,
} from "@/components/snapshots/snapshot-list-params";
import { SNAPSHOT_STATUSES } from "@/components/snapshots/snapshot-view";

export type KeyFilterOption = { value: string; label: string };

/**
 * The snapshot list's filters: status, encryption, KMS key and source disk. They live in the
 * URL: choosing one navigates (back to page 1) and the server component renders that list.
 */
export function SnapshotListFilters({
  regionId,
  params,
  keys,
  children,
}: {
  regionId: string;
  params: SnapshotListParams;
  keys: KeyFilterOption[];
  children: ReactNode;
}) {
  const t = useTranslations("Snapshots");
  const tDisks = useTranslations("Disks.encryption");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [diskId, setDiskId] = useState(params.diskId ?? "");
  const navigate = (next: Partial<SnapshotListParams>) =>
    startTransition(() => router.push(snapshotListHref(regionId, { ...params, ...next, page: 1 })));

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
  const onDiskSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate({ diskId: diskId.trim() || undefined });
  };

  return (
    <div className="space-y-4">
      <div role="group" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3">
        {filter(
          "snapshot-filter-status",
          t("filters.status"),
          params.status ?? "",
          SNAPSHOT_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) })),
          (status) => navigate({ status: (status || undefined) as SnapshotListParams["status"] }),
        )}
        {filter(
          "snapshot-filter-encrypted",
          t("filters.encryption"),
          params.encrypted === undefined ? "" : String(params.encrypted),
          [
            { value: "true", label: tDisks("encrypted") },
            { value: "false", label: tDisks("notEncrypted") },
          ],
          (value) => navigate({ encrypted: value === "" ? undefined : value === "true" }),
        )}
        {filter("snapshot-filter-key", t("filters.key"), params.kmsKeyId ?? "", keys, (kmsKeyId) =>
          navigate({ kmsKeyId: kmsKeyId || undefined }),
        )}
        <form onSubmit={onDiskSubmit} className="flex items-end gap-2">
          <Field id="snapshot-filter-disk" label={t("filters.disk")} className="w-48">
            {(control) => (
              <Input
                {...control}
                value={diskId}
                placeholder={t("filters.diskPlaceholder")}
                onChange={(event) => setDiskId(event.target.value)}
              />
            )}
          </Field>
          <Button type="submit">{t("filters.apply")}</Button>
        </form>
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
