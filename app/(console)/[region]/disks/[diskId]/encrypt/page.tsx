import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { regionName } from "@/lib/ecs/catalog/regions";
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import { getConsoleDisk } from "@/lib/ecs/disks/console-queries";
import { getInstanceDetail } from "@/lib/ecs/instances/console-queries";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import { EncryptWizard } from "@/components/encrypt-wizard/encrypt-wizard";
import type { WizardIds } from "@/components/encrypt-wizard/wizard-types";
import { resolveRegion } from "../../../region";
import { authorizeDiskEncryption, createDisk } from "../../actions";
import { copyImage, createImage } from "../../../images/actions";
import {
  replaceSystemDiskAction,
  startInstanceAction,
  stopInstanceAction,
} from "../../../instances/[instanceId]/actions";
import { attachDisk, createSnapshot, detachDisk } from "../actions";
import { observeWizard } from "./actions";

type Params = Promise<{ region: string; diskId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("EncryptWizard");
  return { title: t("pageTitle", { diskId: (await params).diskId }) };
}

const ID = /^[A-Za-z0-9-]{1,64}$/;
const idOf = (value: string | string[] | undefined) => {
  const text = Array.isArray(value) ? value[0] : value;
  return text && ID.test(text) ? text : undefined;
};

/**
 * Disks › a disk › Encrypt this disk: the wizard's page. The ids of what it made so far are in
 * the URL, so it resumes from them after a reload.
 */
export default async function EncryptDiskPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const regionId = await resolveRegion(params);
  const { diskId } = await params;
  const query = await searchParams;
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const ctx = await consoleContext(regionId);
  const breadcrumb = [
    { label: t("Nav.sections.ecs") },
    { label: t("Disks.list.title"), href: `/${regionId}/disks` },
    { label: diskId, href: `/${regionId}/disks/${diskId}` },
    { label: t("EncryptWizard.title") },
  ];
  const header = (
    <PageHeader title={t("EncryptWizard.pageTitle", { diskId })} breadcrumb={breadcrumb} />
  );
  const ids: WizardIds = {
    snapshotId: idOf(query.snapshotId),
    newDiskId: idOf(query.newDiskId),
    imageId: idOf(query.imageId),
    copyId: idOf(query.copyId),
    replacedDiskId: idOf(query.replacedDiskId),
  };
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const { data: disk, refusal } = await readOrRefusal(getConsoleDisk(ctx, diskId, keys));
  const options = await loadCreateEncryptionOptions(ctx);
  const failure = refusal ?? options.refusal;
  if (failure)
    return (
      <>
        {header}
        <ErrorNotice
          message={failure.message}
          codeLabel={t("Common.errorCode", { code: failure.code })}
        />
      </>
    );
  // A system disk the wizard replaced is gone: its page resumes from the ids it made.
  if (!disk && !ids.replacedDiskId) notFound();
  const instanceId = disk?.instanceId ?? idOf(query.instanceId);
  const instance = instanceId
    ? (await readOrRefusal(getInstanceDetail(ctx, { instanceId }))).data?.instance
    : undefined;

  return (
    <>
      {header}
      <EncryptWizard
        regionId={regionId}
        regionName={regionName(regionId, language)}
        subject={{
          kind: (disk?.type ?? "system") === "system" ? "system" : "data",
          diskId,
          name: disk?.name ?? "",
          category: disk?.category ?? "cloud_essd",
          performanceLevel: disk?.performanceLevel ?? null,
          sizeGiB: disk?.sizeGiB ?? 0,
          zoneId: disk?.zoneId ?? instance?.zoneId ?? "",
          status: disk?.status ?? "In_use",
          deleteWithInstance: disk?.deleteWithInstance ?? false,
          instance: instance
            ? {
                instanceId: instance.id,
                instanceType: instance.instanceType,
                status: instance.status,
              }
            : undefined,
        }}
        initialIds={ids}
        options={options.data!}
        actions={{
          observe: observeWizard,
          createSnapshot,
          createDisk,
          detachDisk,
          attachDisk,
          createImage,
          copyImage,
          stopInstance: stopInstanceAction,
          startInstance: startInstanceAction,
          replaceSystemDisk: replaceSystemDiskAction,
          authorize: authorizeDiskEncryption,
        }}
      />
    </>
  );
}
