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
import type { ImageRow } from "@/lib/ecs/images/console-images";
import { Timestamp } from "@/components/kms/timestamp";
import { DiskEncryptionLabel } from "@/components/disks/disk-encryption-label";
import type { EncryptionOptions } from "@/components/shared/encryption-choice";
import type { ImagePageActions } from "@/components/images/image-actions-types";
import { ImageRowActions } from "@/components/images/image-row-actions";
import { ImageStatus } from "@/components/images/image-status";

/**
 * Images: ID and name, status (with progress while Creating), OS, size, encryption (through its
 * system disk's snapshot), source, created and — for custom images — Copy and Delete.
 */
export async function ImageTable({
  regionId,
  regionName,
  images,
  isCustom,
  regions,
  options,
  actions,
  denied = {},
}: {
  regionId: string;
  regionName: string;
  images: ImageRow[];
  isCustom: boolean;
  regions: { regionId: string; name: string }[];
  options?: EncryptionOptions;
  actions: ImagePageActions;
  /** Per row (resource id): controls the signed-in identity may not use, with the reason. */
  denied?: Record<string, Partial<Record<"copy" | "delete", string>>>;
}) {
  const t = await getTranslations("Images");
  const columns = isCustom ? 8 : 6;
  return (
    <Table caption={t("list.caption", { region: regionName })} className="[&_td]:px-3 [&_th]:px-3">
      <TableHead>
        <tr>
          <TableHeaderCell>{t("columns.image")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.os")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.size")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.encryption")}</TableHeaderCell>
          {isCustom ? <TableHeaderCell>{t("columns.source")}</TableHeaderCell> : null}
          <TableHeaderCell>{t("columns.created")}</TableHeaderCell>
          {isCustom ? <TableHeaderCell>{t("columns.actions")}</TableHeaderCell> : null}
        </tr>
      </TableHead>
      <TableBody>
        {images.length === 0 ? (
          <TableEmpty colSpan={columns}>
            <span className="block font-medium text-slate-700">{t("list.empty")}</span>
            <span className="mt-1 block">{t("list.emptyHint")}</span>
          </TableEmpty>
        ) : (
          images.map((image) => (
            <TableRow key={image.imageId}>
              <TableCell>
                <span className="font-mono text-xs whitespace-nowrap">{image.imageId}</span>
                <span
                  className="mt-0.5 block max-w-56 truncate text-xs text-slate-500"
                  title={image.name}
                >
                  {image.name || "—"}
                </span>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <ImageStatus status={image.status} progress={image.progress} />
              </TableCell>
              <TableCell className="text-xs">{image.osName}</TableCell>
              <TableCell className="text-xs whitespace-nowrap tabular-nums">
                {t("sizeGiB", { size: image.sizeGiB })}
              </TableCell>
              <TableCell>
                <DiskEncryptionLabel
                  encrypted={image.encrypted}
                  kmsKeyId={image.kmsKeyId}
                  keyInfo={image.key}
                />
              </TableCell>
              {isCustom ? (
                <TableCell className="text-xs">
                  {image.snapshotId ? (
                    <Link
                      href={`/${regionId}/snapshots/${image.snapshotId}`}
                      className="font-mono whitespace-nowrap text-blue-700 hover:underline"
                    >
                      {t("sourceSnapshot", { id: image.snapshotId })}
                    </Link>
                  ) : (
                    "—"
                  )}
                </TableCell>
              ) : null}
              <TableCell className="text-xs text-slate-600">
                <Timestamp date={image.createdAt} compact />
              </TableCell>
              {isCustom ? (
                <TableCell>
                  <ImageRowActions
                    regionId={regionId}
                    image={image}
                    regions={regions}
                    options={options}
                    actions={actions}
                    denied={denied[image.imageId]}
                  />
                </TableCell>
              ) : null}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
