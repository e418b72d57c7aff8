"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import { PolicyJsonView } from "@/components/ram/policy-json-view";
import type { ActionResult } from "@/lib/console/server-action";

type PrincipalType = "user" | "group" | "role";
export type SimulationView = {
  effect: "Allow" | "Deny";
  type?: "ExplicitDeny" | "ImplicitDeny";
  policyName?: string;
  policyType?: "System" | "Custom";
  statementIndex?: number;
  viaGroup?: string;
  policyDocument?: string;
};
export type SimulateAction = (input: {
  principal: { type: PrincipalType; name: string };
  action: string;
  resourceArn: string;
  conditions?: Record<string, string[]>;
}) => Promise<ActionResult<SimulationView>>;

/** The condition keys the simulator offers: the encryption keys as true/false, the others as text. */
const BOOLEAN_KEYS = [
  "ecs:IsDiskEncrypted",
  "ecs:IsSystemDiskEncrypted",
  "ecs:IsDiskByokEncrypted",
  "ecs:IsSystemDiskByokEncrypted",
];
const TEXT_KEYS = ["ecs:InstanceType", "acs:SourceIp", "acs:CurrentTime"];
const COMMON_ACTIONS = [
  "ecs:CreateDisk",
  "ecs:RunInstances",
  "ecs:DeleteDisk",
  "ecs:StartTerminalSession",
  "ecs:RunCommand",
  "kms:CreateKey",
  "kms:DisableKey",
  "kms:DescribeKey",
  "kms:ListKeys",
  "ram:CreateUser",
];

/**
 * The policy simulator: a principal, an action, a resource ARN and the request's condition
 * values → Allow or Deny, why (explicit or implicit), the deciding policy and statement, the
 * group it came through, and the policy's JSON with that statement highlighted.
 */
export function PolicySimulator({
  principals,
  accountId,
  simulateAction,
}: {
  principals: Record<PrincipalType, string[]>;
  accountId: string;
  simulateAction: SimulateAction;
}) {
  const t = useTranslations("Ram.simulator");
  const tCommon = useTranslations("Ram.common");
  const mutation = useConsoleMutation();
  const [type, setType] = useState<PrincipalType>("user");
  const [name, setName] = useState(principals.user[0] ?? "");
  const [action, setAction] = useState("ecs:CreateDisk");
  const [resourceArn, setResourceArn] = useState("*");
  const [conditions, setConditions] = useState<Record<string, string>>({});
  const [result, setResult] = useState<SimulationView>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const given = Object.fromEntries(
      Object.entries(conditions)
        .filter(([, value]) => value.trim() !== "")
        .map(([key, value]) => [key, [value.trim()]]),
    );
    setResult(undefined);
    mutation.run(
      () =>
        simulateAction({
          principal: { type, name },
          action: action.trim(),
          resourceArn: resourceArn.trim(),
          conditions: given,
        }),
      setResult,
    );
  };
  const setCondition = (key: string, value: string) =>
    setConditions((current) => ({ ...current, [key]: value }));

  return (
    <div className="space-y-5">
      <Card id="simulator-input">
        <form onSubmit={onSubmit} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
            <Field id="sim-principal-type" label={t("principalType")}>
              {(control) => (
                <Select
                  {...control}
                  value={type}
                  onChange={(event) => {
                    const next = event.target.value as PrincipalType;
                    setType(next);
                    setName(principals[next][0] ?? "");
                  }}
                >
                  {(["user", "group", "role"] as const).map((option) => (
                    <option key={option} value={option}>
                      {t(option)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field
              id="sim-principal"
              label={t("principal")}
              hint={principals[type].length === 0 ? t("noPrincipals") : undefined}
            >
              {(control) => (
                <Select
                  {...control}
                  value={name}
                  onChange={(event) => setName(event.target.value)}
                  required
                >
                  {principals[type].map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="sim-action" label={t("action")} hint={t("actionHint")}>
              {(control) => (
                <>
                  <Input
                    {...control}
                    list="sim-actions"
                    value={action}
                    required
                    spellCheck={false}
                    onChange={(event) => setAction(event.target.value)}
                  />
                  <datalist id="sim-actions">
                    {COMMON_ACTIONS.map((option) => (
                      <option key={option} value={option} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <Field id="sim-resource" label={t("resource")} hint={t("resourceHint", { accountId })}>
              {(control) => (
                <Input
                  {...control}
                  value={resourceArn}
                  required
                  spellCheck={false}
                  onChange={(event) => setResourceArn(event.target.value)}
                />
              )}
            </Field>
          </div>
          <fieldset className="space-y-3 rounded border border-slate-200 px-4 py-3">
            <legend className="px-1 text-xs font-medium text-slate-700">{t("conditions")}</legend>
            <p className="text-xs text-slate-500">{t("conditionsHint")}</p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {BOOLEAN_KEYS.map((key) => (
                <Field key={key} id={`sim-${key}`} label={<span className="font-mono">{key}</span>}>
                  {(control) => (
                    <Select
                      {...control}
                      value={conditions[key] ?? ""}
                      onChange={(event) => setCondition(key, event.target.value)}
                    >
                      <option value="">{t("notSet")}</option>
                      <option value="true">true</option>
                      <option value="false">false</option>
                    </Select>
                  )}
                </Field>
              ))}
            </div>
            <div className="grid gap-3 sm:grid-cols-3">
              {TEXT_KEYS.map((key) => (
                <Field
                  key={key}
                  id={`sim-${key}`}
                  label={<span className="font-mono">{key}</span>}
                  hint={key === "acs:CurrentTime" ? t("currentTimeHint") : undefined}
                >
                  {(control) => (
                    <Input
                      {...control}
                      value={conditions[key] ?? ""}
                      spellCheck={false}
                      onChange={(event) => setCondition(key, event.target.value)}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
          <Button type="submit" variant="primary" disabled={mutation.isPending || name === ""}>
            {mutation.isPending ? t("running") : t("run")}
          </Button>
        </form>
      </Card>
      {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
      {result ? (
        <Card id="simulator-result" title={t("result")}>
          <div className="space-y-4" role="status">
            <p className="flex items-center gap-2 text-base">
              <Badge
                tone={result.effect === "Allow" ? "success" : "danger"}
                className="px-2.5 py-1 text-sm"
              >
                {t(result.effect)}
              </Badge>
              <span className="font-mono text-sm text-slate-600">
                {action} · {resourceArn}
              </span>
            </p>
            {result.effect === "Deny" && result.type ? (
              <Notice tone={result.type === "ExplicitDeny" ? "danger" : "warning"} live="none">
                {t(result.type)}
              </Notice>
            ) : null}
            {result.policyName ? (
              <p className="text-sm">
                {result.statementIndex !== undefined
                  ? t("deciding", {
                      index: result.statementIndex + 1,
                      policy: result.policyName,
                      type: tCommon(result.policyType ?? "Custom"),
                    })
                  : t("allowed", { policy: result.policyName })}
                {result.viaGroup ? ` ${t("viaGroup", { group: result.viaGroup })}` : ""}
              </p>
            ) : null}
            {result.policyDocument ? (
              <PolicyJsonView
                document={result.policyDocument}
                highlight={result.statementIndex}
                label={result.policyName ?? ""}
                highlightLabel={t("decidingStatement")}
              />
            ) : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
