import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { isCmkSupportedRegion, isEncryptionSupportedRegion } from "@/lib/ecs/catalog/restrictions";
import { regionName } from "@/lib/ecs/catalog/regions";
import {
  diskEncryptRoleFacts,
  diskEncryptionKeys,
  encryptionByDefaultByRegion,
  listRegionKeys,
  type ConsoleKey,
} from "@/lib/ecs/disks/console-keys";
import {
  describeDiskDefaultKMSKeyId,
  describeDiskEncryptionByDefaultStatus,
} from "@/lib/ecs/encryption/default-encryption";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { canEcsUseDiskEncryptRole } from "@/lib/ram/roles";
import { Card } from "@/components/ui/card";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { EncryptionByDefaultPanel } from "@/components/settings/encryption-by-default-panel";
import { EncryptionByDefaultRegions } from "@/components/settings/encryption-by-default-regions";
import { resolveRegion, type RegionParams } from "../../region";
import { authorizeDiskEncryption } from "../../disks/actions";
import {
  disableEncryptionByDefault,
  enableEncryptionByDefault,
  modifyDefaultKey,
  resetDefaultKey,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("EncryptionSettings.title")} · ${t("Settings.title")}` };
}

const keyOption = (key: ConsoleKey) => ({
  keyId: key.keyId,
  label: key.aliasName ? `${key.aliasName} (${key.keyId})` : key.keyId,
});

/** Settings › Encryption by default: the account-level setting of this region, and of all. */
export default async function EncryptionSettingsPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const name = regionName(regionId, language);
  const ctx = await consoleContext(regionId);
  const header = (
    <PageHeader
      title={t("EncryptionSettings.title")}
      description={t("EncryptionSettings.subtitle")}
      breadcrumb={[
        { label: t("Settings.title"), href: `/${regionId}/settings/emulator` },
        { label: t("EncryptionSettings.title") },
      ]}
    />
  );
  const status = await readOrRefusal(
    Promise.all([describeDiskEncryptionByDefaultStatus(ctx), describeDiskDefaultKMSKeyId(ctx)]),
  );
  if (!status.data) {
    return (
      <>
        {header}
        <ErrorNotice
          message={status.refusal.message}
          codeLabel={t("Common.errorCode", { code: status.refusal.code })}
        />
      </>
    );
  }
  const [{ encrypted: isEnabled }, { kmsKeyId: defaultKeyId }] = status.data;
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const defaultKey = keys.find((key) => key.keyId === defaultKeyId);
  const regions = await encryptionByDefaultByRegion();

  return (
    <>
      {header}
      <div className="space-y-5">
        <Card
          id="encryption-by-default"
          title={t("EncryptionSettings.regionTitle", { region: name })}
          description={t("EncryptionSettings.regionDescription")}
        >
          <EncryptionByDefaultPanel
            regionId={regionId}
            regionName={name}
            isSupported={isEncryptionSupportedRegion(regionId)}
            isCmkSupported={isCmkSupportedRegion(regionId)}
            isEnabled={isEnabled}
            defaultKey={defaultKey && !defaultKey.isServiceKey ? keyOption(defaultKey) : undefined}
            cmks={isCmkSupportedRegion(regionId) ? diskEncryptionKeys(keys).map(keyOption) : []}
            isRoleGranted={await canEcsUseDiskEncryptRole()}
            role={diskEncryptRoleFacts()}
            actions={{
              enable: enableEncryptionByDefault,
              disable: disableEncryptionByDefault,
              modifyDefaultKey,
              resetDefaultKey,
              authorize: authorizeDiskEncryption,
            }}
          />
        </Card>
        <Card
          id="encryption-by-default-regions"
          title={t("EncryptionSettings.regions.title")}
          description={t("EncryptionSettings.regions.description")}
        >
          <EncryptionByDefaultRegions
            currentRegionId={regionId}
            rows={regions.map((row) => ({ ...row, name: regionName(row.regionId, language) }))}
          />
        </Card>
      </div>
    </>
  );
}
