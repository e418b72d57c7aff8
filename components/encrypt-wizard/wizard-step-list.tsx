"use client";

import { useTranslations } from "next-intl";
import { CheckCircle2, Circle, Loader2, XCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { ProgressBar } from "@/components/ui/progress-bar";
import {
  stepProgress,
  stepState,
  type Observed,
  type StepId,
  type StepState,
} from "@/components/encrypt-wizard/wizard-plan";

const ICONS: Record<StepState, { Icon: typeof Circle; className: string }> = {
  waiting: { Icon: Circle, className: "text-slate-300" },
  running: { Icon: Loader2, className: "animate-spin text-blue-600" },
  done: { Icon: CheckCircle2, className: "text-emerald-600" },
  failed: { Icon: XCircle, className: "text-red-600" },
};

/**
 * The wizard's steps in order, each with its state (Waiting, In progress, Done, Failed) and, for
 * snapshots and images, its progress bar. `failedStep` marks the step a refusal stopped at.
 */
export function WizardStepList({
  steps,
  observed,
  failedStep,
  labelOf,
}: {
  steps: StepId[];
  observed?: Observed;
  failedStep?: StepId;
  labelOf: (step: StepId) => string;
}) {
  const t = useTranslations("EncryptWizard");
  return (
    <ol aria-label={t("plan")} className="space-y-2">
      {steps.map((step, index) => {
        const state: StepState =
          step === failedStep ? "failed" : observed ? stepState(step, observed) : "waiting";
        const { Icon, className } = ICONS[state];
        const progress = observed ? stepProgress(step, observed) : undefined;
        const label = labelOf(step);
        return (
          <li
            key={step}
            aria-label={`${index + 1}. ${label}: ${t(`states.${state}`)}`}
            className={cn(
              "flex items-start gap-3 rounded-md border px-3 py-2.5",
              state === "failed"
                ? "border-red-200 bg-red-50"
                : state === "running"
                  ? "border-blue-200 bg-blue-50/60"
                  : "border-slate-200 bg-white",
            )}
          >
            <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", className)} />
            <div className="min-w-0 flex-1">
              <p className="text-sm text-slate-800">
                <span className="mr-1 text-slate-400 tabular-nums">{index + 1}.</span>
                {label}
              </p>
              {state === "running" && progress !== undefined ? (
                <ProgressBar value={progress} label={label} className="mt-1.5" />
              ) : null}
            </div>
            <span
              className={cn(
                "shrink-0 text-xs font-medium",
                state === "done" && "text-emerald-700",
                state === "running" && "text-blue-700",
                state === "failed" && "text-red-700",
                state === "waiting" && "text-slate-400",
              )}
            >
              {t(`states.${state}`)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
