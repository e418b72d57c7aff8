"use client";

import { CheckCircle2, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Label } from "@/components/ui/field";
import { JsonEditor } from "@/components/ram/json-editor";
import type { ActionResult } from "@/lib/console/server-action";

export type ValidatePolicyAction = (input: {
  policyDocument: string;
}) => Promise<ActionResult<null>>;

const CHECK_DELAY_MS = 400;

/**
 * The JSON editor of a policy document with RAM's validator's verdict under it, checked while
 * typing (debounced) and again by the service on submit. `serverError` is the submit's own
 * MalformedPolicyDocument, shown in the same place.
 */
export function PolicyDocumentField({
  id,
  label,
  value,
  onChange,
  validate,
  serverError,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  validate: ValidatePolicyAction;
  serverError?: string;
}) {
  const t = useTranslations("Ram.policies.create");
  const [verdict, setVerdict] = useState<{ for: string; problem?: string }>();
  useEffect(() => {
    const timer = setTimeout(async () => {
      try {
        const result = await validate({ policyDocument: value });
        setVerdict({ for: value, problem: result.ok ? undefined : result.message });
      } catch {
        setVerdict(undefined);
      }
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, validate]);
  const current = verdict?.for === value ? verdict : undefined;
  const problem = serverError ?? current?.problem;
  const statusId = `${id}-status`;
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <JsonEditor
        id={id}
        value={value}
        onChange={onChange}
        invalid={problem !== undefined}
        describedBy={statusId}
      />
      <p id={statusId} role="status" className="flex min-h-5 items-start gap-1.5 text-xs">
        {problem ? (
          <>
            <XCircle aria-hidden className="mt-0.5 size-3.5 shrink-0 text-red-600" />
            <span className="text-red-700">{problem}</span>
          </>
        ) : current ? (
          <>
            <CheckCircle2 aria-hidden className="mt-0.5 size-3.5 shrink-0 text-emerald-600" />
            <span className="text-emerald-800">{t("valid")}</span>
          </>
        ) : null}
      </p>
    </div>
  );
}
