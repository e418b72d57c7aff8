"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Copy, HardDrive, Lock, Trash2 } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/shared/confirm-action-dialog";
import { CopyEncryptDialog, type CopyMode } from "@/components/shared/copy-encrypt-dialog";
import type { EncryptionOptions } from "@/components/shared/encryption-choice";
import type { SnapshotPageActions } from "@/components/snapshots/snapshot-actions-types";
import type { SnapshotView } from "@/components/snapshots/snapshot-view";

/**
 * A snapshot's actions, as the Snapshots page offers them: Create disk (the Create disk page with
 * the snapshot preselected), Copy, Copy and Encrypt, and Delete. Create disk and the copies wait
 * until the snapshot is accomplished; a control the signed-in identity may not use (`denied`, from
 * the permission probe) is disabled with its reason. `layout="row"` for the list's Actions column
 * (text links), "toolbar" for the detail page's header.
 */
export function SnapshotActions({
  regionId,
  snapshot,
  regions,
  options,
  actions,
  layout,
  denied = {},
}: {
  regionId: string;
  snapshot: SnapshotView;
  regions: { regionId: string; name: string }[];
  options?: EncryptionOptions;
  actions: SnapshotPageActions;
  layout: "row" | "toolbar";
  denied?: Partial<Record<"copy" | "delete", string>>;
}) {
  const t = useTranslations("Snapshots");
  const router = useRouter();
  const [open, setOpen] = useState<CopyMode | "delete">();
  const isReady = snapshot.status === "accomplished";
  const ref = { regionId, snapshotId: snapshot.snapshotId };
  const variant = layout === "row" ? "link" : "secondary";
  const size = "sm" as const;
  const reason = isReady ? undefined : t("actions.notReady");
  const copyReason = denied.copy ?? reason;

  return (
    <>
      <div
        role="group"
        aria-label={t("actions.label", { snapshotId: snapshot.snapshotId })}
        className="flex flex-wrap items-center gap-1.5"
      >
        {isReady ? (
          <Link
            href={`/${regionId}/disks/create?snapshotId=${snapshot.snapshotId}`}
            className={buttonClasses({ variant, size })}
          >
            {layout === "toolbar" ? <HardDrive aria-hidden className="size-3.5" /> : null}
            {t("actions.createDisk")}
          </Link>
        ) : (
          <Button variant={variant} size={size} disabled title={reason}>
            {t("actions.createDisk")}
          </Button>
        )}
        {options ? (
          <>
            <Button
              variant={variant}
              size={size}
              disabled={copyReason !== undefined}
              title={copyReason}
              onClick={() => setOpen("copy")}
            >
              {layout === "toolbar" ? <Copy aria-hidden className="size-3.5" /> : null}
              {t("actions.copy")}
            </Button>
            <Button
              variant={variant}
              size={size}
              disabled={copyReason !== undefined}
              title={copyReason}
              onClick={() => setOpen("encrypt")}
            >
              {layout === "toolbar" ? <Lock aria-hidden className="size-3.5" /> : null}
              {t("actions.copyAndEncrypt")}
            </Button>
          </>
        ) : null}
        <Button
          variant={variant}
          size={size}
          className="text-red-700 hover:text-red-800"
          disabled={denied.delete !== undefined}
          title={denied.delete}
          onClick={() => setOpen("delete")}
        >
          {layout === "toolbar" ? <Trash2 aria-hidden className="size-3.5" /> : null}
          {t("actions.delete")}
        </Button>
      </div>
      {(open === "copy" || open === "encrypt") && options ? (
        <CopyEncryptDialog
          kind="snapshot"
          sourceId={snapshot.snapshotId}
          source={snapshot}
          initialMode={open}
          regionId={regionId}
          regions={regions}
          options={options}
          sameRegionPlainRefused
          copy={async (request) => {
            const result = await actions.copySnapshot({ ...ref, ...request });
            return result.ok ? { ok: true, data: { id: result.data.snapshotId } } : result;
          }}
          loadEncryptionOptions={actions.loadEncryptionOptions}
          authorize={actions.authorize}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
      {open === "delete" ? (
        <ConfirmActionDialog
          title={t("delete.title")}
          confirmLabel={t("delete.confirm")}
          pendingLabel={t("delete.pending")}
          danger
          run={() => actions.deleteSnapshot(ref)}
          onClose={() => setOpen(undefined)}
          onDone={() => {
            setOpen(undefined);
            if (layout === "toolbar") router.push(`/${regionId}/snapshots`);
          }}
        >
          <p>{t("delete.body", { snapshotId: snapshot.snapshotId })}</p>
        </ConfirmActionDialog>
      ) : null}
    </>
  );
}
