"use client";

import { Field, Input } from "@/components/ui/field";

type FieldLabels = { label: string; hint?: string; error?: string; className?: string };

/**
 * The Name and Description an ECS resource is created, copied or modified with (disk, snapshot,
 * image): controlled inputs bounded as ECS bounds them (128 and 256 characters). `id` prefixes
 * the inputs' ids (`<id>-name`, `<id>-description`).
 */
export function NameDescriptionFields({
  id,
  name,
  description,
  onNameChange,
  onDescriptionChange,
  nameField,
  descriptionField,
}: {
  id: string;
  name: string;
  description: string;
  onNameChange: (name: string) => void;
  onDescriptionChange: (description: string) => void;
  nameField: FieldLabels;
  descriptionField: FieldLabels;
}) {
  return (
    <>
      <Field id={`${id}-name`} {...nameField}>
        {(control) => (
          <Input
            {...control}
            value={name}
            maxLength={128}
            onChange={(event) => onNameChange(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-description`} {...descriptionField}>
        {(control) => (
          <Input
            {...control}
            value={description}
            maxLength={256}
            onChange={(event) => onDescriptionChange(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}
