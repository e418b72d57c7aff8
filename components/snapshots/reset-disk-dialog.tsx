"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import { ConfirmActionDialog } from "@/components/shared/confirm-action-dialog";

export type ResetDiskAction = (input: {
  regionId: string;
  diskId: string;
  snapshotId: string;
}) => Promise<ActionResult<null>>;

/**
 * Roll back disk (ResetDisk): one of the disk's own accomplished snapshots replaces its data.
 * Its instance must be stopped: said up front, and the service refuses otherwise.
 */
export function ResetDiskDialog({
  regionId,
  diskId,
  instance,
  snapshots,
  resetDisk,
  onClose,
}: {
  regionId: string;
  diskId: string;
  instance?: { instanceId: string; status: string };
  snapshots: { snapshotId: string; name: string }[];
  resetDisk: ResetDiskAction;
  onClose: () => void;
}) {
  const t = useTranslations("Snapshots.reset");
  const [snapshotId, setSnapshotId] = useState(snapshots[0]?.snapshotId ?? "");
  return (
    <ConfirmActionDialog
      title={t("title")}
      description={t("description", { diskId })}
      confirmLabel={t("confirm")}
      pendingLabel={t("pending")}
      danger
      disabled={snapshotId === ""}
      run={() => resetDisk({ regionId, diskId, snapshotId })}
      onClose={onClose}
    >
      {snapshots.length === 0 ? (
        <Notice tone="warning">{t("noSnapshots")}</Notice>
      ) : (
        <Field id="reset-disk-snapshot" label={t("snapshot")}>
          {(control) => (
            <Select
              {...control}
              value={snapshotId}
              onChange={(event) => setSnapshotId(event.target.value)}
            >
              {snapshots.map((snapshot) => (
                <option key={snapshot.snapshotId} value={snapshot.snapshotId}>
                  {snapshot.name
                    ? `${snapshot.name} (${snapshot.snapshotId})`
                    : snapshot.snapshotId}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <p>{t("body")}</p>
      {instance && instance.status !== "Stopped" ? (
        <Notice tone="warning">{t("needsStopped", { instanceId: instance.instanceId })}</Notice>
      ) : null}
    </ConfirmActionDialog>
  );
}
