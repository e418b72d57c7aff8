"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import { useFormatDuration } from "@/components/emulator/duration";
import {
  advanceClockSchema,
  type AdvanceClockInput,
} from "@/components/settings/advance-clock-schema";
import type { ActionResult } from "@/lib/console/server-action";
import { DURATION_UNITS, type DurationUnit } from "@/lib/i18n/duration";

/** The amount's error sits under the whole row, where it has room to be read. */
const AMOUNT_ERROR_ID = "advance-amount-error";

type Outcome =
  | { kind: "advanced"; seconds: number }
  | { kind: "failed"; code: string; message: string }
  | undefined;

/** Moves the emulator clock forward by a number of seconds, minutes, hours or days. */
export function AdvanceClockForm({
  maxSeconds,
  advanceClockAction,
}: {
  maxSeconds: number;
  advanceClockAction: (
    input: AdvanceClockInput,
  ) => Promise<ActionResult<{ offsetSeconds: number }>>;
}) {
  const t = useTranslations("Settings.emulator");
  const tCommon = useTranslations("Common");
  const formatDuration = useFormatDuration();
  const router = useRouter();
  const [amount, setAmount] = useState("1");
  const [unit, setUnit] = useState<DurationUnit>("days");
  const [fieldError, setFieldError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [isPending, startTransition] = useTransition();

  const messageOf = (key: string | undefined) => {
    if (key === "amountTooLarge") return t("amountTooLarge", { max: formatDuration(maxSeconds) });
    return key ? t("amountInvalid") : undefined;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(undefined);
    const parsed = advanceClockSchema(maxSeconds).safeParse({ amount, unit });
    if (!parsed.success) {
      setFieldError(messageOf(parsed.error.issues[0]?.message));
      return;
    }
    setFieldError(undefined);
    startTransition(async () => {
      try {
        const result = await advanceClockAction({ amount, unit });
        if (result.ok) {
          setOutcome({ kind: "advanced", seconds: parsed.data.seconds });
          router.refresh();
        } else if (result.fieldErrors?.amount) {
          setFieldError(messageOf(result.fieldErrors.amount[0]));
        } else {
          setOutcome({ kind: "failed", code: result.code, message: result.message });
        }
      } catch {
        setOutcome({ kind: "failed", code: "NetworkError", message: tCommon("requestFailed") });
      }
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="flex flex-wrap items-start gap-3">
        <Field id="advance-amount" label={t("amount")} className="w-36">
          {(control) => (
            <Input
              {...control}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? AMOUNT_ERROR_ID : undefined}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          )}
        </Field>
        <Field id="advance-unit" label={t("unit")} className="w-36">
          {(control) => (
            <Select
              {...control}
              value={unit}
              onChange={(event) => setUnit(event.target.value as DurationUnit)}
            >
              {DURATION_UNITS.map((option) => (
                <option key={option} value={option}>
                  {t(`units.${option}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="flex flex-col gap-1">
          <span aria-hidden className="text-xs">
            &nbsp;
          </span>
          <Button type="submit" variant="primary" disabled={isPending}>
            {isPending ? t("advancing") : t("advance")}
          </Button>
        </div>
      </div>
      {fieldError ? (
        <p id={AMOUNT_ERROR_ID} className="-mt-2 text-xs text-red-600">
          {fieldError}
        </p>
      ) : null}
      {outcome?.kind === "advanced" ? (
        <Notice tone="success" live="status">
          {t("advanced", { duration: formatDuration(outcome.seconds) })}
        </Notice>
      ) : null}
      {outcome?.kind === "failed" ? (
        <ErrorNotice
          message={outcome.message}
          codeLabel={tCommon("errorCode", { code: outcome.code })}
        />
      ) : null}
    </form>
  );
}
