"use client";

import { Field, Input } from "@/components/ui/field";

type FieldSpec = { id: string; name: string; label: string; hint?: string };

/**
 * The first two fields of RAM's create dialogs: the entity's name (required, as typed) and its
 * free-text companion (Comments, Description, Display name), both read by name from the form.
 */
export function EntityNameFields({ name, note }: { name: FieldSpec; note: FieldSpec }) {
  return (
    <>
      <Field id={name.id} label={name.label} hint={name.hint}>
        {(control) => (
          <Input
            {...control}
            name={name.name}
            required
            autoComplete="off"
            spellCheck={false}
            className="w-full"
          />
        )}
      </Field>
      <Field id={note.id} label={note.label} hint={note.hint}>
        {(control) => <Input {...control} name={note.name} autoComplete="off" className="w-full" />}
      </Field>
    </>
  );
}

/** A text field of the submitted form, trimmed ("" when absent). */
export function formText(form: FormData, name: string): string {
  return String(form.get(name) ?? "").trim();
}
