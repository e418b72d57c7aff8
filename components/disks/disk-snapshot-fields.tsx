"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Field, Select } from "@/components/ui/field";
import { Notice, type NoticeTone } from "@/components/ui/notice";
import type { SnapshotRules, SnapshotSource } from "@/components/disks/create-disk-snapshot";

/**
 * Create disk › Create from snapshot: the snapshot selector (accomplished snapshots, encrypted
 * ones marked) and the rules of disks from snapshots as notices beside it, before anything is
 * sent: encrypted snapshot → encrypted disk (its key preselected), an unencrypted snapshot's
 * disk encrypted only as ESSD, the key Enabled, the size at least the snapshot's.
 */
export function DiskSnapshotFields({
  regionId,
  snapshots,
  selected,
  rules,
  isEncrypted,
  categoryLabel,
  onSelect,
}: {
  regionId: string;
  snapshots: SnapshotSource[];
  selected?: SnapshotSource;
  rules: SnapshotRules;
  isEncrypted: boolean;
  categoryLabel: string;
  onSelect: (snapshotId: string) => void;
}) {
  const t = useTranslations("Disks.create.snapshot");
  const keyLabel = selected?.keyAlias ?? selected?.kmsKeyId ?? "";
  const notices: { id: string; tone: NoticeTone; text: string }[] = [];
  if (selected) {
    if (rules.isNotReady)
      notices.push({
        id: "notice-snapshot-not-ready",
        tone: "danger",
        text: t("notReady", { snapshotId: selected.snapshotId, status: selected.status }),
      });
    if (rules.mustEncrypt)
      notices.push({
        id: "notice-snapshot-encrypted",
        tone: "info",
        text: t("mustEncrypt", { snapshotId: selected.snapshotId, key: keyLabel }),
      });
    else if (isEncrypted && !rules.isCategoryNotEssd)
      notices.push({
        id: "notice-snapshot-plain",
        tone: "info",
        text: t("encryptsPlain", { snapshotId: selected.snapshotId }),
      });
    if (rules.isCategoryNotEssd)
      notices.push({
        id: "notice-snapshot-essd",
        tone: "danger",
        text: t("essdOnly", { category: categoryLabel }),
      });
    if (rules.isKeyNotEnabled)
      notices.push({
        id: "notice-snapshot-key",
        tone: "danger",
        text: t("keyNotEnabled", {
          key: keyLabel,
          state: selected.keyState ?? t("keyUnknown"),
        }),
      });
    if (rules.isReKeyed)
      notices.push({ id: "notice-snapshot-rekey", tone: "info", text: t("reKeyed") });
    if (rules.isSizeBelowSnapshot)
      notices.push({
        id: "notice-snapshot-size",
        tone: "danger",
        text: t("sizeBelow", { size: selected.sizeGiB }),
      });
  }
  const options =
    selected && !snapshots.some((s) => s.snapshotId === selected.snapshotId)
      ? [selected, ...snapshots]
      : snapshots;
  return (
    <div className="space-y-3">
      <Field id="disk-snapshot" label={t("label")} hint={t("hint")} className="max-w-lg">
        {(control) => (
          <Select
            {...control}
            value={selected?.snapshotId ?? ""}
            onChange={(event) => onSelect(event.target.value)}
          >
            <option value="">{t("none")}</option>
            {options.map((snapshot) => (
              <option key={snapshot.snapshotId} value={snapshot.snapshotId}>
                {snapshot.name ? `${snapshot.name} (${snapshot.snapshotId})` : snapshot.snapshotId}
                {` · ${snapshot.sizeGiB} GiB`}
                {snapshot.encrypted ? ` · ${t("encryptedOption")}` : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {selected ? (
        <Link
          href={`/${regionId}/snapshots/${selected.snapshotId}`}
          className="text-xs text-blue-700 hover:underline"
        >
          {t("viewSnapshot")}
        </Link>
      ) : null}
      {notices.map((notice) => (
        <div key={notice.id} id={notice.id}>
          <Notice tone={notice.tone} live={notice.tone === "danger" ? "alert" : "none"}>
            {notice.text}
          </Notice>
        </div>
      ))}
    </div>
  );
}
