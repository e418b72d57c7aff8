import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { ProgressBar } from "@/components/ui/progress-bar";
import { KeyStateBadge } from "@/components/kms/key-state-badge";
import { Timestamp } from "@/components/kms/timestamp";
import { categoryName } from "@/components/disks/category-name";
import { SnapshotEncryption } from "@/components/snapshots/snapshot-encryption";
import { SnapshotStatus } from "@/components/snapshots/snapshot-status";
import type { SnapshotView } from "@/components/snapshots/snapshot-view";

/** A byte count as the console shows sizes: "64 MiB", "1.5 GiB". */
function binarySize(bytes: number, format: (value: number) => string): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${format(value)} ${units[unit]}`;
}

/**
 * A snapshot's page: basic information (status with its progress bar while progressing; its
 * source disk, or that the disk was released and the snapshot keeps its data; what it stores)
 * and its encryption (key, alias, state, link to the key), then its tags.
 */
export async function SnapshotDetailCards({
  regionId,
  snapshot,
}: {
  regionId: string;
  snapshot: SnapshotView;
}) {
  const t = await getTranslations("Snapshots");
  const tDisks = await getTranslations("Disks");
  const locale = await getLocale();
  const format = await getFormatter();
  const key = snapshot.key;
  return (
    <div className="space-y-5">
      <Card id="snapshot-attributes" title={t("detail.attributes")}>
        <DescriptionList
          columns={2}
          items={[
            { label: t("detail.id"), value: snapshot.snapshotId, mono: true },
            { label: t("detail.name"), value: snapshot.name || "—" },
            {
              label: t("detail.status"),
              value: (
                <SnapshotStatus
                  status={snapshot.status}
                  progress={snapshot.progress}
                  withProgress={false}
                />
              ),
            },
            {
              label: t("detail.progress"),
              value: <ProgressBar value={snapshot.progress} label={t("progress")} />,
            },
            {
              label: t("detail.sourceDisk"),
              value: snapshot.isSourceDiskPresent ? (
                <Link
                  href={`/${regionId}/disks/${snapshot.sourceDiskId}`}
                  className="font-mono text-[13px] text-blue-700 hover:underline"
                >
                  {snapshot.sourceDiskId}
                </Link>
              ) : (
                <span>
                  <span className="font-mono text-[13px]">{snapshot.sourceDiskId}</span>{" "}
                  <span className="text-xs text-slate-500">({t("detail.sourceDiskGone")})</span>
                </span>
              ),
            },
            {
              label: t("detail.sourceDiskSize"),
              value: `${tDisks("sizeGiB", { size: snapshot.sourceDiskSize })} · ${categoryName(snapshot.sourceDiskCategory, locale)}`,
            },
            {
              label: t("detail.sourceDiskType"),
              value:
                snapshot.sourceDiskType === "system"
                  ? tDisks("types.system")
                  : tDisks("types.data"),
            },
            {
              label: t("detail.storedSize"),
              value: t("detail.storedSizeValue", {
                size: binarySize(snapshot.sizeBytes, (value) =>
                  format.number(value, { maximumFractionDigits: 1 }),
                ),
              }),
            },
            { label: t("detail.description"), value: snapshot.description || "—" },
            { label: t("detail.created"), value: <Timestamp date={snapshot.createdAt} /> },
          ]}
        />
      </Card>
      <Card
        id="snapshot-encryption"
        title={t("detail.encryption")}
        description={t("detail.encryptionDescription")}
      >
        <DescriptionList
          columns={2}
          items={[
            { label: t("detail.encrypted"), value: <SnapshotEncryption snapshot={snapshot} /> },
            ...(snapshot.encrypted && snapshot.kmsKeyId
              ? [
                  {
                    label: t("detail.keyId"),
                    value: (
                      <Link
                        href={`/${regionId}/kms/keys/${snapshot.kmsKeyId}`}
                        className="font-mono text-[13px] text-blue-700 hover:underline"
                      >
                        {snapshot.kmsKeyId}
                      </Link>
                    ),
                  },
                  { label: t("detail.alias"), value: key?.aliasName ?? "—", mono: true },
                  {
                    label: t("detail.keyState"),
                    value: key ? <KeyStateBadge state={key.keyState} /> : "—",
                  },
                ]
              : []),
          ]}
        />
        <p className="mt-3 text-xs text-slate-500">
          {snapshot.encrypted ? t("detail.encryptedNote") : t("detail.plainNote")}
        </p>
      </Card>
      <Card id="snapshot-tags" title={t("detail.tags")}>
        {snapshot.tags.length === 0 ? (
          <p className="text-sm text-slate-500">{t("detail.noTags")}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {snapshot.tags.map((tag) => (
              <li
                key={tag.key}
                className="rounded border border-slate-200 bg-slate-50 px-2 py-0.5 font-mono text-xs"
              >
                {tag.key}
                {tag.value ? `: ${tag.value}` : ""}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
