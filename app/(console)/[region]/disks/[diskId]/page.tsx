import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { getDiskSizeLimit, type PerformanceLevel } from "@/lib/ecs/catalog/disk-categories";
import { findZone } from "@/lib/ecs/catalog/zones";
import {
  findFirstWrittenOffset,
  isDataKeyInMemory,
  MEDIA_VIEW_BYTES,
  readGuestView,
  readRawView,
} from "@/lib/ecs/disks/console-media";
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import {
  getConsoleDisk,
  listAttachableInstances,
  type AttachableInstance,
} from "@/lib/ecs/disks/console-queries";
import { diskSizeBytes } from "@/lib/ecs/disks/data-key";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { Card } from "@/components/ui/card";
import { RefusalNotice } from "@/components/shared/refusal-notice";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { DiskActions } from "@/components/disks/disk-actions";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { diskArn } from "@/lib/ecs/disks/describe-disks";
import { DiskAttributesCard } from "@/components/disks/disk-attributes-card";
import { DiskDetailTabs } from "@/components/disks/disk-detail-tabs";
import { DiskEncryptionCard } from "@/components/disks/disk-encryption-card";
import { DiskMediaPanel } from "@/components/disks/disk-media-panel";
import { DiskStatusPoller } from "@/components/disks/disk-status-poller";
import { parseMediaOffset } from "@/components/disks/hex-dump";
import { getInstanceDetail } from "@/lib/ecs/instances/console-queries";
import { listSnapshotRows } from "@/lib/ecs/snapshots/console-snapshots";
import { DiskSnapshotsCard } from "@/components/snapshots/disk-snapshots-card";
import { resolveRegion } from "../../region";
import { pollSnapshots } from "../../snapshots/actions";
import { SnapshotStatusPoller } from "@/components/snapshots/snapshot-status-poller";
import { pollDiskStatuses } from "../actions";
import * as diskActions from "./actions";

type DiskParams = Promise<{ region: string; diskId: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: DiskParams }): Promise<Metadata> {
  const t = await getTranslations("Nav");
  return { title: `${(await params).diskId} · ${t("disks")}` };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Disks › one disk: attributes, encryption and tags, its actions, and the Media tab. */
export default async function DiskDetailPage({
  params,
  searchParams,
}: {
  params: DiskParams;
  searchParams: SearchParams;
}) {
  const regionId = await resolveRegion(params);
  const { diskId } = await params;
  const query = await searchParams;
  const tab = first(query.tab) === "media" ? "media" : "details";
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const ctx = await consoleContext(regionId);
  const basePath = `/${regionId}/disks/${diskId}`;
  const breadcrumb = [
    { label: t("Nav.sections.ecs") },
    { label: t("Disks.list.title"), href: `/${regionId}/disks` },
    { label: diskId },
  ];
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const { data: disk, refusal } = await readOrRefusal(getConsoleDisk(ctx, diskId, keys));
  if (refusal) {
    return (
      <>
        <PageHeader title={diskId} breadcrumb={breadcrumb} />
        <RefusalNotice refusal={refusal} />
      </>
    );
  }
  if (!disk) notFound();

  const usage = disk.type === "system" ? "system" : "data";
  const limit = getDiskSizeLimit(
    usage,
    disk.category,
    (disk.performanceLevel ?? undefined) as PerformanceLevel | undefined,
  );
  let instances: AttachableInstance[] = [];
  if (disk.status === "Available" && disk.type === "data")
    instances = (await readOrRefusal(listAttachableInstances(ctx, disk.zoneId))).data ?? [];
  const resourceArn = diskArn(regionId, disk.diskId);
  const denied = await deniedReasons(ctx, {
    attach: { action: "ecs:AttachDisk", resourceArn },
    detach: { action: "ecs:DetachDisk", resourceArn },
    resize: { action: "ecs:ResizeDisk", resourceArn },
    modify: { action: "ecs:ModifyDiskAttribute", resourceArn },
    release: { action: "ecs:DeleteDisk", resourceArn },
    snapshot: { action: "ecs:CreateSnapshot", resourceArn },
    reset: { action: "ecs:ResetDisk", resourceArn },
  });
  const zoneName = findZone(regionId, disk.zoneId)?.name[language] ?? disk.zoneId;
  const snapshots =
    (
      await readOrRefusal(
        listSnapshotRows(ctx, { filter: { diskId }, pageNumber: 1, pageSize: 100, keys }),
      )
    ).data?.snapshots ?? [];
  const instanceStatus = disk.instanceId
    ? (await readOrRefusal(getInstanceDetail(ctx, { instanceId: disk.instanceId }))).data?.instance
        .status
    : undefined;

  return (
    <>
      <PageHeader
        title={disk.diskId}
        description={disk.name || undefined}
        breadcrumb={breadcrumb}
        actions={
          <DiskActions
            denied={denied}
            regionId={regionId}
            disk={disk}
            maxSizeGiB={limit?.max ?? disk.sizeGiB}
            instances={instances}
            snapshots={snapshots
              .filter((snapshot) => snapshot.status === "accomplished")
              .map((snapshot) => ({ snapshotId: snapshot.snapshotId, name: snapshot.name }))}
            instanceStatus={instanceStatus}
            actions={{
              attachDisk: diskActions.attachDisk,
              detachDisk: diskActions.detachDisk,
              deleteDisk: diskActions.deleteDisk,
              resizeDisk: diskActions.resizeDisk,
              modifyDiskAttribute: diskActions.modifyDiskAttribute,
              createSnapshot: diskActions.createSnapshot,
              resetDisk: diskActions.resetDisk,
            }}
          />
        }
      />
      <DiskStatusPoller
        regionId={regionId}
        disks={[{ diskId: disk.diskId, status: disk.status }]}
        pollDiskStatuses={pollDiskStatuses}
      />
      <SnapshotStatusPoller
        regionId={regionId}
        snapshots={snapshots}
        pollSnapshots={pollSnapshots}
      />
      <DiskDetailTabs basePath={basePath} tab={tab}>
        {tab === "media" ? (
          await mediaTab()
        ) : (
          <>
            <DiskAttributesCard disk={disk} zoneName={zoneName} />
            <DiskEncryptionCard
              regionId={regionId}
              disk={disk}
              isKeyInMemory={isDataKeyInMemory(disk)}
            />
            <DiskSnapshotsCard regionId={regionId} snapshots={snapshots} />
            <Card id="disk-tags" title={t("Disks.detail.tags")}>
              {disk.tags.length === 0 ? (
                <p className="text-sm text-slate-500">{t("Disks.detail.noTags")}</p>
              ) : (
                <ul className="flex flex-wrap gap-2">
                  {disk.tags.map((tag) => (
                    <li
                      key={tag.key}
                      className="rounded border border-slate-200 bg-slate-50 px-2 py-0.5 font-mono text-xs"
                    >
                      {tag.key}
                      {tag.value ? `: ${tag.value}` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </>
        )}
      </DiskDetailTabs>
    </>
  );

  async function mediaTab() {
    const sizeBytes = diskSizeBytes(disk!.sizeGiB);
    const written = await readOrRefusal(findFirstWrittenOffset(ctx, diskId));
    const firstWritten = written.data;
    const offset =
      parseMediaOffset(first(query.offset), sizeBytes, MEDIA_VIEW_BYTES) ??
      parseMediaOffset(String(firstWritten ?? 0), sizeBytes, MEDIA_VIEW_BYTES) ??
      0;
    const range = { diskId, offset, length: Math.min(MEDIA_VIEW_BYTES, sizeBytes - offset) };
    const [raw, guest] = [
      await readOrRefusal(readRawView(ctx, range)),
      await readOrRefusal(readGuestView(ctx, range)),
    ];
    return (
      <DiskMediaPanel
        basePath={basePath}
        encrypted={disk!.encrypted}
        sizeBytes={sizeBytes}
        offset={offset}
        viewBytes={MEDIA_VIEW_BYTES}
        firstWritten={firstWritten}
        raw={raw}
        guest={guest}
      />
    );
  }
}
