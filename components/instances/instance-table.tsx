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
import { findPublicImage } from "@/lib/ecs/catalog/images";
import type { ConsoleKey } from "@/lib/ecs/disks/console-keys";
import type { ConsoleInstance } from "@/lib/ecs/instances/console-list";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { Timestamp } from "@/components/kms/timestamp";
import { DiskEncryptionLabel } from "@/components/disks/disk-encryption-label";
import { InstanceStatusBadge } from "@/components/instances/instance-status-badge";

/**
 * The region's instances: ID and name, status, type, image, zone, system disk encryption,
 * created. Each row is named by its instance id (`getByRole("row", { name: /i-…/ })`).
 */
export async function InstanceTable({
  regionId,
  regionName,
  instances,
  keys,
}: {
  regionId: string;
  regionName: string;
  instances: ConsoleInstance[];
  keys: ConsoleKey[];
}) {
  const t = await getTranslations("Instances");
  const language = catalogLanguageOf(await getLocale());
  const keyById = new Map(keys.map((key) => [key.keyId, key]));
  return (
    <Table caption={t("list.caption", { region: regionName })} className="[&_td]:px-3 [&_th]:px-3">
      <TableHead>
        <tr>
          <TableHeaderCell>{t("columns.instance")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.type")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.image")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.zone")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.systemDiskEncryption")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.created")}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {instances.length === 0 ? (
          <TableEmpty colSpan={7}>{t("list.empty", { region: regionName })}</TableEmpty>
        ) : (
          instances.map((instance) => (
            <TableRow key={instance.id}>
              <TableCell>
                <Link
                  href={`/${regionId}/instances/${instance.id}`}
                  className="font-mono text-[13px] text-blue-700 hover:underline"
                >
                  {instance.id}
                </Link>
                {instance.name && instance.name !== instance.id ? (
                  <span className="block text-xs text-slate-500">{instance.name}</span>
                ) : null}
              </TableCell>
              <TableCell>
                <InstanceStatusBadge status={instance.status} />
              </TableCell>
              <TableCell className="font-mono text-[13px]">{instance.instanceType}</TableCell>
              <TableCell className="max-w-56 text-xs">
                {findPublicImage(instance.imageId)?.osName[language] ?? instance.imageId}
              </TableCell>
              <TableCell className="font-mono text-[13px]">{instance.zoneId}</TableCell>
              <TableCell>
                {instance.systemDisk ? (
                  <DiskEncryptionLabel
                    encrypted={instance.systemDisk.encrypted}
                    kmsKeyId={instance.systemDisk.kmsKeyId}
                    keyInfo={
                      instance.systemDisk.kmsKeyId
                        ? keyById.get(instance.systemDisk.kmsKeyId)
                        : undefined
                    }
                  />
                ) : (
                  "—"
                )}
              </TableCell>
              <TableCell className="text-xs">
                <Timestamp date={instance.createdAt} compact />
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
