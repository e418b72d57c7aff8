import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import type { Disk } from "@/lib/generated/prisma/client";
import type { ConsoleKey } from "@/lib/ecs/disks/console-keys";
import { categoryWithLevel } from "@/components/disks/category-name";
import { DiskEncryptionLabel } from "@/components/disks/disk-encryption-label";
import { DiskStatusBadge } from "@/components/disks/disk-status-badge";

/** An instance's disks: device (/dev/xvdX, as DescribeDisks shows it), encryption and key, each linking to its page. */
export async function InstanceDisksTable({
  regionId,
  instanceId,
  disks,
  keys,
}: {
  regionId: string;
  instanceId: string;
  disks: Disk[];
  keys: ConsoleKey[];
}) {
  const t = await getTranslations("Instances.disks");
  const locale = await getLocale();
  const keyById = new Map(keys.map((key) => [key.keyId, key]));
  return (
    <Table caption={t("caption", { instanceId })}>
      <TableHead>
        <tr>
          <TableHeaderCell>{t("disk")}</TableHeaderCell>
          <TableHeaderCell>{t("device")}</TableHeaderCell>
          <TableHeaderCell>{t("type")}</TableHeaderCell>
          <TableHeaderCell>{t("category")}</TableHeaderCell>
          <TableHeaderCell>{t("size")}</TableHeaderCell>
          <TableHeaderCell>{t("encryption")}</TableHeaderCell>
          <TableHeaderCell>{t("status")}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {disks.map((disk) => (
          <TableRow key={disk.id}>
            <TableCell>
              <Link
                href={`/${regionId}/disks/${disk.id}`}
                className="font-mono text-[13px] text-blue-700 hover:underline"
              >
                {disk.id}
              </Link>
            </TableCell>
            <TableCell className="font-mono text-[13px]">
              {disk.deviceLetter ? `/dev/xvd${disk.deviceLetter}` : "—"}
            </TableCell>
            <TableCell>{disk.type === "system" ? t("system") : t("data")}</TableCell>
            <TableCell>{categoryWithLevel(disk.category, disk.performanceLevel, locale)}</TableCell>
            <TableCell className="tabular-nums">{t("sizeGiB", { size: disk.sizeGiB })}</TableCell>
            <TableCell>
              <DiskEncryptionLabel
                encrypted={disk.encrypted}
                kmsKeyId={disk.kmsKeyId}
                keyInfo={disk.kmsKeyId ? keyById.get(disk.kmsKeyId) : undefined}
              />
            </TableCell>
            <TableCell>
              <DiskStatusBadge status={disk.status} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
