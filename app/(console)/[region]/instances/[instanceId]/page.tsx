import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { consoleContext } from "@/lib/console/context";
import { findPublicImage } from "@/lib/ecs/catalog/images";
import { listRegionKeys } from "@/lib/ecs/disks/console-keys";
import { getInstanceDetail } from "@/lib/ecs/instances/console-queries";
import { catalogLanguageOf } from "@/lib/i18n/locales";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { ErrorNotice } from "@/components/ui/notice";
import { PageHeader } from "@/components/shell/page-header";
import { readOrRefusal } from "@/components/kms/read-or-refusal";
import { Timestamp } from "@/components/kms/timestamp";
import { HangPanel } from "@/components/instances/hang-panel";
import { InstanceActions } from "@/components/instances/instance-actions";
import { deniedReasons } from "@/components/shared/denied-reasons";
import { instanceArn } from "@/lib/ecs/instances/instance-lookup";
import { InstanceDisksTable } from "@/components/instances/instance-disks-table";
import { InstanceStatePoller } from "@/components/instances/instance-state-poller";
import { InstanceStatusBadge } from "@/components/instances/instance-status-badge";
import { RemoteTerminal } from "@/components/terminal/remote-terminal";
import { resolveRegion } from "../../region";
import { listImageRows } from "@/lib/ecs/images/console-images";
import { loadCreateEncryptionOptions } from "@/components/shared/load-create-options";
import { categoryName } from "@/components/disks/category-name";
import { ReplaceSystemDiskButton } from "@/components/instances/replace-system-disk-dialog";
import { regionName } from "@/lib/ecs/catalog/regions";
import { authorizeDiskEncryption } from "../../disks/actions";
import {
  deleteInstanceAction,
  pollInstanceState,
  rebootInstanceAction,
  replaceSystemDiskAction,
  startInstanceAction,
  stopInstanceAction,
} from "./actions";

type InstanceParams = Promise<{ region: string; instanceId: string }>;

export async function generateMetadata({ params }: { params: InstanceParams }): Promise<Metadata> {
  const t = await getTranslations("Nav");
  return { title: `${(await params).instanceId} · ${t("instances")}` };
}

/** Instances › one instance: attributes, power actions, disks, and the remote terminal. */
export default async function InstanceDetailPage({ params }: { params: InstanceParams }) {
  const regionId = await resolveRegion(params);
  const { instanceId } = await params;
  const t = await getTranslations();
  const language = catalogLanguageOf(await getLocale());
  const ctx = await consoleContext(regionId);
  const breadcrumb = [
    { label: t("Nav.sections.ecs") },
    { label: t("Instances.list.title"), href: `/${regionId}/instances` },
    { label: instanceId },
  ];
  const keys = (await readOrRefusal(listRegionKeys(ctx))).data ?? [];
  const { data: detail, refusal } = await readOrRefusal(getInstanceDetail(ctx, { instanceId }));
  if (refusal) {
    if (refusal.code === "InvalidInstanceId.NotFound") notFound();
    return (
      <>
        <PageHeader title={instanceId} breadcrumb={breadcrumb} />
        <ErrorNotice
          message={refusal.message}
          codeLabel={t("Common.errorCode", { code: refusal.code })}
        />
      </>
    );
  }
  const { instance, disks, hangs } = detail;
  const image = findPublicImage(instance.imageId);
  const isHung = hangs.length > 0;
  const tI = (key: string) => t(`Instances.detail.${key}` as "Instances.detail.id");
  const locale = await getLocale();
  const systemDisk = disks.find((disk) => disk.type === "system");
  const encryptionOptions = (await loadCreateEncryptionOptions(ctx)).data;
  // Replace system disk: the region's Available custom images, then the public ones of its OS.
  const imageChoices = [
    ...((
      await readOrRefusal(
        listImageRows(ctx, { owner: "self", pageNumber: 1, pageSize: 100, keys, language }),
      )
    ).data?.images.filter((candidate) => candidate.status === "Available") ?? []),
    ...((
      await readOrRefusal(
        listImageRows(ctx, { owner: "system", pageNumber: 1, pageSize: 100, keys, language }),
      )
    ).data?.images.filter((candidate) => candidate.osType === instance.osType) ?? []),
  ].map((candidate) => ({
    imageId: candidate.imageId,
    label: `${candidate.name || candidate.imageId} (${candidate.imageId})${candidate.encrypted ? ` · ${t("Disks.encryption.encrypted")}` : ""}`,
    isCustom: candidate.isCustom,
    encrypted: candidate.encrypted,
    kmsKeyId: candidate.kmsKeyId,
    isServiceKey: candidate.key?.isServiceKey ?? false,
  }));

  return (
    <>
      <PageHeader
        title={instanceId}
        description={instance.name && instance.name !== instance.id ? instance.name : undefined}
        breadcrumb={breadcrumb}
        actions={<InstanceStatusBadge status={instance.status} />}
      />
      <div className="space-y-5">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <InstanceActions
            denied={await deniedReasons(ctx, {
              start: {
                action: "ecs:StartInstance",
                resourceArn: instanceArn(regionId, instanceId),
              },
              stop: { action: "ecs:StopInstance", resourceArn: instanceArn(regionId, instanceId) },
              reboot: {
                action: "ecs:RebootInstance",
                resourceArn: instanceArn(regionId, instanceId),
              },
              delete: {
                action: "ecs:DeleteInstance",
                resourceArn: instanceArn(regionId, instanceId),
              },
            })}
            regionId={regionId}
            instanceId={instanceId}
            status={instance.status}
            api={{
              start: startInstanceAction,
              stop: stopInstanceAction,
              reboot: rebootInstanceAction,
              remove: deleteInstanceAction,
            }}
          />
          {encryptionOptions ? (
            <ReplaceSystemDiskButton
              regionId={regionId}
              regionName={regionName(regionId, language)}
              instanceId={instanceId}
              status={instance.status}
              systemDisk={systemDisk ? { diskId: systemDisk.id } : undefined}
              categoryLabel={systemDisk ? categoryName(systemDisk.category, locale) : ""}
              images={imageChoices}
              options={encryptionOptions}
              replaceSystemDisk={replaceSystemDiskAction}
              authorize={authorizeDiskEncryption}
            />
          ) : null}
        </div>
        <Card id="instance-attributes" title={tI("attributes")}>
          <DescriptionList
            columns={2}
            items={[
              { label: tI("id"), value: instance.id, mono: true },
              { label: tI("name"), value: instance.name || "—" },
              { label: tI("status"), value: <InstanceStatusBadge status={instance.status} /> },
              { label: tI("type"), value: instance.instanceType, mono: true },
              {
                label: tI("image"),
                value: image ? `${image.osName[language]} (${image.imageId})` : instance.imageId,
              },
              { label: tI("zone"), value: instance.zoneId, mono: true },
              { label: tI("hostName"), value: instance.hostName, mono: true },
              { label: tI("osType"), value: instance.osType === "windows" ? "Windows" : "Linux" },
              { label: tI("created"), value: <Timestamp date={instance.createdAt} /> },
              {
                label: tI("tags"),
                value:
                  instance.tags.length > 0
                    ? instance.tags.map((tag) => `${tag.TagKey}:${tag.TagValue}`).join(", ")
                    : "—",
              },
            ]}
          />
        </Card>
        <Card id="instance-disks" title={tI("disks")} description={tI("disksDescription")}>
          <InstanceDisksTable
            regionId={regionId}
            instanceId={instanceId}
            disks={disks}
            keys={keys}
          />
        </Card>
        <Card id="instance-terminal" title={tI("terminal")} description={tI("terminalDescription")}>
          <div className="space-y-4">
            {isHung ? <HangPanel regionId={regionId} hangs={hangs} /> : null}
            <RemoteTerminal
              regionId={regionId}
              instanceId={instanceId}
              isRunning={instance.status === "Running"}
            />
          </div>
        </Card>
      </div>
      <InstanceStatePoller
        regionId={regionId}
        instanceId={instanceId}
        shown={{
          status: instance.status,
          guestState: detail.guestState,
          hangs: hangs.map((hang) => `${hang.diskId}:${hang.keyState}`).join(","),
        }}
        pollInstanceState={pollInstanceState}
      />
    </>
  );
}
