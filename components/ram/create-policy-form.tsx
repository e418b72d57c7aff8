"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import {
  PolicyDocumentField,
  type ValidatePolicyAction,
} from "@/components/ram/policy-document-field";
import {
  formatPolicy,
  POLICY_TEMPLATES,
  type PolicyTemplate,
} from "@/components/ram/policy-templates";
import type { ActionResult } from "@/lib/console/server-action";

/**
 * Create policy: a template (blank, "create only encrypted disks", KMS read-only) fills name and
 * document; the JSON editor is checked by RAM's validator as it changes; OK creates the policy
 * and opens it.
 */
export function CreatePolicyForm({
  regionId,
  createPolicyAction,
  validateAction,
}: {
  regionId: string;
  createPolicyAction: (input: {
    policyName: string;
    description?: string;
    policyDocument: string;
  }) => Promise<ActionResult<{ policyName: string }>>;
  validateAction: ValidatePolicyAction;
}) {
  const t = useTranslations("Ram.policies.create");
  const router = useRouter();
  const mutation = useConsoleMutation();
  const [template, setTemplate] = useState<PolicyTemplate["id"]>("blank");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [document, setDocument] = useState(formatPolicy(POLICY_TEMPLATES[0].document));

  const chooseTemplate = (id: PolicyTemplate["id"]) => {
    const chosen = POLICY_TEMPLATES.find((candidate) => candidate.id === id)!;
    setTemplate(id);
    setDocument(formatPolicy(chosen.document));
    if (chosen.policyName) setName(chosen.policyName);
    mutation.clearError();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.run(
      () =>
        createPolicyAction({
          policyName: name.trim(),
          description: description.trim() || undefined,
          policyDocument: document,
        }),
      (created) =>
        router.push(`/${regionId}/ram/policies/Custom/${encodeURIComponent(created.policyName)}`),
    );
  };
  const documentError =
    mutation.error?.code === "MalformedPolicyDocument" ? mutation.error.message : undefined;

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-4 rounded-md border border-slate-200 bg-white px-5 py-4 shadow-xs"
    >
      <Field id="policy-template" label={t("template")} className="max-w-md">
        {(control) => (
          <Select
            {...control}
            value={template}
            onChange={(event) => chooseTemplate(event.target.value as PolicyTemplate["id"])}
          >
            {POLICY_TEMPLATES.map((option) => (
              <option key={option.id} value={option.id}>
                {t(`templates.${option.id}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {template === "encryptedDisksOnly" ? <Notice tone="info">{t("templateNote")}</Notice> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="policy-name" label={t("name")} hint={t("nameHint")}>
          {(control) => (
            <Input
              {...control}
              value={name}
              required
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field id="policy-note" label={t("note")}>
          {(control) => (
            <Input
              {...control}
              value={description}
              autoComplete="off"
              onChange={(event) => setDescription(event.target.value)}
            />
          )}
        </Field>
      </div>
      <PolicyDocumentField
        id="policy-document"
        label={t("document")}
        value={document}
        onChange={(next) => {
          setDocument(next);
          if (documentError) mutation.clearError();
        }}
        validate={validateAction}
        serverError={documentError}
      />
      {mutation.error && !documentError ? <ActionErrorNotice error={mutation.error} /> : null}
      <Button type="submit" variant="primary" disabled={mutation.isPending}>
        {mutation.isPending ? t("creating") : t("submit")}
      </Button>
    </form>
  );
}
