"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import {
  Table,
  TableBody,
  TableCell,
  TableEmpty,
  TableHead,
  TableHeaderCell,
  TableRow,
} from "@/components/ui/table";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { Timestamp } from "@/components/kms/timestamp";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import { ConfirmActionDialog } from "@/components/ram/confirm-action-dialog";
import type { ActionResult } from "@/lib/console/server-action";

type PolicyRef = { policyType: "System" | "Custom"; policyName: string };
export type AttachedPolicyRow = PolicyRef & { description: string; attachDate: Date };
export type AttachmentInput = PolicyRef & {
  principalType: "User" | "Group" | "Role";
  principalName: string;
};
export type AttachmentActions = {
  attachPolicy: (input: AttachmentInput) => Promise<ActionResult<null>>;
  detachPolicy: (input: AttachmentInput) => Promise<ActionResult<null>>;
};

/**
 * The policies attached to a user, group or role: each links to its page and can be detached
 * (after a confirmation); "Add permissions" attaches one more, System or Custom.
 */
export function AttachedPoliciesCard({
  regionId,
  principal,
  policies,
  available,
  actions,
  denied,
}: {
  regionId: string;
  principal: { type: "User" | "Group" | "Role"; name: string };
  policies: AttachedPolicyRow[];
  /** Every policy that could be attached (those already attached are left out here). */
  available: PolicyRef[];
  actions: AttachmentActions;
  denied: { attach?: string; detach?: string };
}) {
  const t = useTranslations("Ram.common");
  const mutation = useConsoleMutation();
  const attachedKeys = new Set(policies.map((p) => `${p.policyType}:${p.policyName}`));
  const choices = available.filter((p) => !attachedKeys.has(`${p.policyType}:${p.policyName}`));
  const [choice, setChoice] = useState("");
  const base = { principalType: principal.type, principalName: principal.name };

  const onAttach = (event: FormEvent) => {
    event.preventDefault();
    const [policyType, policyName] = choice.split(":") as [PolicyRef["policyType"], string];
    if (!policyName) return;
    mutation.run(
      () => actions.attachPolicy({ ...base, policyType, policyName }),
      () => setChoice(""),
    );
  };

  return (
    <Card
      id="policies"
      title={t("policiesTitle")}
      description={t("policiesDescription", { name: principal.name })}
    >
      <div className="space-y-4">
        <Table caption={t("policiesTitle")}>
          <TableHead>
            <tr>
              <TableHeaderCell>{t("policyName")}</TableHeaderCell>
              <TableHeaderCell>{t("policyType")}</TableHeaderCell>
              <TableHeaderCell>{t("description")}</TableHeaderCell>
              <TableHeaderCell>{t("created")}</TableHeaderCell>
              <TableHeaderCell>{t("actions")}</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {policies.length === 0 ? (
              <TableEmpty colSpan={5}>{t("noPolicies")}</TableEmpty>
            ) : (
              policies.map((policy) => (
                <TableRow key={`${policy.policyType}:${policy.policyName}`}>
                  <TableCell>
                    <Link
                      href={`/${regionId}/ram/policies/${policy.policyType}/${encodeURIComponent(policy.policyName)}`}
                      className="font-medium text-blue-700 hover:underline"
                    >
                      {policy.policyName}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Badge tone={policy.policyType === "System" ? "info" : "neutral"}>
                      {t(policy.policyType)}
                    </Badge>
                  </TableCell>
                  <TableCell className="max-w-72 text-slate-600">
                    {policy.description || "—"}
                  </TableCell>
                  <TableCell>
                    <Timestamp date={policy.attachDate} compact />
                  </TableCell>
                  <TableCell>
                    <ConfirmActionDialog
                      trigger={t("detach")}
                      triggerProps={{ variant: "link", size: "sm" }}
                      title={t("detachTitle", { policy: policy.policyName })}
                      body={t("detachBody", { name: principal.name })}
                      confirmLabel={t("detach")}
                      deniedReason={denied.detach}
                      reasonId={`detach-${policy.policyName}-reason`}
                      run={() =>
                        actions.detachPolicy({
                          ...base,
                          policyType: policy.policyType,
                          policyName: policy.policyName,
                        })
                      }
                    />
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        <form onSubmit={onAttach} className="flex flex-wrap items-end gap-3">
          <Field id={`attach-${principal.type}`} label={t("choosePolicy")} className="min-w-72">
            {(control) => (
              <Select
                {...control}
                value={choice}
                onChange={(event) => setChoice(event.target.value)}
                disabled={denied.attach !== undefined}
              >
                <option value="">—</option>
                {(["System", "Custom"] as const).map((type) => (
                  <optgroup key={type} label={t(type)}>
                    {choices
                      .filter((p) => p.policyType === type)
                      .map((p) => (
                        <option key={p.policyName} value={`${p.policyType}:${p.policyName}`}>
                          {p.policyName}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </Select>
            )}
          </Field>
          <span title={denied.attach}>
            <Button
              type="submit"
              disabled={mutation.isPending || choice === "" || denied.attach !== undefined}
              aria-describedby={denied.attach ? "attach-policy-reason" : undefined}
            >
              {mutation.isPending ? t("attaching") : t("attachPolicy")}
            </Button>
            {denied.attach ? (
              <span id="attach-policy-reason" className="sr-only">
                {denied.attach}
              </span>
            ) : null}
          </span>
        </form>
        {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
      </div>
    </Card>
  );
}
