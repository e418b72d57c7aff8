"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Eye, Play } from "lucide-react";
import type { ActionResult } from "@/lib/console/server-action";
import type { PreviewRow } from "@/lib/oos/console-queries";
import { parseInstanceIds, type BulkEncryptForm, type TargetsForm } from "@/lib/oos/console-schemas";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { ErrorNotice, Notice } from "@/components/ui/notice";
import { AuthorizeRoleDialog, type AuthorizeDiskEncryption, type RoleFacts } from "@/components/disks/authorize-role-dialog";
import type { KeyOption } from "@/components/disks/disk-encryption-fields";
import { PreviewTable } from "./preview-table";

type Failure = { code: string; message: string };

/**
 * The Create execution form of ACS-ECS-BulkyEncryptSystemDisk, in the template's parameter
 * groups: Select ECS instances (ids or a tag), Configure KMS key (the service key preselected,
 * then the region's customer master keys — which ECS may use only once its role is authorized),
 * Control options (concurrency, max errors, the role OOS assumes). Preview shows what will
 * happen to each instance; Run starts the execution and opens its page.
 */
export function BulkEncryptFormView({
  regionId,
  cmks,
  isRoleGranted,
  role,
  preview,
  start,
  authorize,
}: {
  regionId: string;
  cmks: KeyOption[];
  isRoleGranted: boolean;
  role: RoleFacts;
  preview: (input: { regionId: string; targets: TargetsForm }) => Promise<ActionResult<PreviewRow[]>>;
  start: (input: BulkEncryptForm & { regionId: string }) => Promise<ActionResult<{ executionId: string }>>;
  authorize: AuthorizeDiskEncryption;
}) {
  const t = useTranslations("Oos.form");
  const tEnc = useTranslations("Disks.create.encryption");
  const tCommon = useTranslations("Common");
  const router = useRouter();
  const [targetType, setTargetType] = useState<"ids" | "tag">("ids");
  const [idsText, setIdsText] = useState("");
  const [tagKey, setTagKey] = useState("");
  const [tagValue, setTagValue] = useState("");
  const [kmsKeyId, setKmsKeyId] = useState("");
  const [concurrency, setConcurrency] = useState(10);
  const [maxErrors, setMaxErrors] = useState(0);
  const [assumeRole, setAssumeRole] = useState("");
  const [roleGranted, setRoleGranted] = useState(isRoleGranted);
  const [authorizing, setAuthorizing] = useState(false);
  const [rows, setRows] = useState<PreviewRow[]>();
  const [failure, setFailure] = useState<Failure>();
  const [isPending, startTransition] = useTransition();

  const targets: TargetsForm | undefined =
    targetType === "ids"
      ? parseInstanceIds(idsText).length > 0
        ? { type: "ids", instanceIds: parseInstanceIds(idsText) }
        : undefined
      : tagKey.trim()
        ? { type: "tag", key: tagKey.trim(), value: tagValue.trim() }
        : undefined;
  const needsRole = kmsKeyId !== "" && !roleGranted;

  const call = <T,>(run: () => Promise<ActionResult<T>>, onOk: (data: T) => void) => {
    setFailure(undefined);
    startTransition(async () => {
      try {
        const result = await run();
        if (result.ok) onOk(result.data);
        else setFailure({ code: result.code, message: result.message });
      } catch {
        setFailure({ code: "NetworkError", message: tCommon("requestFailed") });
      }
    });
  };

  const onPreview = () => {
    if (!targets) return setFailure({ code: "MissingParameter", message: t("noTargets") });
    call(() => preview({ regionId, targets }), setRows);
  };
  const onRun = () => {
    if (!targets) return setFailure({ code: "MissingParameter", message: t("noTargets") });
    call(
      () => start({ regionId, targets, kmsKeyId, concurrency, maxErrors, role: assumeRole.trim() }),
      ({ executionId }) => router.push(`/${regionId}/oos/executions/${executionId}`),
    );
  };

  return (
    <div className="space-y-4">
      <Notice tone="warning" title={t("warning")} />
      <Card title={t("groups.instances")}>
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="target-type" label={t("targetType")}>
            {(control) => (
              <Select {...control} value={targetType} onChange={(e) => { setTargetType(e.target.value as "ids" | "tag"); setRows(undefined); }}>
                <option value="ids">{t("byIds")}</option>
                <option value="tag">{t("byTag")}</option>
              </Select>
            )}
          </Field>
          {targetType === "ids" ? (
            <Field id="instance-ids" label={t("instanceIds")} hint={t("instanceIdsHint")} className="md:col-span-2">
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  value={idsText}
                  onChange={(e) => { setIdsText(e.target.value); setRows(undefined); }}
                  className="rounded-md border border-slate-300 px-3 py-2 font-mono text-[13px] focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/20"
                />
              )}
            </Field>
          ) : (
            <>
              <Field id="tag-key" label={t("tagKey")}>
                {(control) => <Input {...control} value={tagKey} onChange={(e) => { setTagKey(e.target.value); setRows(undefined); }} />}
              </Field>
              <Field id="tag-value" label={t("tagValue")}>
                {(control) => <Input {...control} value={tagValue} onChange={(e) => { setTagValue(e.target.value); setRows(undefined); }} />}
              </Field>
            </>
          )}
        </div>
      </Card>
      <Card title={t("groups.key")}>
        <Field id="kms-key" label={t("key")}>
          {(control) => (
            <Select {...control} value={kmsKeyId} onChange={(e) => setKmsKeyId(e.target.value)} className="max-w-xl">
              <option value="">{t("serviceKey")}</option>
              {cmks.length > 0 ? (
                <optgroup label={tEnc("cmkGroup")}>
                  {cmks.map((key) => (
                    <option key={key.keyId} value={key.keyId}>
                      {key.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </Select>
          )}
        </Field>
        {needsRole ? (
          <div id="notice-authorize" className="mt-3">
            <Notice tone="warning" live="alert" title={tEnc("authorizeTitle")}>
              <p>{tEnc("authorizeBody")}</p>
              <Button variant="secondary" size="sm" className="mt-2" onClick={() => setAuthorizing(true)}>
                {tEnc("goToAuthorize")}
              </Button>
            </Notice>
          </div>
        ) : null}
      </Card>
      <Card title={t("groups.control")}>
        <div className="grid gap-4 md:grid-cols-3">
          <Field id="concurrency" label={t("concurrency")} hint={t("concurrencyHint")}>
            {(control) => <Input {...control} type="number" min={1} max={1000} value={concurrency} onChange={(e) => setConcurrency(Number(e.target.value))} />}
          </Field>
          <Field id="max-errors" label={t("maxErrors")} hint={t("maxErrorsHint")}>
            {(control) => <Input {...control} type="number" min={0} max={1000} value={maxErrors} onChange={(e) => setMaxErrors(Number(e.target.value))} />}
          </Field>
          <Field id="assume-role" label={t("role")} hint={t("roleHint")}>
            {(control) => <Input {...control} value={assumeRole} onChange={(e) => setAssumeRole(e.target.value)} />}
          </Field>
        </div>
      </Card>
      {failure ? <ErrorNotice message={failure.message} codeLabel={tCommon("errorCode", { code: failure.code })} /> : null}
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onPreview} disabled={isPending}>
          <Eye aria-hidden className="size-4" />
          {t("preview")}
        </Button>
        <Button variant="primary" onClick={onRun} disabled={isPending || needsRole}>
          <Play aria-hidden className="size-4" />
          {isPending ? t("running") : t("run")}
        </Button>
      </div>
      {rows ? <PreviewTable rows={rows} maxErrors={maxErrors} /> : null}
      <AuthorizeRoleDialog
        open={authorizing}
        onOpenChange={setAuthorizing}
        regionId={regionId}
        role={role}
        authorize={authorize}
        onAuthorized={() => setRoleGranted(true)}
      />
    </div>
  );
}
