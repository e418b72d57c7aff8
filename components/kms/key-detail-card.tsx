import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DescriptionList, type DescriptionItem } from "@/components/ui/description-list";
import { formatDuration } from "@/lib/i18n/duration";
import type { KeyView } from "@/lib/kms/key-view";
import { KeyActionButton } from "@/components/kms/key-action-button";
import { KeyStateBadge } from "@/components/kms/key-state-badge";
import type { KeySettingsActions } from "@/components/kms/kms-actions";
import { Timestamp } from "@/components/kms/timestamp";

/** Key details: DescribeKey's KeyMetadata, with the deletion-protection switch. */
export async function KeyDetailCard({
  keyView,
  setDeletionProtection,
}: {
  keyView: KeyView;
  setDeletionProtection: KeySettingsActions["setDeletionProtection"];
}) {
  const t = await getTranslations("Kms");
  const tDuration = await getTranslations("Common.duration");
  const none = <span className="text-slate-400">{t("detail.none")}</span>;
  const time = (date: Date | null) => (date ? <Timestamp date={date} /> : none);
  const interval = keyView.rotationIntervalSeconds
    ? formatDuration(keyView.rotationIntervalSeconds, (unit, count) => tDuration(unit, { count }))
    : undefined;
  const isUserKey = keyView.creatorType === "User";

  const items: DescriptionItem[] = [
    { label: t("detail.fields.keyId"), value: keyView.keyId, mono: true },
    { label: t("detail.fields.arn"), value: keyView.arn, mono: true },
    { label: t("detail.fields.state"), value: <KeyStateBadge state={keyView.keyState} /> },
    { label: t("detail.fields.keySpec"), value: keyView.keySpec, mono: true },
    { label: t("detail.fields.keyUsage"), value: keyView.keyUsage, mono: true },
    {
      label: t("detail.fields.origin"),
      value:
        keyView.origin === "Aliyun_KMS" || keyView.origin === "EXTERNAL"
          ? t(`create.origins.${keyView.origin}`)
          : keyView.origin,
    },
    {
      label: t("detail.fields.protectionLevel"),
      value:
        keyView.protectionLevel === "SOFTWARE" || keyView.protectionLevel === "HSM"
          ? t(`protectionLevels.${keyView.protectionLevel}`)
          : keyView.protectionLevel,
    },
    { label: t("detail.fields.description"), value: keyView.description || none },
    { label: t("detail.fields.creator"), value: keyView.creator, mono: true },
    {
      label: t("detail.fields.creatorType"),
      value: t(`detail.creatorTypes.${keyView.creatorType}`),
    },
    { label: t("detail.fields.created"), value: time(keyView.createdAt) },
    ...(keyView.deleteDate
      ? [{ label: t("detail.fields.deleteDate"), value: time(keyView.deleteDate) }]
      : []),
    {
      label: t("detail.fields.deletionProtection"),
      value: (
        <span className="flex flex-wrap items-start gap-3">
          <span className="leading-7">
            {keyView.deletionProtection ? t("detail.protection.on") : t("detail.protection.off")}
          </span>
          {isUserKey && keyView.keyState !== "PendingDeletion" ? (
            <KeyActionButton
              size="sm"
              action={setDeletionProtection}
              input={{
                regionId: keyView.regionId,
                keyId: keyView.keyId,
                enableDeletionProtection: !keyView.deletionProtection,
              }}
            >
              {keyView.deletionProtection
                ? t("detail.protection.disable")
                : t("detail.protection.enable")}
            </KeyActionButton>
          ) : null}
        </span>
      ),
    },
    {
      label: t("detail.fields.automaticRotation"),
      value:
        keyView.automaticRotation === "Enabled" && interval
          ? t("rotation.Enabled", { interval })
          : t(`rotation.${keyView.automaticRotation}`),
    },
    { label: t("detail.fields.rotationInterval"), value: interval ?? none },
    { label: t("detail.fields.lastRotation"), value: time(keyView.lastRotationDate) },
    { label: t("detail.fields.nextRotation"), value: time(keyView.nextRotationDate) },
    {
      label: t("detail.fields.primaryVersion"),
      value: keyView.primaryKeyVersionId ?? none,
      mono: true,
    },
    ...(keyView.origin === "EXTERNAL"
      ? [{ label: t("detail.fields.materialExpires"), value: time(keyView.materialExpireTime) }]
      : []),
  ];

  return (
    <Card id="key-details" title={t("detail.sections.details")}>
      <DescriptionList items={items} columns={2} />
    </Card>
  );
}
