"use client";

import { useTranslations } from "next-intl";
import { Field, Input, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { MAX_KEY_DESCRIPTION_LENGTH } from "@/lib/kms/limits";
import {
  ASYMMETRIC_KEY_SPECS,
  canRotate,
  isUsageAllowed,
  KEY_USAGES,
  PROTECTION_LEVELS,
  SYMMETRIC_KEY_SPECS,
  type KeySpec,
  type KeyUsage,
  type ProtectionLevel,
} from "@/lib/kms/key-specs";
import { KeyOriginField } from "@/components/kms/key-origin-field";
import {
  ROTATION_DAYS,
  withKeySpec,
  type CreateKeyErrorKey,
  type CreateKeyField,
  type CreateKeyFormState,
} from "@/components/kms/create-key-schema";

const USAGE_LABEL: Record<KeyUsage, "encrypt" | "sign"> = {
  "ENCRYPT/DECRYPT": "encrypt",
  "SIGN/VERIFY": "sign",
};

const TEXTAREA =
  "min-h-16 rounded border bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none";

/** The Create key dialog's controls; which combinations exist follows lib/kms/key-specs.ts. */
export function CreateKeyFields({
  state,
  errors,
  onChange,
}: {
  state: CreateKeyFormState;
  errors: Partial<Record<CreateKeyField, CreateKeyErrorKey>>;
  onChange: (next: CreateKeyFormState) => void;
}) {
  const t = useTranslations("Kms.create");
  const tErrors = useTranslations("Kms.errors");
  const tLevels = useTranslations("Kms.protectionLevels");
  const errorText = (field: CreateKeyField) => {
    const key = errors[field];
    if (!key) return undefined;
    if (key === "description") return tErrors(key, { max: MAX_KEY_DESCRIPTION_LENGTH });
    if (key === "rotationPeriod") return tErrors(key, ROTATION_DAYS);
    if (key === "keyUsage") return tErrors(key, { keySpec: state.keySpec });
    return tErrors(key);
  };
  const isRotatable = canRotate(state);
  const set = (changes: Partial<CreateKeyFormState>) => onChange({ ...state, ...changes });

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field id="create-key-spec" label={t("keySpec")} hint={t("keySpecHint")}>
        {(control) => (
          <Select
            {...control}
            value={state.keySpec}
            onChange={(event) => onChange(withKeySpec(state, event.target.value as KeySpec))}
          >
            <optgroup label={t("symmetric")}>
              {SYMMETRIC_KEY_SPECS.map((spec) => (
                <option key={spec} value={spec}>
                  {spec}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("asymmetric")}>
              {ASYMMETRIC_KEY_SPECS.map((spec) => (
                <option key={spec} value={spec}>
                  {spec}
                </option>
              ))}
            </optgroup>
          </Select>
        )}
      </Field>
      <Field id="create-key-usage" label={t("keyUsage")} error={errorText("keyUsage")}>
        {(control) => (
          <Select
            {...control}
            value={state.keyUsage}
            onChange={(event) => set({ keyUsage: event.target.value as KeyUsage })}
          >
            {KEY_USAGES.filter((usage) => isUsageAllowed(state.keySpec, usage)).map((usage) => (
              <option key={usage} value={usage}>
                {t(`usages.${USAGE_LABEL[usage]}`)} ({usage})
              </option>
            ))}
          </Select>
        )}
      </Field>

      <KeyOriginField
        state={state}
        originError={errorText("origin")}
        acknowledgeError={errorText("externalAcknowledged")}
        onChange={onChange}
      />

      <Field id="create-key-protection" label={t("protectionLevel")} hint={t("protectionHint")}>
        {(control) => (
          <Select
            {...control}
            value={state.protectionLevel}
            onChange={(event) => set({ protectionLevel: event.target.value as ProtectionLevel })}
          >
            {PROTECTION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {tLevels(level)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id="create-key-alias"
        label={t("alias")}
        hint={t("aliasHint")}
        error={errorText("aliasName")}
      >
        {(control) => (
          <Input
            {...control}
            value={state.aliasName}
            placeholder="alias/my-disk-key"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => set({ aliasName: event.target.value })}
          />
        )}
      </Field>

      <Field
        id="create-key-description"
        label={t("descriptionField")}
        error={errorText("description")}
        className="sm:col-span-2"
      >
        {({ "aria-invalid": invalid, ...control }) => (
          <textarea
            {...control}
            aria-invalid={invalid}
            rows={2}
            value={state.description}
            onChange={(event) => set({ description: event.target.value })}
            className={cn(TEXTAREA, invalid ? "border-red-500" : "border-slate-300")}
          />
        )}
      </Field>

      <div className="flex flex-col gap-1 sm:col-span-2">
        <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
          <label
            className={cn("flex h-8 items-center gap-2 text-sm", !isRotatable && "text-slate-400")}
          >
            <input
              type="checkbox"
              checked={state.enableAutomaticRotation}
              disabled={!isRotatable}
              onChange={(event) => set({ enableAutomaticRotation: event.target.checked })}
              aria-describedby={isRotatable ? undefined : "create-key-rotation-unavailable"}
              className="size-4 accent-blue-600"
            />
            {t("rotation")}
          </label>
          {state.enableAutomaticRotation ? (
            <Field
              id="create-key-rotation-days"
              label={t("rotationPeriod")}
              hint={t("rotationHint", ROTATION_DAYS)}
              error={errorText("rotationDays")}
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
                  value={state.rotationDays}
                  onChange={(event) => set({ rotationDays: event.target.value })}
                />
              )}
            </Field>
          ) : null}
        </div>
        {!isRotatable ? (
          <p id="create-key-rotation-unavailable" className="text-xs text-slate-500">
            {t("rotationUnavailable")}
          </p>
        ) : null}
        {errorText("enableAutomaticRotation") ? (
          <p className="text-xs text-red-600">{errorText("enableAutomaticRotation")}</p>
        ) : null}
      </div>
    </div>
  );
}
