import type { OosExecution, OosTaskExecution } from "@/lib/generated/prisma/client";
import { STEPS, type StepName, type TaskState } from "./steps";
import { TEMPLATE_ID } from "./template";

/** OOS dates: ISO 8601 UTC to the second ("2019-05-16T10:26:14Z"); "" while not set. */
export const oosDate = (date: Date | null | undefined) => (date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : "");

const LOOP_STATUSES = ["Success", "Failed", "Running", "Pending", "Skipped", "Cancelled"] as const;

/**
 * Counters over the loop's task executions (one per instance): Total, Success and Failed always
 * (the keys OOS's demo shows), the other statuses only when some task has them (api-extras §1.3).
 * A skipped instance (already encrypted) counts as Skipped.
 */
export function counters(tasks: readonly Pick<OosTaskExecution, "seq" | "status">[]): Record<string, number> {
  const items = tasks.filter((t) => t.seq > 0);
  const out: Record<string, number> = { Total: items.length, Success: 0, Failed: 0 };
  for (const status of LOOP_STATUSES) {
    const n = items.filter((t) => t.status === status).length;
    if (n > 0 || status === "Success" || status === "Failed") out[status] = n;
  }
  return out;
}

function currentTasks(tasks: readonly OosTaskExecution[]) {
  return tasks.filter((t) => t.status === "Running").map((t) => ({ TaskExecutionId: t.id, TaskName: t.taskName, TaskAction: t.taskAction }));
}

/** Shared by StartExecution (Parameters as a JSON string) and ListExecutions (as an object). */
function executionFields(execution: OosExecution, tasks: readonly OosTaskExecution[]) {
  return {
    ExecutionId: execution.id,
    TemplateId: TEMPLATE_ID,
    TemplateName: execution.templateName,
    TemplateVersion: execution.templateVersion,
    Mode: execution.mode,
    LoopMode: "Automatic",
    SafetyCheck: execution.safetyCheck,
    ExecutedBy: execution.executedBy,
    RamRole: execution.ramRole,
    StartDate: oosDate(execution.startDate),
    EndDate: oosDate(execution.endDate),
    CreateDate: oosDate(execution.startDate),
    UpdateDate: oosDate(execution.updatedAt),
    Status: execution.status,
    StatusMessage: execution.statusMessage,
    Outputs: execution.outputs,
    Counters: counters(tasks),
    IsParent: false,
    ParentExecutionId: "",
    Description: execution.description,
    ResourceGroupId: "",
    Tags: {},
    CurrentTasks: currentTasks(tasks),
  };
}

export function startedExecutionWire(execution: OosExecution, tasks: readonly OosTaskExecution[]) {
  return { ...executionFields(execution, tasks), Parameters: execution.parameters };
}

export function listedExecutionWire(execution: OosExecution, tasks: readonly OosTaskExecution[]) {
  return {
    ...executionFields(execution, tasks),
    Parameters: JSON.parse(execution.parameters) as object,
    StatusReason: execution.statusMessage,
    WaitingStatus: "",
    Targets: JSON.stringify((JSON.parse(execution.parameters) as { targets?: unknown }).targets ?? {}),
    Category: "Other",
    ResourceStatus: "",
  };
}

/** Where a task is: its step, its index among the steps, its progress (0–100). */
export function taskProgress(task: Pick<OosTaskExecution, "seq" | "status" | "step">): { step: string; stepIndex: number; stepCount: number; progress: number } {
  if (task.seq === 0) return { step: "", stepIndex: 0, stepCount: 1, progress: task.status === "Success" ? 100 : 0 };
  const index = Math.max(0, STEPS.indexOf(task.step as StepName));
  const done = task.status === "Success" || task.status === "Skipped";
  const progress = done ? 100 : task.status === "Pending" ? 0 : Math.floor((index / STEPS.length) * 100);
  return { step: task.step, stepIndex: index, stepCount: STEPS.length, progress };
}

export function taskExecutionWire(task: OosTaskExecution) {
  const state = JSON.parse(task.state) as TaskState & { properties?: object };
  const { step, stepIndex, stepCount, progress } = taskProgress(task);
  const { properties, ...recorded } = state;
  return {
    TaskExecutionId: task.id,
    ExecutionId: task.executionId,
    TemplateId: TEMPLATE_ID,
    TaskName: task.taskName,
    TaskAction: task.taskAction,
    Status: task.status,
    StatusMessage: task.statusMessage,
    StartDate: oosDate(task.startDate),
    EndDate: oosDate(task.endDate),
    CreateDate: oosDate(task.createdAt),
    UpdateDate: oosDate(task.updatedAt),
    Properties: JSON.stringify(properties ?? {}),
    Outputs: task.outputs,
    Loop: {},
    LoopItem: task.loopItem,
    LoopBatchNumber: task.seq > 0 ? task.seq : 0,
    ChildExecutionId: "",
    ParentTaskExecutionId: "",
    // DiskSeal's additions: the nested action's step and what it recorded.
    ExtraData: { CurrentStep: step, StepIndex: stepIndex, StepCount: stepCount, Progress: progress, ...recorded },
  };
}
