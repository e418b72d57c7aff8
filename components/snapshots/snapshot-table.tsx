import Link from "next/link";
import { getTranslations } from "next-intl/server";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { Timestamp } from "@/components/kms/timestamp";
import type { EncryptionOptions } from "@/components/shared/encryption-choice";
import type { SnapshotPageActions } from "@/components/snapshots/snapshot-actions-types";
import { SnapshotEncryption } from "@/components/snapshots/snapshot-encryption";
import { SnapshotActions } from "@/components/snapshots/snapshot-row-actions";
import { SnapshotStatus } from "@/components/snapshots/snapshot-status";
import type { SnapshotView } from "@/components/snapshots/snapshot-view";

/**
 * The region's snapshots: ID and name, status with its progress bar while progressing, source
 * disk, its size, encryption (badge and key), created, and the row's actions. Each row is named
 * by its snapshot id (`getByRole("row", { name: /s-…/ })`).
 */
export async function SnapshotTable({
  regionId,
  regionName,
  snapshots,
  isFiltered,
  regions,
  options,
  actions,
  denied = {},
}: {
  regionId: string;
  regionName: string;
  snapshots: SnapshotView[];
  isFiltered: boolean;
  regions: { regionId: string; name: string }[];
  options?: EncryptionOptions;
  actions: SnapshotPageActions;
  /** Per row (resource id): controls the signed-in identity may not use, with the reason. */
  denied?: Record<string, Partial<Record<"copy" | "delete", string>>>;
}) {
  const t = await getTranslations("Snapshots");
  const tDisks = await getTranslations("Disks");
  return (
    <Table caption={t("list.caption", { region: regionName })} className="[&_td]:px-3 [&_th]:px-3">
      <TableHead>
        <tr>
          <TableHeaderCell>{t("columns.snapshot")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.sourceDisk")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.size")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.encryption")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.created")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.actions")}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {snapshots.length === 0 ? (
          <TableEmpty colSpan={7}>
            {isFiltered ? (
              t("list.emptyFiltered")
            ) : (
              <>
                <span className="block font-medium text-slate-700">{t("list.empty")}</span>
                <span className="mt-1 block">{t("list.emptyHint")}</span>
                <Link
                  href={`/${regionId}/disks`}
                  className="mt-1 inline-block text-blue-700 hover:underline"
                >
                  {t("list.toDisks")}
                </Link>
              </>
            )}
          </TableEmpty>
        ) : (
          snapshots.map((snapshot) => (
            <TableRow key={snapshot.snapshotId}>
              <TableCell>
                <Link
                  href={`/${regionId}/snapshots/${snapshot.snapshotId}`}
                  className="font-mono text-xs whitespace-nowrap text-blue-700 hover:underline"
                >
                  {snapshot.snapshotId}
                </Link>
                <span
                  className="mt-0.5 block max-w-44 truncate text-xs text-slate-500"
                  title={snapshot.name}
                >
                  {snapshot.name || "—"}
                </span>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <SnapshotStatus status={snapshot.status} progress={snapshot.progress} />
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                {snapshot.isSourceDiskPresent ? (
                  <Link
                    href={`/${regionId}/disks/${snapshot.sourceDiskId}`}
                    className="text-blue-700 hover:underline"
                  >
                    {snapshot.sourceDiskId}
                  </Link>
                ) : (
                  <span className="text-slate-500">{snapshot.sourceDiskId}</span>
                )}
                <span className="block font-sans text-[11px] text-slate-500">
                  {snapshot.sourceDiskType === "system"
                    ? tDisks("types.system")
                    : tDisks("types.data")}
                </span>
              </TableCell>
              <TableCell className="text-xs whitespace-nowrap tabular-nums">
                {tDisks("sizeGiB", { size: snapshot.sourceDiskSize })}
              </TableCell>
              <TableCell>
                <SnapshotEncryption snapshot={snapshot} />
              </TableCell>
              <TableCell className="text-xs text-slate-600">
                <Timestamp date={snapshot.createdAt} compact />
              </TableCell>
              <TableCell>
                <SnapshotActions
                  regionId={regionId}
                  snapshot={snapshot}
                  regions={regions}
                  options={options}
                  actions={actions}
                  layout="row"
                  denied={denied[snapshot.snapshotId]}
                />
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
