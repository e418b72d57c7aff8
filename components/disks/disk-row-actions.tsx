"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import {
  CreateSnapshotDialog,
  type CreateSnapshotAction,
} from "@/components/snapshots/create-snapshot-dialog";

/**
 * The disk list's Actions column: Create snapshot, and Encrypt this disk for a disk that is not
 * encrypted (the wizard's page).
 */
export function DiskRowActions({
  regionId,
  disk,
  createSnapshot,
}: {
  regionId: string;
  disk: {
    diskId: string;
    encrypted: boolean;
    status: string;
    kmsKeyId: string | null;
    keyLabel?: string;
  };
  createSnapshot: CreateSnapshotAction;
}) {
  const t = useTranslations("Disks.actions");
  const [isOpen, setOpen] = useState(false);
  const canSnapshot = disk.status === "Available" || disk.status === "In_use";
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Button
        variant="link"
        size="sm"
        disabled={!canSnapshot}
        title={canSnapshot ? undefined : t("resizeNeedsStatus")}
        onClick={() => setOpen(true)}
      >
        {t("createSnapshot")}
      </Button>
      {disk.encrypted ? null : (
        <Link
          href={`/${regionId}/disks/${disk.diskId}/encrypt`}
          className={buttonClasses({ variant: "link", size: "sm" })}
        >
          {t("encrypt")}
        </Link>
      )}
      {isOpen ? (
        <CreateSnapshotDialog
          regionId={regionId}
          diskId={disk.diskId}
          encrypted={disk.encrypted}
          keyLabel={disk.keyLabel ?? disk.kmsKeyId ?? undefined}
          createSnapshot={createSnapshot}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}
