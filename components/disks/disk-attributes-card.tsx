import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import type { ConsoleDisk } from "@/lib/ecs/disks/console-queries";
import { Timestamp } from "@/components/kms/timestamp";
import { categoryName } from "@/components/disks/category-name";
import { DiskStatusBadge } from "@/components/disks/disk-status-badge";

/** A disk's attributes, as DescribeDisks answers them, with the console's labels. */
export async function DiskAttributesCard({
  disk,
  zoneName,
}: {
  disk: ConsoleDisk;
  zoneName: string;
}) {
  const t = await getTranslations("Disks");
  const locale = await getLocale();
  const none = <span className="text-slate-400">—</span>;
  const time = (date: Date | null) => (date ? <Timestamp date={date} /> : none);
  return (
    <Card id="disk-attributes" title={t("detail.attributes")}>
      <DescriptionList
        columns={2}
        items={[
          { label: t("fields.diskId"), value: disk.diskId, mono: true },
          { label: t("fields.name"), value: disk.name || none },
          { label: t("fields.status"), value: <DiskStatusBadge status={disk.status} /> },
          { label: t("fields.description"), value: disk.description || none },
          {
            label: t("fields.type"),
            value: disk.type === "system" ? t("types.system") : t("types.data"),
          },
          {
            label: t("fields.category"),
            value: `${categoryName(disk.category, locale)} (${disk.category})`,
          },
          { label: t("fields.performanceLevel"), value: disk.performanceLevel ?? none },
          { label: t("fields.size"), value: t("sizeGiB", { size: disk.sizeGiB }) },
          { label: t("fields.iops"), value: disk.iops.toLocaleString(locale) },
          { label: t("fields.billing"), value: t("billing") },
          { label: t("fields.zone"), value: `${zoneName} (${disk.zoneId})` },
          { label: t("fields.region"), value: disk.regionId, mono: true },
          {
            label: t("fields.instance"),
            value: disk.instanceId ?? none,
            mono: disk.instanceId !== null,
          },
          { label: t("fields.device"), value: disk.device || none, mono: disk.device !== "" },
          {
            label: t("fields.deleteWithInstance"),
            value: disk.deleteWithInstance ? t("yes") : t("no"),
          },
          { label: t("fields.created"), value: time(disk.createdAt) },
          { label: t("fields.attached"), value: time(disk.attachedAt) },
          { label: t("fields.detached"), value: time(disk.detachedAt) },
        ]}
      />
    </Card>
  );
}
