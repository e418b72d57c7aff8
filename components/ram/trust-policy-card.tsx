"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import { JsonEditor } from "@/components/ram/json-editor";
import { formatPolicy } from "@/components/ram/policy-templates";
import type { ActionResult } from "@/lib/console/server-action";

/** A role's trust policy (who may assume it), edited in place; RAM checks it on save. */
export function TrustPolicyCard({
  roleName,
  document,
  updateAction,
  deniedReason,
}: {
  roleName: string;
  document: string;
  updateAction: (input: {
    roleName: string;
    assumeRolePolicyDocument: string;
  }) => Promise<ActionResult<null>>;
  deniedReason?: string;
}) {
  const t = useTranslations("Ram.roles.detail");
  const mutation = useConsoleMutation();
  const [text, setText] = useState(() => {
    try {
      return formatPolicy(JSON.parse(document));
    } catch {
      return document;
    }
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.run(() => updateAction({ roleName, assumeRolePolicyDocument: text }));
  };
  return (
    <Card id="trust-policy" title={t("trust")}>
      <form onSubmit={onSubmit} className="space-y-3">
        <JsonEditor
          id="trust-policy-document"
          label={t("editTrust")}
          value={text}
          onChange={setText}
          rows={10}
          invalid={mutation.error !== undefined}
        />
        {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
        <span title={deniedReason}>
          <Button type="submit" disabled={mutation.isPending || deniedReason !== undefined}>
            {mutation.isPending ? t("saving") : t("saveTrust")}
          </Button>
        </span>
      </form>
    </Card>
  );
}
