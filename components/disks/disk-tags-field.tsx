"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/field";
import { MAX_TAGS_PER_REQUEST } from "@/lib/ecs/tags/tag-rules";
import type { TagRow } from "@/components/disks/create-disk-schema";

/** Tags of a new disk: key/value rows, at most 20, each control labelled with its row. */
export function DiskTagsField({
  tags,
  error,
  onChange,
}: {
  tags: TagRow[];
  error?: string;
  onChange: (tags: TagRow[]) => void;
}) {
  const t = useTranslations("Disks.create.tags");
  const set = (index: number, row: Partial<TagRow>) =>
    onChange(tags.map((tag, i) => (i === index ? { ...tag, ...row } : tag)));
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "disk-tags-error" : undefined}>
      <legend className="text-xs font-medium text-slate-700">{t("legend")}</legend>
      {tags.length === 0 ? <p className="text-xs text-slate-500">{t("none")}</p> : null}
      {tags.map((tag, index) => (
        <div key={index} className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor={`disk-tag-key-${index}`}>{t("key", { index: index + 1 })}</Label>
            <Input
              id={`disk-tag-key-${index}`}
              value={tag.key}
              maxLength={128}
              aria-invalid={error ? true : undefined}
              onChange={(event) => set(index, { key: event.target.value })}
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`disk-tag-value-${index}`}>{t("value", { index: index + 1 })}</Label>
            <Input
              id={`disk-tag-value-${index}`}
              value={tag.value}
              maxLength={128}
              onChange={(event) => set(index, { value: event.target.value })}
            />
          </div>
          <Button
            variant="ghost"
            aria-label={t("remove", { index: index + 1 })}
            title={t("remove", { index: index + 1 })}
            onClick={() => onChange(tags.filter((_, i) => i !== index))}
          >
            <Trash2 aria-hidden className="size-4" />
          </Button>
        </div>
      ))}
      <Button
        size="sm"
        disabled={tags.length >= MAX_TAGS_PER_REQUEST}
        onClick={() => onChange([...tags, { key: "", value: "" }])}
      >
        <Plus aria-hidden className="size-3.5" />
        {t("add")}
      </Button>
      {error ? (
        <p id="disk-tags-error" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
