"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/console/server-action";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";

export type InlineField = {
  name: string;
  label: string;
  placeholder?: string;
  /** An error message for the value, or undefined when it may be sent. */
  validate?: (value: string) => string | undefined;
};

/**
 * A one-row form under a list (Add alias; Add tag with key and value): checked before it is
 * sent, cleared once the action succeeded, the service's refusal shown with its code.
 */
export function InlineAddForm({
  id,
  fields,
  submitLabel,
  pendingLabel,
  onSubmit,
}: {
  id: string;
  fields: InlineField[];
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: Record<string, string>) => Promise<ActionResult<unknown>>;
}) {
  const mutation = useConsoleMutation();
  const empty = () => Object.fromEntries(fields.map((field) => [field.name, ""]));
  const [values, setValues] = useState<Record<string, string>>(empty);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = Object.fromEntries(
      fields.map((field) => [field.name, field.validate?.(values[field.name] ?? "")]),
    );
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    mutation.run(
      () => onSubmit(values),
      () => setValues(empty()),
    );
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        {fields.map((field) => (
          <Field
            key={field.name}
            id={`${id}-${field.name}`}
            label={field.label}
            error={errors[field.name]}
            className="min-w-44 flex-1"
          >
            {(control) => (
              <Input
                {...control}
                value={values[field.name] ?? ""}
                placeholder={field.placeholder}
                autoComplete="off"
                spellCheck={false}
                onChange={(event) =>
                  setValues((current) => ({ ...current, [field.name]: event.target.value }))
                }
              />
            )}
          </Field>
        ))}
        <div className="flex flex-col gap-1">
          <span aria-hidden className="text-xs">
            &nbsp;
          </span>
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? pendingLabel : submitLabel}
          </Button>
        </div>
      </div>
      {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
    </form>
  );
}
