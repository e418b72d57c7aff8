import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { ConsoleDisk } from "@/lib/ecs/disks/console-queries";
import { Timestamp } from "@/components/kms/timestamp";
import { categoryWithLevel } from "@/components/disks/category-name";
import { DiskEncryptionLabel } from "@/components/disks/disk-encryption-label";
import { DiskRowActions } from "@/components/disks/disk-row-actions";
import { DiskStatusBadge } from "@/components/disks/disk-status-badge";
import type { CreateSnapshotAction } from "@/components/snapshots/create-snapshot-dialog";

/**
 * The region's disks: ID and name, status, category (with PL), size, encryption (badge and key
 * alias), instance, zone, created, and the row's actions (Create snapshot, Encrypt this disk). Each row is named by its disk id, so a test finds it with
 * `getByRole("row", { name: /d-…/ })`.
 */
export async function DiskTable({
  regionId,
  regionName,
  disks,
  isFiltered,
  createSnapshot,
}: {
  regionId: string;
  regionName: string;
  disks: ConsoleDisk[];
  isFiltered: boolean;
  createSnapshot: CreateSnapshotAction;
}) {
  const t = await getTranslations("Disks");
  const locale = await getLocale();
  return (
    <Table caption={t("list.caption", { region: regionName })} className="[&_td]:px-3 [&_th]:px-3">
      <TableHead>
        <tr>
          <TableHeaderCell>{t("columns.disk")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.category")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.size")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.encryption")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.instance")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.zone")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.created")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.actions")}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {disks.length === 0 ? (
          <TableEmpty colSpan={9}>
            {isFiltered ? (
              t("list.emptyFiltered")
            ) : (
              <>
                <span className="block font-medium text-slate-700">{t("list.empty")}</span>
                <Link
                  href={`/${regionId}/disks/create`}
                  className="mt-1 inline-block text-blue-700 hover:underline"
                >
                  {t("list.emptyCreate")}
                </Link>
              </>
            )}
          </TableEmpty>
        ) : (
          disks.map((disk) => (
            <TableRow key={disk.diskId}>
              <TableCell>
                <Link
                  href={`/${regionId}/disks/${disk.diskId}`}
                  className="font-mono text-xs whitespace-nowrap text-blue-700 hover:underline"
                >
                  {disk.diskId}
                </Link>
                <span
                  className="mt-0.5 block max-w-44 truncate text-xs text-slate-500"
                  title={disk.name}
                >
                  {disk.name || "—"}
                </span>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <DiskStatusBadge status={disk.status} />
              </TableCell>
              <TableCell className="text-xs">
                {categoryWithLevel(disk.category, disk.performanceLevel, locale)}
                <span className="block text-[11px] text-slate-500">
                  {disk.type === "system" ? t("types.system") : t("types.data")}
                </span>
              </TableCell>
              <TableCell className="text-xs whitespace-nowrap tabular-nums">
                {t("sizeGiB", { size: disk.sizeGiB })}
              </TableCell>
              <TableCell>
                <DiskEncryptionLabel
                  encrypted={disk.encrypted}
                  kmsKeyId={disk.kmsKeyId}
                  keyInfo={disk.key}
                />
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                {disk.instanceId ? (
                  <>
                    {disk.instanceId}
                    <span className="block text-[11px] text-slate-500">{disk.device}</span>
                  </>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">{disk.zoneId}</TableCell>
              <TableCell className="text-xs text-slate-600">
                <Timestamp date={disk.createdAt} compact />
              </TableCell>
              <TableCell>
                <DiskRowActions
                  regionId={regionId}
                  disk={{
                    diskId: disk.diskId,
                    encrypted: disk.encrypted,
                    status: disk.status,
                    kmsKeyId: disk.kmsKeyId,
                    keyLabel: disk.key?.aliasName,
                  }}
                  createSnapshot={createSnapshot}
                />
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
