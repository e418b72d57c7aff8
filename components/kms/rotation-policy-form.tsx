"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { parseRotationInterval } from "@/lib/kms/rotation-interval";
import { ROTATION_DAYS } from "@/components/kms/create-key-schema";
import type { KeyRef, KeySettingsActions } from "@/components/kms/kms-actions";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

const DAY = 86_400;

/**
 * Key detail › Rotation policy (UpdateRotationPolicy): automatic rotation on or off and its
 * period in days. Only an Enabled key's policy changes; the service refuses otherwise, and the
 * form says so before anyone tries.
 */
export function RotationPolicyForm({
  keyRef,
  isEnabledKey,
  rotationEnabled,
  rotationIntervalSeconds,
  updateRotationPolicy,
}: {
  keyRef: KeyRef;
  isEnabledKey: boolean;
  rotationEnabled: boolean;
  rotationIntervalSeconds: number | null;
  updateRotationPolicy: KeySettingsActions["updateRotationPolicy"];
}) {
  const t = useTranslations("Kms.detail.rotationPolicy");
  const tCreate = useTranslations("Kms.create");
  const tErrors = useTranslations("Kms.errors");
  const mutation = useConsoleMutation();
  const [enabled, setEnabled] = useState(rotationEnabled);
  const [days, setDays] = useState(
    String(rotationIntervalSeconds ? Math.round(rotationIntervalSeconds / DAY) : 365),
  );
  const [daysError, setDaysError] = useState(false);
  const [saved, setSaved] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const interval = `${days.trim()}d`;
    const isValid = !enabled || parseRotationInterval(interval) !== undefined;
    setDaysError(!isValid);
    if (!isValid) return;
    mutation.run(
      () =>
        updateRotationPolicy({
          ...keyRef,
          enableAutomaticRotation: enabled,
          rotationInterval: enabled ? interval : undefined,
        }),
      () => setSaved(true),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {!isEnabledKey ? <Notice tone="info">{t("needsEnabled")}</Notice> : null}
      <fieldset disabled={!isEnabledKey} className="flex flex-wrap items-start gap-x-6 gap-y-3">
        <label className="flex h-8 items-center gap-2 text-sm text-slate-800 sm:mt-5">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => setEnabled(event.target.checked)}
            className="size-4 accent-blue-600"
          />
          {tCreate("rotation")}
        </label>
        <Field
          id="rotation-policy-days"
          label={tCreate("rotationPeriod")}
          hint={tCreate("rotationHint", ROTATION_DAYS)}
          error={daysError ? tErrors("rotationPeriod", ROTATION_DAYS) : undefined}
          className="w-48"
        >
          {(control) => (
            <Input
              {...control}
              type="number"
              inputMode="numeric"
              min={ROTATION_DAYS.min}
              max={ROTATION_DAYS.max}
              step={1}
              disabled={!enabled || !isEnabledKey}
              value={days}
              onChange={(event) => setDays(event.target.value)}
            />
          )}
        </Field>
        <div className="flex flex-col gap-1">
          <span aria-hidden className="text-xs">
            &nbsp;
          </span>
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? t("saving") : t("save")}
          </Button>
        </div>
      </fieldset>
      {saved && !mutation.isPending ? (
        <Notice tone="success" live="status">
          {t("saved")}
        </Notice>
      ) : null}
      {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
    </form>
  );
}
