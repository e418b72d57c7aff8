"use client";

import Link from "next/link";
import { Camera, History, Link2, Link2Off, Lock, Maximize2, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import type { AttachableInstance, ConsoleDisk } from "@/lib/ecs/disks/console-queries";
import { AttachDiskDialog } from "@/components/disks/attach-disk-dialog";
import { ConfirmDiskDialog } from "@/components/disks/confirm-disk-dialog";
import type { DiskPageActions } from "@/components/disks/disk-actions-types";
import { ModifyDiskDialog } from "@/components/disks/modify-disk-dialog";
import { ResizeDiskDialog } from "@/components/disks/resize-disk-dialog";
import { CreateSnapshotDialog } from "@/components/snapshots/create-snapshot-dialog";
import { ResetDiskDialog } from "@/components/snapshots/reset-disk-dialog";

export type DiskDialog =
  "attach" | "detach" | "resize" | "modify" | "release" | "snapshot" | "reset";
type Dialog = DiskDialog;

/**
 * A disk's actions as the console offers them: Create snapshot, Encrypt this disk (an
 * unencrypted disk: the wizard's page), Roll back disk (to one of its snapshots), Attach (an
 * Unattached data disk), Detach (an attached data disk), Resize disk, Modify attributes and
 * Release (an Unattached disk). An action the disk's status does not allow, or the signed-in
 * identity may not use (`denied`, from the permission probe), is disabled, with the reason as
 * its description.
 */
export function DiskActions({
  regionId,
  disk,
  maxSizeGiB,
  instances,
  snapshots,
  instanceStatus,
  actions,
  denied = {},
}: {
  regionId: string;
  disk: ConsoleDisk;
  maxSizeGiB: number;
  /** Running or Stopped instances of the disk's zone (read for an Unattached disk only). */
  instances: AttachableInstance[];
  /** The disk's accomplished snapshots, for Roll back disk. */
  snapshots: { snapshotId: string; name: string }[];
  /** The status of the instance it is attached to. */
  instanceStatus?: string;
  actions: DiskPageActions;
  denied?: Partial<Record<DiskDialog, string>>;
}) {
  const t = useTranslations("Disks.actions");
  const router = useRouter();
  const [open, setOpen] = useState<Dialog>();
  const diskRef = { regionId, diskId: disk.diskId };
  const close = () => setOpen(undefined);
  const isAvailable = disk.status === "Available";
  const isAttached = disk.status === "In_use" && disk.instanceId !== null;
  const isData = disk.type === "data";
  const canResize = disk.status === "Available" || disk.status === "In_use";

  const button = (
    dialog: Dialog,
    label: string,
    Icon: typeof Link2,
    enabled: boolean,
    reason: string,
    danger = false,
  ) => {
    // A refusal by RAM outranks the status: no status change would make it usable.
    const refusal = denied[dialog];
    if (refusal) [enabled, reason] = [false, refusal];
    return (
      <span className="relative">
        <Button
          size="sm"
          className={danger ? "text-red-700 hover:border-red-500 hover:text-red-800" : undefined}
          disabled={!enabled}
          aria-describedby={enabled ? undefined : `disk-action-${dialog}-reason`}
          title={enabled ? undefined : reason}
          onClick={() => setOpen(dialog)}
        >
          <Icon aria-hidden className="size-3.5" />
          {label}
        </Button>
        {enabled ? null : (
          <span id={`disk-action-${dialog}-reason`} className="sr-only">
            {reason}
          </span>
        )}
      </span>
    );
  };

  return (
    <>
      <div className="flex flex-wrap items-center gap-2">
        {button("snapshot", t("createSnapshot"), Camera, canResize, t("resizeNeedsStatus"))}
        {disk.encrypted ? null : (
          <Link
            href={`/${regionId}/disks/${disk.diskId}/encrypt`}
            className={buttonClasses({ variant: "primary", size: "sm" })}
          >
            <Lock aria-hidden className="size-3.5" />
            {t("encrypt")}
          </Link>
        )}
        {button("reset", t("reset"), History, snapshots.length > 0, t("resetNeedsSnapshot"))}
        {isAttached
          ? button("detach", t("detach"), Link2Off, isData, t("detachSystem"))
          : button(
              "attach",
              t("attach"),
              Link2,
              isAvailable && isData,
              isData ? t("attachNeedsUnattached") : t("attachSystem"),
            )}
        {button("resize", t("resize"), Maximize2, canResize, t("resizeNeedsStatus"))}
        {button("modify", t("modify"), Pencil, true, "")}
        {button("release", t("release"), Trash2, isAvailable, t("releaseNeedsUnattached"), true)}
      </div>
      {open === "snapshot" ? (
        <CreateSnapshotDialog
          regionId={regionId}
          diskId={disk.diskId}
          encrypted={disk.encrypted}
          keyLabel={disk.key?.aliasName ?? disk.kmsKeyId ?? undefined}
          createSnapshot={actions.createSnapshot}
          onClose={close}
        />
      ) : null}
      {open === "reset" ? (
        <ResetDiskDialog
          regionId={regionId}
          diskId={disk.diskId}
          instance={
            disk.instanceId
              ? { instanceId: disk.instanceId, status: instanceStatus ?? "" }
              : undefined
          }
          snapshots={snapshots}
          resetDisk={actions.resetDisk}
          onClose={close}
        />
      ) : null}
      {open === "attach" ? (
        <AttachDiskDialog
          diskRef={diskRef}
          zoneId={disk.zoneId}
          encrypted={disk.encrypted}
          instances={instances}
          attachDisk={actions.attachDisk}
          onClose={close}
        />
      ) : null}
      {open === "detach" && disk.instanceId ? (
        <ConfirmDiskDialog
          kind="detach"
          diskId={disk.diskId}
          instanceId={disk.instanceId}
          encrypted={disk.encrypted}
          run={() => actions.detachDisk({ ...diskRef, instanceId: disk.instanceId! })}
          onClose={close}
        />
      ) : null}
      {open === "release" ? (
        <ConfirmDiskDialog
          kind="release"
          diskId={disk.diskId}
          encrypted={disk.encrypted}
          run={() => actions.deleteDisk(diskRef)}
          onClose={close}
          onDone={() => router.push(`/${regionId}/disks`)}
        />
      ) : null}
      {open === "resize" ? (
        <ResizeDiskDialog
          diskRef={diskRef}
          sizeGiB={disk.sizeGiB}
          maxGiB={maxSizeGiB}
          resizeDisk={actions.resizeDisk}
          onClose={close}
        />
      ) : null}
      {open === "modify" ? (
        <ModifyDiskDialog
          diskRef={diskRef}
          current={{
            name: disk.name,
            description: disk.description,
            deleteWithInstance: disk.deleteWithInstance,
          }}
          modifyDiskAttribute={actions.modifyDiskAttribute}
          onClose={close}
        />
      ) : null}
    </>
  );
}
