import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { REGIONS } from "@/lib/ecs/catalog/regions";
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import { getSnapshotRow } from "@/lib/ecs/snapshots/console-snapshots";
import { snapshotArn } from "@/lib/ecs/snapshots/snapshot-lookup";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import { SnapshotDetailCards } from "@/components/snapshots/snapshot-detail-cards";
import { SnapshotActions } from "@/components/snapshots/snapshot-row-actions";
import { SnapshotStatusPoller } from "@/components/snapshots/snapshot-status-poller";
import { authorizeDiskEncryption } from "../../disks/actions";
import { resolveRegion } from "../../region";
import { copySnapshot, deleteSnapshot, loadEncryptionOptions, pollSnapshots } from "../actions";

type SnapshotParams = Promise<{ region: string; snapshotId: string }>;

export async function generateMetadata({ params }: { params: SnapshotParams }): Promise<Metadata> {
  const t = await getTranslations("Nav");
  return { title: `${(await params).snapshotId} · ${t("snapshots")}` };
}

/** Snapshots › one snapshot: progress, source disk, encryption and key, tags, its actions. */
export default async function SnapshotDetailPage({ params }: { params: SnapshotParams }) {
  const regionId = await resolveRegion(params);
  const { snapshotId } = await params;
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const ctx = await consoleContext(regionId);
  const breadcrumb = [
    { label: t("Nav.sections.ecs") },
    { label: t("Snapshots.list.title"), href: `/${regionId}/snapshots` },
    { label: snapshotId },
  ];
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const { data: snapshot, refusal } = await readOrRefusal(getSnapshotRow(ctx, snapshotId, keys));
  if (refusal) {
    return (
      <>
        <PageHeader title={snapshotId} breadcrumb={breadcrumb} />
        <RefusalNotice refusal={refusal} />
      </>
    );
  }
  if (!snapshot) notFound();
  const options = (await loadCreateEncryptionOptions(ctx)).data;
  const resourceArn = snapshotArn(regionId, snapshotId);
  const denied = await deniedReasons(ctx, {
    copy: { action: "ecs:CopySnapshot", resourceArn },
    delete: { action: "ecs:DeleteSnapshot", resourceArn },
  });

  return (
    <>
      <PageHeader
        title={snapshot.snapshotId}
        description={snapshot.name || undefined}
        breadcrumb={breadcrumb}
        actions={
          <SnapshotActions
            regionId={regionId}
            snapshot={snapshot}
            regions={REGIONS.map((region) => ({
              regionId: region.regionId,
              name: region.name[language],
            }))}
            options={options}
            actions={{
              copySnapshot,
              deleteSnapshot,
              loadEncryptionOptions,
              authorize: authorizeDiskEncryption,
            }}
            layout="toolbar"
            denied={denied}
          />
        }
      />
      <SnapshotDetailCards regionId={regionId} snapshot={snapshot} />
      <SnapshotStatusPoller
        regionId={regionId}
        snapshots={[snapshot]}
        pollSnapshots={pollSnapshots}
      />
    </>
  );
}
