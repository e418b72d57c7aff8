"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { Lock, LockOpen, RotateCcw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DescriptionList } from "@/components/ui/description-list";
import { Field, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import {
  AuthorizeRoleDialog,
  type AuthorizeDiskEncryption,
  type RoleFacts,
} from "@/components/disks/authorize-role-dialog";
import { SERVICE_KEY_OPTION } from "@/components/disks/create-disk-schema";
import type { KeyOption } from "@/components/disks/disk-encryption-fields";

type RegionAction = (input: { regionId: string }) => Promise<ActionResult<unknown>>;

export type EncryptionByDefaultActions = {
  enable: RegionAction;
  disable: RegionAction;
  modifyDefaultKey: (input: { regionId: string; kmsKeyId: string }) => Promise<ActionResult<null>>;
  resetDefaultKey: RegionAction;
  authorize: AuthorizeDiskEncryption;
};

/**
 * Settings › Encryption by default in one region: its status with Enable / Disable, and the
 * default key — the service key or a customer master key (ModifyDiskDefaultKMSKeyId; the role
 * prompt first when ECS may not use customer master keys yet), or back to the service key
 * (ResetDiskDefaultKMSKeyId). Where the region has no encrypted disks, everything is disabled.
 */
export function EncryptionByDefaultPanel({
  regionId,
  regionName,
  isSupported,
  isCmkSupported,
  isEnabled,
  defaultKey,
  cmks,
  isRoleGranted,
  role,
  actions,
}: {
  regionId: string;
  regionName: string;
  isSupported: boolean;
  isCmkSupported: boolean;
  isEnabled: boolean;
  /** undefined = the service key. */
  defaultKey?: KeyOption;
  cmks: KeyOption[];
  isRoleGranted: boolean;
  role: RoleFacts;
  actions: EncryptionByDefaultActions;
}) {
  const t = useTranslations("EncryptionSettings");
  const toggle = useConsoleMutation();
  const keyChange = useConsoleMutation();
  const [selected, setSelected] = useState(defaultKey?.keyId ?? SERVICE_KEY_OPTION);
  const [isAuthorizing, setAuthorizing] = useState(false);
  const [roleGranted, setRoleGranted] = useState(isRoleGranted);
  const needsRole = selected !== SERVICE_KEY_OPTION && !(roleGranted || isRoleGranted);
  const current = defaultKey?.keyId ?? SERVICE_KEY_OPTION;

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (needsRole || selected === current) return;
    keyChange.run(() =>
      selected === SERVICE_KEY_OPTION
        ? actions.resetDefaultKey({ regionId })
        : actions.modifyDefaultKey({ regionId, kmsKeyId: selected }),
    );
  };

  const error = (mutation: typeof toggle) =>
    mutation.error ? <ActionErrorNotice error={mutation.error} /> : null;

  if (!isSupported) {
    return (
      <Notice tone="warning" live="alert">
        {t("unsupported", { region: regionName })}
      </Notice>
    );
  }

  return (
    <div className="space-y-5">
      <DescriptionList
        items={[
          {
            label: t("status"),
            value: isEnabled ? (
              <Badge tone="success">{t("enabled")}</Badge>
            ) : (
              <Badge>{t("disabled")}</Badge>
            ),
          },
          {
            label: t("defaultKey"),
            value: defaultKey ? (
              <span className="font-mono text-[13px]">{defaultKey.label}</span>
            ) : (
              t("serviceKey")
            ),
          },
        ]}
      />
      <div className="space-y-2">
        {isEnabled ? (
          <Button
            disabled={toggle.isPending}
            onClick={() => toggle.run(() => actions.disable({ regionId }))}
          >
            <LockOpen aria-hidden className="size-4" />
            {toggle.isPending ? t("disabling") : t("disable")}
          </Button>
        ) : (
          <Button
            variant="primary"
            disabled={toggle.isPending}
            onClick={() => toggle.run(() => actions.enable({ regionId }))}
          >
            <Lock aria-hidden className="size-4" />
            {toggle.isPending ? t("enabling") : t("enable")}
          </Button>
        )}
        <p className="text-xs text-slate-500">{isEnabled ? t("disableHint") : t("enableHint")}</p>
        {error(toggle)}
      </div>
      <form
        onSubmit={onSave}
        noValidate
        className="space-y-3 border-t border-slate-100 pt-4"
        aria-labelledby="default-key-title"
      >
        <h3 id="default-key-title" className="text-sm font-semibold text-slate-900">
          {t("defaultKeyTitle")}
        </h3>
        {!isEnabled ? (
          <p className="text-xs text-slate-500">{t("defaultKeyNeedsEnabled")}</p>
        ) : null}
        {!isCmkSupported ? (
          <Notice tone="warning" live="alert">
            {t("noCmk", { region: regionName })}
          </Notice>
        ) : null}
        <div className="flex flex-wrap items-end gap-2">
          <Field id="default-key" label={t("defaultKey")} className="w-96">
            {(control) => (
              <Select
                {...control}
                value={selected}
                disabled={!isEnabled}
                onChange={(event) => setSelected(event.target.value)}
              >
                <option value={SERVICE_KEY_OPTION}>{t("serviceKey")}</option>
                {cmks.length > 0 ? (
                  <optgroup label={t("cmkGroup")}>
                    {cmks.map((key) => (
                      <option key={key.keyId} value={key.keyId}>
                        {key.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </Select>
            )}
          </Field>
          <Button
            type="submit"
            disabled={!isEnabled || keyChange.isPending || needsRole || selected === current}
          >
            {keyChange.isPending ? t("saving") : t("save")}
          </Button>
          {defaultKey ? (
            <Button
              disabled={!isEnabled || keyChange.isPending}
              onClick={() => {
                setSelected(SERVICE_KEY_OPTION);
                keyChange.run(() => actions.resetDefaultKey({ regionId }));
              }}
            >
              <RotateCcw aria-hidden className="size-4" />
              {t("reset")}
            </Button>
          ) : null}
        </div>
        {needsRole && isEnabled ? (
          <Notice tone="warning" live="alert" title={t("authorizeTitle")}>
            <p>{t("authorizeBody")}</p>
            <Button
              variant="primary"
              size="sm"
              className="mt-2"
              onClick={() => setAuthorizing(true)}
            >
              {t("goToAuthorize")}
            </Button>
          </Notice>
        ) : null}
        {error(keyChange)}
      </form>
      <AuthorizeRoleDialog
        open={isAuthorizing}
        onOpenChange={setAuthorizing}
        regionId={regionId}
        role={role}
        authorize={actions.authorize}
        onAuthorized={() => setRoleGranted(true)}
      />
    </div>
  );
}
