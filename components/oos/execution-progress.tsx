"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Ban } from "lucide-react";
import type { ActionResult } from "@/lib/console/server-action";
import type { ExecutionView } from "@/lib/oos/console-queries";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { ErrorNotice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/kms/timestamp";
import { ExecutionStatusBadge, isExecutionRunning } from "./execution-status-badge";
import { ProgressBar } from "./progress-bar";

const POLL_MS = 1_000;

const toneOf = (status: string) => (status === "Failed" ? "red" : status === "Cancelled" ? "amber" : status === "Success" || status === "Skipped" ? "green" : "blue");

/**
 * An execution as it runs: the overall progress bar, its details and outputs, and one row per
 * task with its current step and its own progress bar. Polls ListTaskExecutions every second
 * while the execution runs; Cancel asks the runner to stop (the rows show it finishing cleanly).
 */
export function ExecutionProgressView({
  regionId,
  initial,
  poll,
  cancel,
}: {
  regionId: string;
  initial: ExecutionView;
  poll: (input: { regionId: string; executionId: string }) => Promise<ActionResult<ExecutionView>>;
  cancel: (input: { regionId: string; executionId: string }) => Promise<ActionResult<void>>;
}) {
  const t = useTranslations("Oos.execution");
  const tSteps = useTranslations("Oos.steps");
  const tCommon = useTranslations("Common");
  const router = useRouter();
  const [failure, setFailure] = useState<{ code: string; message: string }>();
  const [isCancelling, startCancel] = useTransition();
  const query = useQuery({
    queryKey: ["oos", "execution", regionId, initial.executionId],
    queryFn: async () => {
      const result = await poll({ regionId, executionId: initial.executionId });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isExecutionRunning(q.state.data.status) ? POLL_MS : false),
    staleTime: 0,
  });
  const view = query.data;
  const running = isExecutionRunning(view.status);
  const items = view.tasks.filter((task) => task.taskName !== "getInstance");

  const onCancel = () =>
    startCancel(async () => {
      setFailure(undefined);
      const result = await cancel({ regionId, executionId: view.executionId });
      if (!result.ok) setFailure({ code: result.code, message: result.message });
      else {
        await query.refetch();
        router.refresh();
      }
    });

  return (
    <div className="space-y-4">
      <Card
        title={t("overall")}
        actions={
          running ? (
            <Button variant="danger" size="sm" onClick={onCancel} disabled={isCancelling}>
              <Ban aria-hidden className="size-4" />
              {isCancelling ? t("cancelling") : t("cancel")}
            </Button>
          ) : null
        }
      >
        <div className="flex items-center gap-3">
          <ExecutionStatusBadge status={view.status} />
          <ProgressBar value={view.progress} label={t("overallLabel", { progress: view.progress })} tone={toneOf(view.status)} />
          <span className="w-12 text-right text-sm tabular-nums text-slate-700">{view.progress}%</span>
        </div>
        {view.statusMessage ? <p className="mt-2 text-xs text-slate-600">{view.statusMessage}</p> : null}
      </Card>
      {failure ? <ErrorNotice message={failure.message} codeLabel={tCommon("errorCode", { code: failure.code })} /> : null}
      <Card title={t("details")}>
        <DescriptionList
          items={[
            { label: t("executedBy"), value: view.executedBy },
            { label: t("ramRole"), value: view.ramRole || t("asCaller"), mono: Boolean(view.ramRole) },
            { label: t("key"), value: view.kmsKeyId || "alias/acs/ecs", mono: true },
            { label: t("rateControl"), value: t("rateControlValue", { concurrency: String(view.concurrency), maxErrors: String(view.maxErrors) }) },
            { label: t("started"), value: view.startDate ? <Timestamp date={new Date(view.startDate)} /> : "—" },
            { label: t("ended"), value: view.endDate ? <Timestamp date={new Date(view.endDate)} /> : "—" },
            {
              label: t("outputs"),
              value: (
                <span className="font-mono text-[13px]">
                  <span className="block text-slate-500">systemDiskEncryptedInstances</span>
                  {view.outputs.length ? view.outputs.join(", ") : running ? "—" : t("noOutputs")}
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t("tasksTitle")}>
        <Table caption={t("tasksCaption")} className="[&_td]:px-3 [&_th]:px-3">
          <TableHead>
            <tr>
              <TableHeaderCell>{t("columns.instance")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.step")}</TableHeaderCell>
              <TableHeaderCell className="w-64">{t("columns.progress")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.message")}</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {view.tasks
              .filter((task) => task.taskName === "getInstance" && task.status === "Failed")
              .map((task) => (
                <TableRow key={task.taskExecutionId}>
                  <TableCell>{tSteps("getInstance")}</TableCell>
                  <TableCell>
                    <ExecutionStatusBadge status={task.status} />
                  </TableCell>
                  <TableCell>—</TableCell>
                  <TableCell>—</TableCell>
                  <TableCell className="text-xs text-red-700">{task.statusMessage}</TableCell>
                </TableRow>
              ))}
            {items.map((task) => {
              const progress = task.status === "Success" || task.status === "Skipped" ? 100 : task.progress;
              return (
                <TableRow key={task.taskExecutionId}>
                  <TableCell>
                    <Link href={`/${regionId}/instances/${task.instanceId}`} className="whitespace-nowrap font-mono text-[13px] text-blue-700 hover:underline">
                      {task.instanceId}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <ExecutionStatusBadge status={task.status} />
                  </TableCell>
                  <TableCell className="text-xs">
                    {task.step ? t("stepOf", { step: tSteps(task.step as "createSnapshot"), index: task.stepIndex + 1, count: task.stepCount }) : "—"}
                  </TableCell>
                  <TableCell>
                    <div className="flex items-center gap-2">
                      <ProgressBar value={progress} label={t("progressLabel", { instance: task.instanceId, progress })} tone={toneOf(task.status)} />
                      <span className="w-10 text-right text-xs tabular-nums text-slate-600">{progress}%</span>
                    </div>
                  </TableCell>
                  <TableCell className="max-w-xs text-xs text-slate-600">{task.statusMessage}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
