"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/shared/confirm-action-dialog";
import { CopyEncryptDialog, type CopyMode } from "@/components/shared/copy-encrypt-dialog";
import type { EncryptionOptions } from "@/components/shared/encryption-choice";
import type { ImagePageActions } from "@/components/images/image-actions-types";
import type { ImageRow } from "@/lib/ecs/images/console-images";

/** A custom image's actions: Copy image (Copy / Copy and Encrypt), Delete (with Force). */
export function ImageRowActions({
  regionId,
  image,
  regions,
  options,
  actions,
  denied = {},
}: {
  regionId: string;
  image: ImageRow;
  regions: { regionId: string; name: string }[];
  options?: EncryptionOptions;
  actions: ImagePageActions;
  /** Controls the signed-in identity may not use, with the reason (the permission probe). */
  denied?: Partial<Record<"copy" | "delete", string>>;
}) {
  const t = useTranslations("Images");
  const [open, setOpen] = useState<CopyMode | "delete">();
  const [force, setForce] = useState(false);
  const isReady = image.status === "Available";
  const copyReason = denied.copy ?? (isReady ? undefined : t("actions.notReady"));
  return (
    <>
      <div className="flex flex-wrap items-center gap-1.5">
        {options ? (
          <Button
            variant="link"
            size="sm"
            disabled={copyReason !== undefined}
            title={copyReason}
            onClick={() => setOpen("copy")}
          >
            {t("actions.copy")}
          </Button>
        ) : null}
        <Button
          variant="link"
          size="sm"
          className="text-red-700 hover:text-red-800"
          disabled={denied.delete !== undefined}
          title={denied.delete}
          onClick={() => setOpen("delete")}
        >
          {t("actions.delete")}
        </Button>
      </div>
      {(open === "copy" || open === "encrypt") && options ? (
        <CopyEncryptDialog
          kind="image"
          sourceId={image.imageId}
          source={image}
          initialMode={open}
          regionId={regionId}
          regions={regions}
          options={options}
          sameRegionPlainRefused={false}
          copy={async (request) => {
            const result = await actions.copyImage({
              regionId,
              imageId: image.imageId,
              ...request,
            });
            return result.ok ? { ok: true, data: { id: result.data.imageId } } : result;
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
          run={() => actions.deleteImage({ regionId, imageId: image.imageId, force })}
          onClose={() => setOpen(undefined)}
        >
          <p>{t("delete.body", { imageId: image.imageId })}</p>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1 size-4 accent-blue-600"
              checked={force}
              onChange={(event) => setForce(event.target.checked)}
            />
            <span>
              <span className="font-medium text-slate-800">{t("delete.force")}</span>
              <span className="block text-xs text-slate-500">{t("delete.forceHint")}</span>
            </span>
          </label>
        </ConfirmActionDialog>
      ) : null}
    </>
  );
}
