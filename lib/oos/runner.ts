import { now } from "@/lib/clock";
import { AppError, isAppError } from "@/lib/errors";
import type { OosExecution, OosTaskExecution } from "@/lib/generated/prisma/client";
import { getRuntime, processSingleton } from "@/lib/runtime";
import { describeInstances } from "@/lib/ecs/instances/describe-instances";
import { actingContext } from "./acting-context";
import { newTaskExecutionId } from "./ids";
import { parseParameters, resolveAmount, type BulkEncryptParameters } from "./parameters";
import { deleteTemporaryResources, FIRST_DISRUPTIVE_STEP, STEP_RUNNERS, STEPS, type StepInput, type StepName, type TaskState } from "./steps";

/**
 * Runs the executions: a loop, started with the server (server/domains.ts), that reads the
 * unfinished executions from the database on every tick and moves each one on. Everything it
 * needs is in the rows — the step each task is in and the ids it recorded — so after a kill the
 * next process picks every execution up where it was (an execution is never held only in
 * memory). Per execution and tick:
 * 1. no tasks yet: `getInstance` selects the targets (DescribeInstances as the acting principal)
 *    and creates one `encryptSystemDisk` task per instance, all in one transaction;
 * 2. a cancel: tasks not started are Cancelled; started ones are abandoned (their temporary
 *    images and snapshot deleted) unless they already stopped the instance — those finish, so no
 *    instance is left stopped or half-way;
 * 3. more failures than MaxErrors: nothing more is launched (the rest Cancelled);
 * 4. otherwise tasks are launched up to Concurrency, and every running task is advanced;
 * 5. when every task ended, the execution ends: Cancelled, Failed (failures > MaxErrors) or
 *    Success, with `systemDiskEncryptedInstances` read from the disks as they are.
 */
export const TERMINAL = ["Success", "Skipped", "Failed", "Cancelled"] as const;
const isTerminal = (status: string) => (TERMINAL as readonly string[]).includes(status);

export const LOOP_TASK = { name: "encryptSystemDisk", action: "ACS::ECS::EncryptSystemDisk" } as const;
export const SELECT_TASK = { name: "getInstance", action: "ACS::SelectTargets" } as const;

class Runner {
  private timer?: NodeJS.Timeout;
  private ticking?: Promise<void>;
  private again = false;
  /** Tasks being advanced now (a tick never advances one twice at once). */
  private readonly inFlight = new Map<string, Promise<void>>();

  start(): void {
    this.stop();
    const { transitionMs } = getRuntime().config;
    // Often enough that waits end soon after the transitions they wait for.
    const tickMs = Math.min(250, Math.max(20, Math.floor(transitionMs / 4)));
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits for the tasks being advanced (shutdown: let a step finish its call and record it). */
  async settle(): Promise<void> {
    await this.ticking;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** A tick now (StartExecution, CancelExecution), shared with one already running. */
  tick(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      do {
        this.again = false;
        const { db } = getRuntime();
        const executions = await db.oosExecution.findMany({ where: { status: { in: ["Started", "Running"] } }, orderBy: { startDate: "asc" } });
        for (const execution of executions) {
          try {
            await this.drive(execution);
          } catch (error) {
            console.error(`oos: execution ${execution.id}`, error);
          }
        }
      } while (this.again);
    })()
      .catch((error: unknown) => console.error("oos: tick failed", error))
      .finally(() => {
        this.ticking = undefined;
      });
    return this.ticking;
  }

  private async drive(execution: OosExecution): Promise<void> {
    const { db } = getRuntime();
    const params = parseParameters(execution.parameters, execution.regionId);
    let tasks = await db.oosTaskExecution.findMany({ where: { executionId: execution.id }, orderBy: { seq: "asc" } });
    if (tasks.length === 0) {
      if (execution.cancelRequested) return finish(execution, "Cancelled", "");
      tasks = await selectTargets(execution, params);
      if (tasks.length === 0) return;
    }
    const select = tasks[0];
    if (select.status === "Failed") return finish(execution, "Failed", select.statusMessage);
    const items = tasks.slice(1);
    const limits = {
      concurrency: Math.max(1, resolveAmount(params.rateControl.Concurrency, items.length)),
      maxErrors: resolveAmount(params.rateControl.MaxErrors, items.length),
    };
    const failed = items.filter((t) => t.status === "Failed").length;
    const stopLaunching = execution.cancelRequested || failed > limits.maxErrors;
    if (stopLaunching) {
      const reason = execution.cancelRequested ? "Cancelled before it started." : "Not started: more tasks failed than MaxErrors allows.";
      await db.oosTaskExecution.updateMany({
        where: { executionId: execution.id, status: "Pending" },
        data: { status: "Cancelled", statusMessage: reason, endDate: now(), updatedAt: now() },
      });
    } else {
      let running = items.filter((t) => t.status === "Running").length;
      for (const task of items) {
        if (running >= limits.concurrency) break;
        if (task.status !== "Pending") continue;
        await db.oosTaskExecution.update({
          where: { id: task.id },
          data: { status: "Running", step: STEPS[0], startDate: now(), updatedAt: now() },
        });
        task.status = "Running";
        task.step = STEPS[0];
        running++;
      }
    }
    for (const task of items) {
      if (task.status === "Running" && !this.inFlight.has(task.id)) {
        const advancing = advance(execution, params, task)
          .catch((error: unknown) => console.error(`oos: task ${task.id}`, error))
          .finally(() => this.inFlight.delete(task.id));
        this.inFlight.set(task.id, advancing);
      }
    }
    const fresh = await db.oosTaskExecution.findMany({ where: { executionId: execution.id, seq: { gt: 0 } }, select: { status: true } });
    if (fresh.every((t) => isTerminal(t.status))) {
      const failures = fresh.filter((t) => t.status === "Failed").length;
      if (execution.cancelRequested) return finish(execution, "Cancelled", "");
      if (failures > limits.maxErrors) {
        return finish(execution, "Failed", `${failures} of ${fresh.length} tasks failed (MaxErrors ${limits.maxErrors}).`);
      }
      return finish(execution, "Success", "");
    }
  }
}

export function getOosRunner(): Runner {
  return processSingleton("oos.runner", () => new Runner());
}

/**
 * getInstance (ACS::SelectTargets): the target instances, by id or by tag, as the acting
 * principal sees them with DescribeInstances. An id that does not exist fails the task (and
 * the execution). The selection and the loop's tasks are written in one transaction.
 */
async function selectTargets(execution: OosExecution, params: BulkEncryptParameters): Promise<OosTaskExecution[]> {
  const { db } = getRuntime();
  const at = now();
  const base = { executionId: execution.id, taskName: SELECT_TASK.name, taskAction: SELECT_TASK.action, createdAt: at, updatedAt: at, startDate: at };
  let instanceIds: string[];
  try {
    instanceIds = await resolveTargets(execution, params);
  } catch (error) {
    const message = errorMessage(error);
    await db.$transaction([
      db.oosTaskExecution.create({ data: { id: newTaskExecutionId(execution.regionId), seq: 0, ...base, status: "Failed", statusMessage: message, endDate: at } }),
      db.oosExecution.update({ where: { id: execution.id }, data: { status: "Running", updatedAt: at } }),
    ]);
    return db.oosTaskExecution.findMany({ where: { executionId: execution.id }, orderBy: { seq: "asc" } });
  }
  const properties = { regionId: params.regionId, KMSKeyId: params.KMSKeyId };
  await db.$transaction([
    db.oosTaskExecution.create({
      data: { id: newTaskExecutionId(execution.regionId), seq: 0, ...base, status: "Success", endDate: at, outputs: JSON.stringify({ instanceIds }) },
    }),
    ...instanceIds.map((instanceId, i) =>
      db.oosTaskExecution.create({
        data: {
          id: newTaskExecutionId(execution.regionId),
          executionId: execution.id,
          seq: i + 1,
          taskName: LOOP_TASK.name,
          taskAction: LOOP_TASK.action,
          loopItem: instanceId,
          status: "Pending",
          state: JSON.stringify({ properties: { ...properties, instanceId } }),
          createdAt: at,
          updatedAt: at,
        },
      }),
    ),
    db.oosExecution.update({ where: { id: execution.id }, data: { status: "Running", updatedAt: at } }),
  ]);
  return db.oosTaskExecution.findMany({ where: { executionId: execution.id }, orderBy: { seq: "asc" } });
}

async function resolveTargets(execution: OosExecution, params: BulkEncryptParameters): Promise<string[]> {
  const ctx = actingContext(execution);
  const targets = params.targets;
  const filter = targets.Type === "ResourceIds" ? { instanceIds: targets.ResourceIds } : { tags: targets.Tags.map((t) => ({ key: t.Key, value: t.Value })) };
  const found: string[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await describeInstances(ctx, { filter, paging: { mode: "page", pageNumber, pageSize: 100 } });
    found.push(...page.instances.map((i) => i.id));
    if (found.length >= page.totalCount || page.instances.length === 0) break;
  }
  if (targets.Type === "Tags") return found.sort();
  const missing = targets.ResourceIds.filter((id) => !found.includes(id));
  if (missing.length) throw new AppError("InvalidInstanceId.NotFound", `The specified InstanceId does not exist: ${missing.join(", ")}.`, 404);
  return [...new Set(targets.ResourceIds)];
}

/**
 * Moves a running task on from the step it is in, until it has to wait or ends. Each step's
 * result and the ids it recorded are written before the next step runs.
 */
async function advance(execution: OosExecution, params: BulkEncryptParameters, task: OosTaskExecution): Promise<void> {
  const { db } = getRuntime();
  const stored = JSON.parse(task.state) as TaskState & { properties?: unknown };
  const input: StepInput = {
    ctx: actingContext(execution),
    taskId: task.id,
    executionId: execution.id,
    instanceId: task.loopItem,
    kmsKeyId: params.KMSKeyId,
    state: stored,
  };
  let step = (task.step || STEPS[0]) as StepName;
  const save = (data: Partial<OosTaskExecution>) =>
    db.oosTaskExecution.update({ where: { id: task.id }, data: { ...data, state: JSON.stringify(input.state), updatedAt: now() } });
  for (;;) {
    const current = await db.oosExecution.findUnique({ where: { id: execution.id }, select: { cancelRequested: true } });
    if (!current) return; // reset meanwhile
    if (current.cancelRequested && STEPS.indexOf(step) < STEPS.indexOf(FIRST_DISRUPTIVE_STEP)) {
      await tidyUp(input);
      await save({ status: "Cancelled", statusMessage: "Cancelled before the instance was stopped.", endDate: now() });
      return;
    }
    let result;
    try {
      result = await STEP_RUNNERS[step](input);
    } catch (error) {
      // Tidied up before the task is marked Failed: killed in between, the step runs again on
      // the next start (and fails again, or goes on) rather than leaving its images behind.
      await tidyUp(input);
      await save({ step, status: "Failed", statusMessage: `${step}: ${errorMessage(error)}`, endDate: now() });
      return;
    }
    if ("wait" in result) {
      await save({ step });
      return;
    }
    if ("end" in result) {
      const encrypted = result.end === "Skipped" || result.end === "Success";
      await save({
        step,
        status: result.end,
        statusMessage: result.end === "Skipped" ? "The system disk is already encrypted." : "",
        outputs: JSON.stringify(encrypted ? { systemDiskEncryptedInstance: task.loopItem } : {}),
        endDate: now(),
      });
      return;
    }
    step = STEPS[STEPS.indexOf(step) + 1];
    await save({ step });
  }
}

/** After a failure or a cancel: the temporary images and snapshot go, as far as they can. */
async function tidyUp(input: StepInput): Promise<void> {
  try {
    await deleteTemporaryResources(input);
  } catch (error) {
    console.error(`oos: tidying up task ${input.taskId}`, errorMessage(error));
  }
}

async function finish(execution: OosExecution, status: string, statusMessage: string): Promise<void> {
  const { db } = getRuntime();
  const items = await db.oosTaskExecution.findMany({ where: { executionId: execution.id, seq: { gt: 0 } }, select: { loopItem: true } });
  const encrypted = await systemDiskEncryptedInstances(items.map((t) => t.loopItem));
  await db.oosExecution.updateMany({
    where: { id: execution.id, status: { in: ["Started", "Running"] } },
    data: { status, statusMessage, outputs: JSON.stringify({ systemDiskEncryptedInstances: encrypted }), endDate: now(), updatedAt: now() },
  });
}

/** The template's output: of the targets, those whose system disk is encrypted now. */
async function systemDiskEncryptedInstances(instanceIds: string[]): Promise<string[]> {
  const { db } = getRuntime();
  const instances = await db.instance.findMany({ where: { id: { in: instanceIds } }, select: { id: true, systemDiskId: true } });
  const diskIds = instances.map((i) => i.systemDiskId).filter((id): id is string => Boolean(id));
  const encrypted = new Set((await db.disk.findMany({ where: { id: { in: diskIds }, encrypted: true }, select: { id: true } })).map((d) => d.id));
  const ok = new Set(instances.filter((i) => i.systemDiskId && encrypted.has(i.systemDiskId)).map((i) => i.id));
  return instanceIds.filter((id) => ok.has(id));
}

export function errorMessage(error: unknown): string {
  if (isAppError(error)) return `${error.code}: ${error.message}`;
  return `InternalError: ${error instanceof Error ? error.message : String(error)}`;
}
