"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Select } from "@/components/ui/field";
import { EntityNameFields, formText } from "@/components/ram/entity-name-fields";
import { FormDialog } from "@/components/ram/form-dialog";
import { JsonEditor } from "@/components/ram/json-editor";
import { formatPolicy } from "@/components/ram/policy-templates";
import type { ActionResult } from "@/lib/console/server-action";

const TRUSTED_SERVICES = ["ecs.aliyuncs.com", "oos.aliyuncs.com", "kms.aliyuncs.com"];

/** The trust policy a trusted entity gets: a service by its domain, an account by `<id>@…` as RAM writes it. */
function trustPolicyFor(kind: "service" | "account", value: string): string {
  const principal = kind === "service" ? { Service: [value] } : { RAM: [`acs:ram::${value}:root`] };
  return formatPolicy({
    Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: principal }],
    Version: "1",
  });
}

/**
 * Roles › Create role: name, description, the trusted entity (an Alibaba Cloud service or
 * account) which fills the trust policy, editable before OK. RAM checks the trust policy.
 */
export function CreateRoleDialog({
  regionId,
  accountId,
  createRoleAction,
  deniedReason,
}: {
  regionId: string;
  accountId: string;
  createRoleAction: (input: {
    roleName: string;
    description?: string;
    assumeRolePolicyDocument: string;
  }) => Promise<ActionResult<{ roleName: string }>>;
  deniedReason?: string;
}) {
  const t = useTranslations("Ram.roles");
  const tCommon = useTranslations("Ram.common");
  const router = useRouter();
  const [kind, setKind] = useState<"service" | "account">("service");
  const [trust, setTrust] = useState(trustPolicyFor("service", TRUSTED_SERVICES[0]));
  return (
    <FormDialog
      id="create-role"
      triggerLabel={t("create.button")}
      title={t("create.title")}
      submitLabel={t("create.submit")}
      pendingLabel={t("create.creating")}
      deniedReason={deniedReason}
      submit={(form) =>
        createRoleAction({
          roleName: formText(form, "roleName"),
          description: formText(form, "description") || undefined,
          assumeRolePolicyDocument: trust,
        })
      }
      onDone={(role) => router.push(`/${regionId}/ram/roles/${encodeURIComponent(role.roleName)}`)}
    >
      <EntityNameFields
        name={{
          id: "role-name",
          name: "roleName",
          label: t("roleName"),
          hint: t("create.nameHint"),
        }}
        note={{ id: "role-description", name: "description", label: tCommon("description") }}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="role-trusted-kind" label={t("create.trustedEntity")}>
          {(control) => (
            <Select
              {...control}
              value={kind}
              onChange={(event) => {
                const next = event.target.value as "service" | "account";
                setKind(next);
                setTrust(
                  trustPolicyFor(next, next === "service" ? TRUSTED_SERVICES[0] : accountId),
                );
              }}
            >
              <option value="service">{t("create.service")}</option>
              <option value="account">{t("create.account")}</option>
            </Select>
          )}
        </Field>
        {kind === "service" ? (
          <Field id="role-trusted-service" label={t("create.service")}>
            {(control) => (
              <Select
                {...control}
                onChange={(event) => setTrust(trustPolicyFor("service", event.target.value))}
              >
                {TRUSTED_SERVICES.map((service) => (
                  <option key={service} value={service}>
                    {service}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
      </div>
      <div className="flex flex-col gap-1">
        <span className="text-xs font-medium text-slate-700">{t("create.trustPolicy")}</span>
        <JsonEditor
          id="role-trust-policy"
          label={t("create.trustPolicy")}
          value={trust}
          onChange={setTrust}
          rows={10}
        />
      </div>
    </FormDialog>
  );
}
