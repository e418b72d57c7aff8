"use client";

import { useTranslations } from "next-intl";
import { Field, Select } from "@/components/ui/field";
import type { CreateDiskFormState } from "@/components/disks/create-disk-schema";

/** Region (the page's, shown; the top bar changes it) and zone (the catalog's zones of it). */
export function DiskLocationFields({
  regionId,
  regionName,
  zones,
  state,
  onChange,
}: {
  regionId: string;
  regionName: string;
  zones: { zoneId: string; name: string }[];
  state: CreateDiskFormState;
  onChange: (next: CreateDiskFormState) => void;
}) {
  const t = useTranslations("Disks.create");
  return (
    <div className="flex flex-wrap items-start gap-4">
      <div className="flex w-72 flex-col gap-1">
        <span id="disk-region-label" className="text-xs font-medium text-slate-700">
          {t("region")}
        </span>
        <p aria-labelledby="disk-region-label" className="text-sm text-slate-900">
          {regionName}
          <span className="block font-mono text-xs text-slate-500">{regionId}</span>
        </p>
        <p className="text-xs text-slate-500">{t("regionHint")}</p>
      </div>
      <Field id="disk-zone" label={t("zone")} hint={t("zoneHint")} className="w-80">
        {(control) => (
          <Select
            {...control}
            value={state.zoneId}
            onChange={(event) => onChange({ ...state, zoneId: event.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone.zoneId} value={zone.zoneId}>
                {zone.name} ({zone.zoneId})
              </option>
            ))}
          </Select>
        )}
      </Field>
    </div>
  );
}
