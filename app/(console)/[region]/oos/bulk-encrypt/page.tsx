import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { regionName } from "@/lib/ecs/catalog/regions";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import { BulkEncryptFormView } from "@/components/oos/bulk-encrypt-form";
import { resolveRegion, type RegionParams } from "../../region";
import { authorizeDiskEncryption } from "../../disks/actions";
import { previewBulkEncrypt, startBulkEncrypt } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("Oos.form.title")} · ${t("Oos.list.title")}` };
}

/** OOS › Bulk encrypt system disks › Create execution: targets, key, rate control, preview, run. */
export default async function BulkEncryptPage({ params }: { params: RegionParams }) {
  const regionId = await resolveRegion(params);
  const t = await getTranslations();
  const name = regionName(regionId, catalogLanguageOf(await getLocale()));
  const ctx = await consoleContext(regionId);
  const header = (
    <PageHeader
      title={t("Oos.form.title")}
      description={t("Oos.form.subtitle", { region: name })}
      breadcrumb={[
        { label: t("Nav.sections.operations") },
        { label: t("Oos.list.title"), href: `/${regionId}/oos` },
        { label: t("Oos.form.title") },
      ]}
    />
  );
  const options = await loadCreateEncryptionOptions(ctx);
  if (!options.data) {
    return (
      <>
        {header}
        <ErrorNotice message={options.refusal.message} codeLabel={t("Common.errorCode", { code: options.refusal.code })} />
      </>
    );
  }
  return (
    <>
      {header}
      <BulkEncryptFormView
        regionId={regionId}
        cmks={options.data.region.isCmkSupported ? options.data.cmks : []}
        isRoleGranted={options.data.region.isRoleGranted}
        role={options.data.role}
        preview={previewBulkEncrypt}
        start={startBulkEncrypt}
        authorize={authorizeDiskEncryption}
      />
    </>
  );
}
