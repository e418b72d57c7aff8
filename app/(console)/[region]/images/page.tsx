import type { Metadata } from "next";
import { rowDeniedReasons } from "@/components/shared/denied-reasons";
import { imageArn } from "@/lib/ecs/images/image-lookup";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { REGIONS, regionName } from "@/lib/ecs/catalog/regions";
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import { listImageRows } from "@/lib/ecs/images/console-images";
import { listAttachableInstances } from "@/lib/ecs/disks/console-queries";
import { listSnapshotRows } from "@/lib/ecs/snapshots/console-snapshots";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { Notice } from "@/components/ui/notice";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import { CreateImageButton } from "@/components/images/create-image-dialog";
import { ImageTable } from "@/components/images/image-table";
import { ImageTabs } from "@/components/images/image-tabs";
import { ImageStatusPoller } from "@/components/images/image-status-poller";
import { authorizeDiskEncryption } from "../disks/actions";
import { loadEncryptionOptions } from "../snapshots/actions";
import { resolveRegion, type RegionParams } from "../region";
import { copyImage, createImage, deleteImage, pollImages } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("Images.list.title") };
}

const PAGE_SIZE = 20;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Images: the region's custom images (create, copy with encryption, delete) and the public ones. */
export default async function ImagesPage({
  params,
  searchParams,
}: {
  params: RegionParams;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const regionId = await resolveRegion(params);
  const query = await searchParams;
  const tab = first(query.tab) === "public" ? "public" : "custom";
  const pageText = first(query.page) ?? "";
  const pageNumber = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1;
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const name = regionName(regionId, language);
  const ctx = await consoleContext(regionId);
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const { data: page, refusal } = await readOrRefusal(
    listImageRows(ctx, {
      owner: tab === "custom" ? "self" : "system",
      pageNumber,
      pageSize: PAGE_SIZE,
      keys,
      language,
    }),
  );
  const options = (await loadCreateEncryptionOptions(ctx)).data;
  const denied = await rowDeniedReasons(
    ctx,
    tab === "custom" ? (page?.images.map((image) => image.imageId) ?? []) : [],
    (imageId) => imageArn(regionId, imageId),
    { copy: "ecs:CopyImage", delete: "ecs:DeleteImage" },
  );
  const instances = (await readOrRefusal(listAttachableInstances(ctx, ""))).data ?? [];
  const systemSnapshots =
    (
      await readOrRefusal(
        listSnapshotRows(ctx, {
          filter: { status: "accomplished", sourceDiskType: "system" },
          pageNumber: 1,
          pageSize: 100,
          keys,
        }),
      )
    ).data?.snapshots ?? [];
  const hrefOf = (target: number) =>
    `/${regionId}/images?${tab === "public" ? "tab=public&" : ""}page=${target}`;

  return (
    <>
      <PageHeader
        title={t("Images.list.title")}
        description={t("Images.list.subtitle", { region: name })}
        breadcrumb={[{ label: t("Nav.sections.ecs") }, { label: t("Images.list.title") }]}
        actions={
          <CreateImageButton
            regionId={regionId}
            instances={instances.map((instance) => ({
              instanceId: instance.instanceId,
              name: instance.name,
              status: instance.status,
            }))}
            snapshots={systemSnapshots.map((snapshot) => ({
              snapshotId: snapshot.snapshotId,
              name: snapshot.name,
              encrypted: snapshot.encrypted,
            }))}
            createImage={createImage}
          />
        }
      />
      <ImageTabs regionId={regionId} tab={tab}>
        {tab === "public" ? <Notice tone="info">{t("Images.list.publicNote")}</Notice> : null}
        {page ? (
          <>
            <ImageTable
              regionId={regionId}
              regionName={name}
              images={page.images}
              denied={denied}
              isCustom={tab === "custom"}
              regions={REGIONS.map((region) => ({
                regionId: region.regionId,
                name: region.name[language],
              }))}
              options={options}
              actions={{
                createImage,
                copyImage,
                deleteImage,
                loadEncryptionOptions,
                authorize: authorizeDiskEncryption,
              }}
            />
            {page.totalCount === 0 ? null : (
              <Pagination
                page={pageNumber}
                totalCount={page.totalCount}
                pageSize={PAGE_SIZE}
                hrefOf={hrefOf}
                labels={{
                  label: t("Images.paging.label"),
                  previous: t("Images.paging.previous"),
                  next: t("Images.paging.next"),
                  summary: (position) =>
                    t("Images.paging.summary", { count: page.totalCount, ...position }),
                }}
              />
            )}
            <ImageStatusPoller regionId={regionId} images={page.images} pollImages={pollImages} />
          </>
        ) : (
          <RefusalNotice refusal={refusal} />
        )}
      </ImageTabs>
    </>
  );
}
