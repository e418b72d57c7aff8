"use client";

import { ActionErrorNotice } from "@/components/shared/action-error-notice";
import Link from "next/link";
import { Plus } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/console/server-action";
import { useConsoleMutation } from "@/components/kms/use-console-mutation";
import {
  AuthorizeRoleDialog,
  type AuthorizeDiskEncryption,
  type RoleFacts,
} from "@/components/disks/authorize-role-dialog";
import { categoryName } from "@/components/disks/category-name";
import type { RegionEncryption } from "@/components/disks/create-disk-schema";
import { DiskEncryptionFields, type KeyOption } from "@/components/disks/disk-encryption-fields";
import { DiskTagsField } from "@/components/disks/disk-tags-field";
import type { CreateInstanceInput } from "@/components/instances/create-instance-schema";
import { MAX_CONSOLE_DATA_DISKS } from "@/components/instances/create-instance-schema";
import {
  asDiskFormState,
  CONSOLE_DEFAULT_INSTANCE_TYPE,
  CONSOLE_DEFAULT_SYSTEM_SIZE,
  estimateInstanceDisks,
  instanceRules,
  newDiskRow,
  sizeErrors,
  toCreateInstanceInput,
  type CreateInstanceState,
} from "@/components/instances/create-instance-rules";
import { DataDiskRow, DiskSizeFields } from "@/components/instances/disk-row-fields";
import { InstancePriceEstimate } from "@/components/instances/instance-price-estimate";
import { NextStepsPanel } from "@/components/instances/next-steps-panel";

export type CreateInstanceAction = (
  input: CreateInstanceInput & { regionId: string },
) => Promise<ActionResult<{ instanceId: string }>>;

export type TypeOption = { instanceTypeId: string; summary: string; isRestricted: boolean };
export type ImageOption = {
  imageId: string;
  name: string;
  osType: "linux" | "windows";
  sizeGiB: number;
};

/**
 * Instances › Create instance (Custom Launch, on one page): zone, instance type, image, the
 * storage block — system disk and data disks, each with Encrypted and its KMS key — name and
 * tags, with the Create disk page's role prompt, notices and fee box. Once created, the guide's
 * next steps with a link to the instance.
 */
export function CreateInstanceForm(props: {
  regionId: string;
  regionName: string;
  zones: { zoneId: string; name: string }[];
  types: TypeOption[];
  images: ImageOption[];
  systemCategories: readonly string[];
  dataCategories: readonly string[];
  region: RegionEncryption;
  serviceKeyId?: string;
  cmks: KeyOption[];
  role: RoleFacts;
  createInstance: CreateInstanceAction;
  authorize: AuthorizeDiskEncryption;
}) {
  const { regionId, region, cmks, types, images } = props;
  const t = useTranslations("Instances.create");
  const tCommon = useTranslations("Common");
  const locale = useLocale();
  const mutation = useConsoleMutation();
  const [state, setState] = useState<CreateInstanceState>(() => ({
    zoneId: props.zones[0]?.zoneId ?? "",
    instanceType: CONSOLE_DEFAULT_INSTANCE_TYPE,
    imageId: images[0]?.imageId ?? "",
    name: "",
    tags: [],
    system: newDiskRow(region, CONSOLE_DEFAULT_SYSTEM_SIZE),
    data: [],
  }));
  const [isRoleGranted, setRoleGranted] = useState(region.isRoleGranted);
  const [isAuthorizing, setAuthorizing] = useState(false);
  const [showErrors, setShowErrors] = useState(false);
  const [created, setCreated] = useState<{
    instanceId: string;
    osType: "linux" | "windows";
    dataDisks: number;
  }>();

  const regionNow = { ...region, isRoleGranted: isRoleGranted || region.isRoleGranted };
  const rules = instanceRules(state, regionNow);
  const image = images.find((i) => i.imageId === state.imageId);
  const problems = sizeErrors(state, image?.sizeGiB ?? 0);
  const sizeError = (id: string) =>
    showErrors && problems.includes(id) ? t("errors.size") : undefined;
  const estimate = estimateInstanceDisks(state, rules);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (problems.length > 0 || rules.isBlocked) return;
    const input = toCreateInstanceInput(state, rules);
    mutation.run(
      () => props.createInstance({ regionId, ...input }),
      ({ instanceId }) =>
        setCreated({
          instanceId,
          osType: image?.osType ?? "linux",
          dataDisks: input.dataDisks.length,
        }),
    );
  };

  const setData = (index: number, row: CreateInstanceState["data"][number]) =>
    setState({ ...state, data: state.data.map((r, i) => (i === index ? row : r)) });

  if (created)
    return (
      <div className="space-y-4">
        <NextStepsPanel
          regionId={regionId}
          instanceId={created.instanceId}
          osType={created.osType}
          dataDiskCount={created.dataDisks}
        />
        <Link href={`/${regionId}/instances`} className={buttonClasses({ variant: "secondary" })}>
          {t("backToList")}
        </Link>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("formLabel")}>
      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="space-y-5">
          <Card id="create-instance-basics" title={t("basics")}>
            <div className="flex flex-wrap items-start gap-4">
              <Field id="instance-zone" label={t("zone")} className="w-72">
                {(control) => (
                  <Select
                    {...control}
                    value={state.zoneId}
                    onChange={(event) => setState({ ...state, zoneId: event.target.value })}
                  >
                    {props.zones.map((zone) => (
                      <option key={zone.zoneId} value={zone.zoneId}>
                        {zone.name} ({zone.zoneId})
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field
                id="instance-type"
                label={t("instanceType")}
                hint={t("instanceTypeHint")}
                className="w-96"
              >
                {(control) => (
                  <Select
                    {...control}
                    value={state.instanceType}
                    onChange={(event) => setState({ ...state, instanceType: event.target.value })}
                  >
                    {types.map((type) => (
                      <option key={type.instanceTypeId} value={type.instanceTypeId}>
                        {type.instanceTypeId} · {type.summary}
                        {type.isRestricted && rules.system.isEncrypted
                          ? ` — ${t("restrictedFamily")}`
                          : ""}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field id="instance-image" label={t("image")} hint={t("imageHint")} className="w-96">
                {(control) => (
                  <Select
                    {...control}
                    value={state.imageId}
                    onChange={(event) => setState({ ...state, imageId: event.target.value })}
                  >
                    {images.map((i) => (
                      <option key={i.imageId} value={i.imageId}>
                        {i.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
            {rules.isRestrictedFamily ? (
              <Notice tone="danger" live="alert" className="mt-3">
                {t("notices.restrictedFamily", { type: state.instanceType })}
              </Notice>
            ) : null}
          </Card>
          <Card
            id="create-instance-system-disk"
            title={t("systemDisk")}
            description={t("systemDiskDescription")}
          >
            <div className="space-y-4">
              <DiskSizeFields
                idPrefix="system-disk"
                label={t("disk.systemDisk")}
                categories={props.systemCategories}
                row={state.system}
                sizeError={sizeError("system")}
                onChange={(system) => setState({ ...state, system })}
              />
              <DiskEncryptionFields
                regionId={regionId}
                regionName={props.regionName}
                categoryLabel={categoryName(state.system.category, locale)}
                state={asDiskFormState(state.system, state.zoneId)}
                rules={rules.system}
                serviceKeyId={props.serviceKeyId}
                cmks={cmks}
                onChange={(next) =>
                  setState({
                    ...state,
                    system: { ...state.system, encrypted: next.encrypted, kmsKeyId: next.kmsKeyId },
                  })
                }
                onAuthorize={() => setAuthorizing(true)}
              />
              {rules.isSystemCategoryNotForEncryption ? (
                <Notice tone="danger" live="alert">
                  {t("notices.essdOnly")}
                </Notice>
              ) : null}
            </div>
          </Card>
          <Card
            id="create-instance-data-disks"
            title={t("dataDisks")}
            description={t("dataDisksDescription", { max: MAX_CONSOLE_DATA_DISKS })}
          >
            <div className="space-y-3">
              {state.data.map((row, index) => (
                <DataDiskRow
                  key={index}
                  index={index}
                  categories={props.dataCategories}
                  row={row}
                  rules={rules.data[index]}
                  cmks={cmks}
                  sizeError={sizeError(`data-${index + 1}`)}
                  onChange={(next) => setData(index, next)}
                  onRemove={() =>
                    setState({ ...state, data: state.data.filter((_, i) => i !== index) })
                  }
                />
              ))}
              {!rules.system.needsAuthorization && rules.needsAuthorization ? (
                <Notice tone="warning" live="alert" title={t("notices.authorizeTitle")}>
                  <Button variant="primary" size="sm" onClick={() => setAuthorizing(true)}>
                    {t("notices.goToAuthorize")}
                  </Button>
                </Notice>
              ) : null}
              <Button
                size="sm"
                disabled={state.data.length >= MAX_CONSOLE_DATA_DISKS}
                onClick={() =>
                  setState({ ...state, data: [...state.data, newDiskRow(regionNow, 40)] })
                }
              >
                <Plus aria-hidden className="size-3.5" />
                {t("addDataDisk", { count: state.data.length, max: MAX_CONSOLE_DATA_DISKS })}
              </Button>
            </div>
          </Card>
          <Card id="create-instance-others" title={t("others")}>
            <div className="space-y-4">
              <Field id="instance-name" label={t("name")} hint={t("nameHint")} className="w-80">
                {(control) => (
                  <Input
                    {...control}
                    value={state.name}
                    maxLength={128}
                    onChange={(event) => setState({ ...state, name: event.target.value })}
                  />
                )}
              </Field>
              <DiskTagsField tags={state.tags} onChange={(tags) => setState({ ...state, tags })} />
            </div>
          </Card>
        </div>
        <aside className="space-y-4 rounded-md border border-slate-200 bg-white p-4 shadow-xs lg:sticky lg:top-17">
          <InstancePriceEstimate estimate={estimate} diskCount={1 + state.data.length} />
          {showErrors && problems.length > 0 ? (
            <p className="text-xs text-red-600">{t("errors.fixFields")}</p>
          ) : null}
          {mutation.error ? <ActionErrorNotice error={mutation.error} /> : null}
          <div className="flex flex-col gap-2">
            <Button
              type="submit"
              variant="primary"
              disabled={mutation.isPending || rules.isBlocked}
            >
              {mutation.isPending ? t("creating") : t("submit")}
            </Button>
            <Link
              href={`/${regionId}/instances`}
              className={buttonClasses({ variant: "secondary" })}
            >
              {tCommon("cancel")}
            </Link>
          </div>
        </aside>
      </div>
      <AuthorizeRoleDialog
        open={isAuthorizing}
        onOpenChange={setAuthorizing}
        regionId={regionId}
        role={props.role}
        authorize={props.authorize}
        onAuthorized={() => setRoleGranted(true)}
      />
    </form>
  );
}
