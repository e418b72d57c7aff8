import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import type { ConsoleDisk } from "@/lib/ecs/disks/console-queries";
import { KeyStateBadge } from "@/components/kms/key-state-badge";
import { DiskEncryptionLabel } from "@/components/disks/disk-encryption-label";

/**
 * How a disk is encrypted: its KMS key (id, alias, kind, state, with a link to the key's page),
 * the cipher, where the data key lives — wrapped with the disk, in memory only while attached
 * to a running instance — and that it can never be undone.
 */
export async function DiskEncryptionCard({
  regionId,
  disk,
  isKeyInMemory,
}: {
  regionId: string;
  disk: ConsoleDisk;
  isKeyInMemory: boolean;
}) {
  const t = await getTranslations("Disks.detail.encryption");
  if (!disk.encrypted || !disk.kmsKeyId) {
    return (
      <Card id="disk-encryption" title={t("title")}>
        <DescriptionList
          items={[
            {
              label: t("encrypted"),
              value: <DiskEncryptionLabel encrypted={false} kmsKeyId={null} />,
            },
          ]}
        />
        <p className="mt-3 text-xs text-slate-500">{t("notEncryptedNote")}</p>
      </Card>
    );
  }
  const key = disk.key;
  return (
    <Card id="disk-encryption" title={t("title")} description={t("description")}>
      <DescriptionList
        columns={2}
        items={[
          {
            label: t("encrypted"),
            value: <DiskEncryptionLabel encrypted kmsKeyId={disk.kmsKeyId} keyInfo={key} />,
          },
          {
            label: t("keyId"),
            value: (
              <Link
                href={`/${regionId}/kms/keys/${disk.kmsKeyId}`}
                className="font-mono text-[13px] text-blue-700 hover:underline"
              >
                {disk.kmsKeyId}
              </Link>
            ),
          },
          {
            label: t("alias"),
            value: key?.aliasName ?? <span className="text-slate-400">—</span>,
            mono: key?.aliasName !== undefined,
          },
          { label: t("keyKind"), value: key?.isServiceKey ? t("serviceKey") : t("cmk") },
          {
            label: t("keyState"),
            value: key ? (
              <KeyStateBadge state={key.keyState} />
            ) : (
              <span className="text-slate-400">—</span>
            ),
          },
          { label: t("cipher"), value: t("cipherValue") },
          { label: t("encryptionContext"), value: disk.encryptionContext ?? "", mono: true },
          {
            label: t("dataKey"),
            value: isKeyInMemory
              ? t("inMemory", { instanceId: disk.instanceId ?? "" })
              : t("notInMemory"),
          },
        ]}
      />
      <p className="mt-3 text-xs text-slate-500">{t("irreversible")}</p>
    </Card>
  );
}
