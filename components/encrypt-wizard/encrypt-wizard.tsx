"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Lock, Play, RotateCw } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { Notice } from "@/components/ui/notice";
import { categoryName } from "@/components/disks/category-name";
import { SERVICE_KEY_OPTION } from "@/components/disks/create-disk-schema";
import type { EncryptionChoice } from "@/components/disks/disk-encryption-fields";
import {
  EncryptionChoiceFields,
  encryptionChoiceRules,
  type EncryptionOptions,
} from "@/components/shared/encryption-choice";
import {
  assessWizard,
  encryptedCategoryFor,
  planSteps,
  type StepId,
} from "@/components/encrypt-wizard/wizard-plan";
import { WizardMadeList } from "@/components/encrypt-wizard/wizard-made-list";
import { WizardStepList } from "@/components/encrypt-wizard/wizard-step-list";
import type {
  WizardActions,
  WizardIds,
  WizardSubject,
} from "@/components/encrypt-wizard/wizard-types";
import { useWizardRunner } from "@/components/encrypt-wizard/use-wizard-runner";

/**
 * "Encrypt this disk": what will happen and what cannot (blockers and cautions up front, before
 * anything is made), the options (swap the attachment; consent to stop the instance), the key
 * (service key preselected, CMKs with the role prompt), then the steps running one by one with
 * their progress, a stop on failure that lists what was made, and the result.
 */
export function EncryptWizard({
  regionId,
  regionName,
  subject,
  initialIds,
  options,
  actions,
}: {
  regionId: string;
  regionName: string;
  subject: WizardSubject;
  initialIds: WizardIds;
  options: EncryptionOptions;
  actions: WizardActions;
}) {
  const t = useTranslations("EncryptWizard");
  const tCommon = useTranslations("Common");
  const tDisks = useTranslations("Disks");
  const locale = useLocale();
  const instance = subject.instance;
  const { blockers, cautions } = assessWizard({
    regionId,
    disk: {
      type: subject.kind,
      category: subject.category,
      encrypted: false,
      status: subject.status,
      instanceId: instance?.instanceId ?? null,
    },
    instance,
  });
  const canSwap =
    subject.kind === "data" && !!instance && !cautions.includes("swapFamilyRestricted");
  const [swap, setSwap] = useState(canSwap);
  const isRunningInstance = instance?.status === "Running";
  const [consent, setConsent] = useState(false);
  const [choice, setChoice] = useState<EncryptionChoice>({
    encrypted: true,
    kmsKeyId: SERVICE_KEY_OPTION,
  });
  const [isRoleGranted, setRoleGranted] = useState(false);
  const steps = planSteps({
    kind: subject.kind,
    swap: swap && canSwap,
    restart: isRunningInstance,
  });
  const hasStarted = Object.values(initialIds).some(Boolean);
  const runner = useWizardRunner({
    regionId,
    subject,
    steps,
    initialIds,
    kmsKeyId: choice.kmsKeyId,
    actions,
  });
  const rules = encryptionChoiceRules(choice, options, isRoleGranted, true);
  const needsConsent = subject.kind === "system" && isRunningInstance && !consent;
  const isSetup = runner.phase === "setup";
  const canStart =
    blockers.length === 0 &&
    !rules.needsAuthorization &&
    !rules.isRegionWithoutEncryption &&
    !needsConsent;

  const values = {
    diskId: subject.diskId,
    instanceId: instance?.instanceId ?? "",
    instanceType: instance?.instanceType ?? "",
    category: categoryName(subject.category, locale),
    status: subject.status,
  };
  // Once finished, "Back to the disk" goes to the encrypted one (a replaced system disk is gone).
  const resultDiskId =
    runner.phase === "finished"
      ? ((subject.kind === "system" ? runner.ids.replacedDiskId : runner.ids.newDiskId) ??
        subject.diskId)
      : subject.diskId;
  const labelOf = (step: StepId) =>
    t(`steps.${step}`, {
      ...values,
      category: categoryName(encryptedCategoryFor(subject.category), locale),
    });

  return (
    <div className="space-y-5">
      <Card id="wizard-source" title={t("title")} description={t("subtitle")}>
        <div className="space-y-4">
          <DescriptionList
            columns={2}
            items={[
              {
                label: t("source"),
                value: t("sourceValue", {
                  diskId: subject.diskId,
                  category: categoryName(subject.category, locale),
                  size: subject.sizeGiB,
                  type: subject.kind === "system" ? tDisks("types.system") : tDisks("types.data"),
                }),
              },
              {
                label: t("instance"),
                value: instance ? `${instance.instanceId} · ${instance.instanceType}` : "—",
                mono: true,
              },
            ]}
          />
          <p className="text-sm text-slate-600">
            {subject.kind === "system" ? t("pathSystem") : t("pathData")}
          </p>
          {blockers.map((blocker) => (
            <Notice key={blocker} tone="danger" live="alert">
              {t(`blockers.${blocker}`, values)}
            </Notice>
          ))}
          {cautions.map((caution) => (
            <Notice key={caution} tone="warning" live="none">
              {t(`cautions.${caution}`, values)}
            </Notice>
          ))}
          {subject.kind === "system" && blockers.length === 0 ? (
            <Notice tone="warning">{t("releaseWarning", values)}</Notice>
          ) : null}
        </div>
      </Card>

      {blockers.length === 0 ? (
        <Card id="wizard-options" title={t("options")}>
          <fieldset disabled={!isSetup} className="space-y-4">
            {subject.kind === "data" && instance && canSwap ? (
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  className="mt-1 size-4 accent-blue-600"
                  checked={swap}
                  onChange={(event) => setSwap(event.target.checked)}
                />
                <span>
                  <span className="text-sm font-medium text-slate-800">{t("swap", values)}</span>
                  <span className="block text-xs text-slate-500">{t("swapHint")}</span>
                </span>
              </label>
            ) : null}
            {subject.kind === "system" ? (
              isRunningInstance ? (
                <label className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    className="mt-1 size-4 accent-blue-600"
                    checked={consent}
                    onChange={(event) => setConsent(event.target.checked)}
                  />
                  <span>
                    <span className="text-sm font-medium text-slate-800">
                      {t("consentStop", values)}
                    </span>
                    <span className="block text-xs text-slate-500">{t("consentStopHint")}</span>
                  </span>
                </label>
              ) : (
                <p className="text-sm text-slate-600">{t("consentStopped", values)}</p>
              )
            ) : null}
            <EncryptionChoiceFields
              regionId={regionId}
              regionName={regionName}
              options={options}
              value={choice}
              onChange={setChoice}
              mustEncrypt
              lockedHint={t("lockedHint")}
              isRoleGranted={isRoleGranted}
              onRoleGranted={() => setRoleGranted(true)}
              authorize={actions.authorize}
              idPrefix="wizard"
            />
          </fieldset>
        </Card>
      ) : null}

      <Card id="wizard-steps" title={t("plan")}>
        <div className="space-y-4">
          <WizardStepList
            steps={steps}
            observed={runner.observed}
            failedStep={runner.phase === "failed" ? runner.failure?.step : undefined}
            labelOf={labelOf}
          />
          {runner.phase === "failed" && runner.failure ? (
            <div className="space-y-3">
              <Notice
                tone="danger"
                live="alert"
                title={t("failedTitle", { step: labelOf(runner.failure.step) })}
              >
                <p>{t("failedBody", values)}</p>
                {runner.failure.code ? (
                  <p className="font-mono text-xs text-red-800">
                    {runner.failure.message} · {tCommon("errorCode", { code: runner.failure.code })}
                  </p>
                ) : null}
              </Notice>
            </div>
          ) : null}
          {runner.phase === "finished" ? (
            <Notice tone="success" live="status" title={t("finishedTitle")}>
              <p>
                {subject.kind === "system"
                  ? t("finishedSystem", { ...values, newDiskId: runner.ids.replacedDiskId ?? "" })
                  : swap && canSwap
                    ? t("finishedSwap", { ...values, newDiskId: runner.ids.newDiskId ?? "" })
                    : t("finishedData", { ...values, newDiskId: runner.ids.newDiskId ?? "" })}
              </p>
              <p className="text-xs">{t("keptNote")}</p>
            </Notice>
          ) : null}
          <WizardMadeList regionId={regionId} ids={runner.ids} />
          <div className="flex flex-wrap gap-2">
            {isSetup ? (
              <Button variant="primary" disabled={!canStart} onClick={runner.run}>
                {hasStarted ? (
                  <RotateCw aria-hidden className="size-4" />
                ) : (
                  <Play aria-hidden className="size-4" />
                )}
                {hasStarted ? t("resume") : t("startButton")}
              </Button>
            ) : null}
            {runner.phase === "running" ? (
              <Button variant="primary" disabled>
                <Lock aria-hidden className="size-4" />
                {t("running")}
              </Button>
            ) : null}
            {runner.phase === "failed" ? (
              <Button variant="primary" onClick={runner.run}>
                <RotateCw aria-hidden className="size-4" />
                {t("resume")}
              </Button>
            ) : null}
            <Link
              href={`/${regionId}/disks/${resultDiskId}`}
              className={buttonClasses({ variant: "secondary" })}
            >
              {t("back")}
            </Link>
          </div>
        </div>
      </Card>
    </div>
  );
}
