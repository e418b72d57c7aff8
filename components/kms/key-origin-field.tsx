"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { isSymmetricKeySpec, KEY_ORIGINS, type KeyOrigin } from "@/lib/kms/key-specs";
import { withOrigin, type CreateKeyFormState } from "@/components/kms/create-key-schema";

/**
 * Create key › Key material source: Alibaba Cloud KMS or External (BYOK, symmetric keys only),
 * the latter with the console's "I understand…" acknowledgement.
 */
export function KeyOriginField({
  state,
  originError,
  acknowledgeError,
  onChange,
}: {
  state: CreateKeyFormState;
  originError?: string;
  acknowledgeError?: string;
  onChange: (next: CreateKeyFormState) => void;
}) {
  const t = useTranslations("Kms.create");
  return (
    <fieldset
      className="flex flex-col gap-1 sm:col-span-2"
      aria-describedby="create-key-origin-hint"
    >
      <legend className="mb-1 text-xs font-medium text-slate-700">{t("origin")}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        {KEY_ORIGINS.map((origin) => {
          const isDisabled = origin === "EXTERNAL" && !isSymmetricKeySpec(state.keySpec);
          return (
            <label
              key={origin}
              className={cn("flex items-center gap-2 text-sm", isDisabled && "text-slate-400")}
            >
              <input
                type="radio"
                name="create-key-origin"
                value={origin}
                checked={state.origin === origin}
                disabled={isDisabled}
                onChange={() => onChange(withOrigin(state, origin as KeyOrigin))}
                className="size-4 accent-blue-600"
              />
              {t(`origins.${origin}`)}
            </label>
          );
        })}
      </div>
      <p id="create-key-origin-hint" className="text-xs text-slate-500">
        {t("originHint")}
      </p>
      {originError ? <p className="text-xs text-red-600">{originError}</p> : null}
      {state.origin === "EXTERNAL" ? (
        <label className="mt-1 flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={state.externalAcknowledged}
            onChange={(event) => onChange({ ...state, externalAcknowledged: event.target.checked })}
            aria-invalid={acknowledgeError ? true : undefined}
            aria-describedby={acknowledgeError ? "create-key-ack-error" : undefined}
            className="mt-1 size-4 accent-blue-600"
          />
          {t("externalAck")}
        </label>
      ) : null}
      {acknowledgeError ? (
        <p id="create-key-ack-error" className="text-xs text-red-600">
          {acknowledgeError}
        </p>
      ) : null}
    </fieldset>
  );
}
