import type { RequestContext } from "@/lib/context";
import { isEssdFamily, isRestrictedInstanceFamily } from "@/lib/ecs/catalog/restrictions";
import { listDisks } from "@/lib/ecs/disks/describe-disks";
import { describeInstances } from "@/lib/ecs/instances/describe-instances";
import { listExecutions, listTaskExecutions } from "./executions";
import { counters, oosDate, taskProgress } from "./wire";

/**
 * What the console's OOS pages read: the preview of a bulk encryption, one execution with its
 * tasks (polled while it runs), the history. Reads go through the same authorized services as
 * the API (DescribeInstances, DescribeDisks, ListTaskExecutions).
 */

/** What the template will do with an instance. */
export type PreviewVerdict = "willRestart" | "alreadyEncrypted" | "notEssd" | "restrictedFamily" | "notFound";

export type PreviewRow = {
  instanceId: string;
  name: string;
  status: string;
  instanceType: string;
  systemDiskId: string;
  systemDiskCategory: string;
  encrypted: boolean;
  kmsKeyId: string;
  verdict: PreviewVerdict;
};

export type PreviewTargets = { type: "ids"; instanceIds: string[] } | { type: "tag"; key: string; value: string };

export async function previewBulkEncryption(ctx: RequestContext, targets: PreviewTargets): Promise<PreviewRow[]> {
  const filter = targets.type === "ids" ? { instanceIds: targets.instanceIds } : { tags: [{ key: targets.key, value: targets.value }] };
  const page = await describeInstances(ctx, { filter, paging: { mode: "page", pageNumber: 1, pageSize: 100 } });
  const disks = await listDisks(ctx, {
    filter: { diskIds: page.instances.map((i) => i.systemDiskId).filter((id): id is string => Boolean(id)) },
    paging: { mode: "page", pageNumber: 1, pageSize: 100 },
  });
  const diskById = new Map(disks.disks.map((d) => [d.id, d]));
  const rows: PreviewRow[] = page.instances.map((instance) => {
    const disk = instance.systemDiskId ? diskById.get(instance.systemDiskId) : undefined;
    const verdict: PreviewVerdict = disk?.encrypted
      ? "alreadyEncrypted"
      : !disk || !isEssdFamily(disk.category)
        ? "notEssd"
        : isRestrictedInstanceFamily(instance.instanceType)
          ? "restrictedFamily"
          : "willRestart";
    return {
      instanceId: instance.id,
      name: instance.name,
      status: instance.status,
      instanceType: instance.instanceType,
      systemDiskId: disk?.id ?? "",
      systemDiskCategory: disk?.category ?? "",
      encrypted: disk?.encrypted ?? false,
      kmsKeyId: disk?.kmsKeyId ?? "",
      verdict,
    };
  });
  if (targets.type === "ids") {
    const found = new Set(rows.map((r) => r.instanceId));
    for (const id of targets.instanceIds) {
      if (!found.has(id)) {
        rows.push({ instanceId: id, name: "", status: "", instanceType: "", systemDiskId: "", systemDiskCategory: "", encrypted: false, kmsKeyId: "", verdict: "notFound" });
      }
    }
  }
  return rows;
}

export type TaskView = {
  taskExecutionId: string;
  taskName: string;
  instanceId: string;
  status: string;
  statusMessage: string;
  step: string;
  stepIndex: number;
  stepCount: number;
  progress: number;
};

export type ExecutionView = {
  executionId: string;
  status: string;
  statusMessage: string;
  executedBy: string;
  ramRole: string;
  startDate: string;
  endDate: string;
  kmsKeyId: string;
  concurrency: number | string;
  maxErrors: number | string;
  counters: Record<string, number>;
  /** Over the instances' tasks, 0–100. */
  progress: number;
  outputs: string[];
  tasks: TaskView[];
};

export async function getExecutionView(ctx: RequestContext, input: { executionId: string }): Promise<ExecutionView> {
  const { execution, tasks } = await listTaskExecutions(ctx, { executionId: input.executionId, maxResults: 1000 });
  const params = JSON.parse(execution.parameters) as { KMSKeyId: string; rateControl: { Concurrency: number | string; MaxErrors: number | string } };
  const views: TaskView[] = tasks.map((task) => ({
    taskExecutionId: task.id,
    taskName: task.taskName,
    instanceId: task.loopItem,
    status: task.status,
    statusMessage: task.statusMessage,
    ...taskProgress(task),
  }));
  const items = views.filter((t) => t.taskName !== "getInstance");
  const ended = ["Success", "Failed", "Cancelled"].includes(execution.status);
  const progress = items.length ? Math.floor(items.reduce((sum, t) => sum + (isTaskDone(t.status) ? 100 : t.progress), 0) / items.length) : ended ? 100 : 0;
  return {
    executionId: execution.id,
    status: execution.status,
    statusMessage: execution.statusMessage,
    executedBy: execution.executedBy,
    ramRole: execution.ramRole,
    startDate: oosDate(execution.startDate),
    endDate: oosDate(execution.endDate),
    kmsKeyId: params.KMSKeyId,
    concurrency: params.rateControl.Concurrency,
    maxErrors: params.rateControl.MaxErrors,
    counters: counters(tasks),
    progress,
    outputs: (JSON.parse(execution.outputs) as { systemDiskEncryptedInstances?: string[] }).systemDiskEncryptedInstances ?? [],
    tasks: views,
  };
}

const isTaskDone = (status: string) => ["Success", "Skipped", "Failed", "Cancelled"].includes(status);

export type ExecutionSummary = { executionId: string; status: string; startDate: string; endDate: string; executedBy: string; counters: Record<string, number> };

/** The history: the region's executions, newest first (ListExecutions, authorized and audited). */
export async function listExecutionSummaries(ctx: RequestContext): Promise<ExecutionSummary[]> {
  const { executions } = await listExecutions(ctx, {}, { maxResults: 100 });
  return executions.map((e) => ({
    executionId: e.id,
    status: e.status,
    startDate: oosDate(e.startDate),
    endDate: oosDate(e.endDate),
    executedBy: e.executedBy,
    counters: counters(e.tasks),
  }));
}
