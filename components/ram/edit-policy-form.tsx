"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import {
  PolicyDocumentField,
  type ValidatePolicyAction,
} from "@/components/ram/policy-document-field";
import { formatPolicy } from "@/components/ram/policy-templates";
import type { ActionResult } from "@/lib/console/server-action";

/** Edit policy document: saved as a new version that becomes the default. */
export function EditPolicyForm({
  policyName,
  document,
  createVersionAction,
  validateAction,
  deniedReason,
}: {
  policyName: string;
  document: string;
  createVersionAction: (input: {
    policyName: string;
    policyDocument: string;
    rotate: boolean;
  }) => Promise<ActionResult<{ versionId: string }>>;
  validateAction: ValidatePolicyAction;
  deniedReason?: string;
}) {
  const t = useTranslations("Ram.policies.detail");
  const mutation = useConsoleMutation();
  const [text, setText] = useState(() => prettyOrAsIs(document));
  const [rotate, setRotate] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.run(() => createVersionAction({ policyName, policyDocument: text, rotate }));
  };
  const documentError =
    mutation.error?.code === "MalformedPolicyDocument" ? mutation.error.message : undefined;
  return (
    <Card id="edit-policy" title={t("edit")} description={t("editHint")}>
      <form onSubmit={onSubmit} className="space-y-3">
        <PolicyDocumentField
          id="edit-policy-document"
          label={t("document")}
          value={text}
          onChange={(next) => {
            setText(next);
            if (documentError) mutation.clearError();
          }}
          validate={validateAction}
          serverError={documentError}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={rotate}
            onChange={(event) => setRotate(event.target.checked)}
          />
          {t("rotate")}
        </label>
        {mutation.error && !documentError ? <ActionErrorNotice error={mutation.error} /> : null}
        <span title={deniedReason}>
          <Button
            type="submit"
            variant="primary"
            disabled={mutation.isPending || deniedReason !== undefined}
          >
            {mutation.isPending ? t("saving") : t("save")}
          </Button>
        </span>
      </form>
    </Card>
  );
}

function prettyOrAsIs(document: string): string {
  try {
    return formatPolicy(JSON.parse(document));
  } catch {
    return document;
  }
}
