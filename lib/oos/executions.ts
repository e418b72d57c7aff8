import { now } from "@/lib/clock";
import { principalName, type RequestContext } from "@/lib/context";
import type { OosExecution, OosTaskExecution, Prisma } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import { ramErrors } from "@/lib/ram/errors";
import { findRoleRow, roleArn } from "@/lib/ram/roles";
import { oosErrors } from "./errors";
import { newExecutionId } from "./ids";
import { parseParameters } from "./parameters";
import { getOosRunner } from "./runner";
import { TEMPLATE_NAME, TEMPLATE_VERSION } from "./template";

export type ExecutionWithTasks = OosExecution & { tasks: OosTaskExecution[] };

export type StartExecutionInput = {
  templateName: string;
  templateVersion?: string;
  /** The Parameters JSON text. */
  parameters?: string;
  mode?: string;
  loopMode?: string;
  safetyCheck?: string;
  description?: string;
};

const executionArn = (regionId: string, id: string) => arn("oos", regionId, getRuntime().accountId, `execution/${id}`);
const templateArn = (regionId: string) => arn("oos", regionId, getRuntime().accountId, `template/${TEMPLATE_NAME}`);

/**
 * OOS StartExecution of ACS-ECS-BulkyEncryptSystemDisk. Order: authorization (oos:StartExecution
 * on the template) → the template (404 EntityNotExists.Template) → the parameters (400
 * InvalidParameter) → OOSAssumeRole exists (404 EntityNotExist.Role) → the execution is written
 * `Started`; the runner does the rest in the background. Only Mode Automatic runs (FailurePause
 * and Debug pause for a person, which this emulator has no console flow for: 400
 * InvalidParameter). SafetyCheck ConfirmEveryHighRiskAction is accepted and treated as Skip: no
 * step waits for an approval (lib/oos/README.md).
 */
export function startExecution(ctx: RequestContext, input: StartExecutionInput): Promise<ExecutionWithTasks> {
  return operation(ctx, { service: "oos", action: "StartExecution", resourceArn: templateArn(ctx.regionId) }, async (op) => {
    const { db } = getRuntime();
    if (input.templateName !== TEMPLATE_NAME) throw oosErrors.templateNotFound();
    if (input.templateVersion && input.templateVersion !== TEMPLATE_VERSION) throw oosErrors.templateNotFound();
    if (input.mode && input.mode !== "Automatic") throw oosErrors.invalidParameter();
    const params = parseParameters(input.parameters ?? "{}", ctx.regionId);
    const role = params.OOSAssumeRole ? await findRoleRow(params.OOSAssumeRole) : undefined;
    if (params.OOSAssumeRole && !role) throw ramErrors.roleNotFound(roleArn(params.OOSAssumeRole));
    const at = now();
    const id = newExecutionId(params.regionId);
    op.resourceArn = executionArn(params.regionId, id);
    const execution = await db.oosExecution.create({
      data: {
        id,
        regionId: params.regionId,
        templateName: TEMPLATE_NAME,
        templateVersion: TEMPLATE_VERSION,
        mode: "Automatic",
        safetyCheck: input.safetyCheck ?? "ConfirmEveryHighRiskAction",
        status: "Started",
        parameters: JSON.stringify(params),
        executedBy: principalName(ctx.principal),
        caller: JSON.stringify(ctx.principal),
        ramRole: role?.name ?? "",
        description: input.description ?? "",
        startEventId: op.eventId,
        startDate: at,
        updatedAt: at,
      },
      include: { tasks: true },
    });
    void getOosRunner().tick();
    return execution;
  });
}

export type ExecutionFilter = {
  executionId?: string;
  status?: string;
  templateName?: string;
  ramRole?: string;
  executedBy?: string;
  startDateAfter?: Date;
  startDateBefore?: Date;
};

export type ExecutionPaging = { maxResults: number; nextToken?: string; sortOrder?: "Ascending" | "Descending"; sortField?: "StartDate" | "EndDate" | "Status" };

/** OOS ListExecutions: newest first by default; an unknown ExecutionId is an empty list, not an error. */
export function listExecutions(
  ctx: RequestContext,
  filter: ExecutionFilter = {},
  paging: ExecutionPaging = { maxResults: 50 },
): Promise<{ executions: ExecutionWithTasks[]; nextToken: string }> {
  const resourceArn = arn("oos", ctx.regionId, getRuntime().accountId, "execution/*");
  return operation(ctx, { service: "oos", action: "ListExecutions", resourceArn }, () => queryExecutions(ctx.regionId, filter, paging));
}

/** The ListExecutions query without authorization or audit (the console's history reads it too). */
export async function queryExecutions(regionId: string, filter: ExecutionFilter, paging: ExecutionPaging) {
  const { db } = getRuntime();
  const where: Prisma.OosExecutionWhereInput = {
    regionId,
    ...(filter.executionId ? { id: filter.executionId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.templateName ? { templateName: { contains: filter.templateName } } : {}),
    ...(filter.ramRole ? { ramRole: filter.ramRole } : {}),
    ...(filter.executedBy ? { executedBy: filter.executedBy } : {}),
    ...(filter.startDateAfter || filter.startDateBefore
      ? { startDate: { ...(filter.startDateAfter ? { gte: filter.startDateAfter } : {}), ...(filter.startDateBefore ? { lte: filter.startDateBefore } : {}) } }
      : {}),
  };
  const skip = decodeToken(paging.nextToken);
  const direction = paging.sortOrder === "Ascending" ? "asc" : "desc";
  const field = paging.sortField === "EndDate" ? "endDate" : paging.sortField === "Status" ? "status" : "startDate";
  const rows = await db.oosExecution.findMany({
    where,
    orderBy: [{ [field]: direction }, { id: direction }],
    skip,
    take: paging.maxResults + 1,
    include: { tasks: { orderBy: { seq: "asc" } } },
  });
  const more = rows.length > paging.maxResults;
  return { executions: rows.slice(0, paging.maxResults), nextToken: more ? encodeToken(skip + paging.maxResults) : "" };
}

export type TaskFilter = { status?: string; taskName?: string; taskAction?: string; taskExecutionId?: string };

/** OOS ListTaskExecutions: the execution's tasks in order (404 EntityNotExists.Execution). */
export function listTaskExecutions(
  ctx: RequestContext,
  input: { executionId: string; filter?: TaskFilter; maxResults?: number; nextToken?: string },
): Promise<{ execution: OosExecution; tasks: OosTaskExecution[]; nextToken: string }> {
  const resourceArn = executionArn(ctx.regionId, input.executionId);
  return operation(ctx, { service: "oos", action: "ListTaskExecutions", resourceArn }, async () => {
    const { db } = getRuntime();
    const execution = await getExecutionOrThrow(ctx.regionId, input.executionId);
    const filter = input.filter ?? {};
    const skip = decodeToken(input.nextToken);
    const take = input.maxResults ?? 50;
    const rows = await db.oosTaskExecution.findMany({
      where: {
        executionId: execution.id,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.taskName ? { taskName: filter.taskName } : {}),
        ...(filter.taskAction ? { taskAction: filter.taskAction } : {}),
        ...(filter.taskExecutionId ? { id: filter.taskExecutionId } : {}),
      },
      orderBy: { seq: "asc" },
      skip,
      take: take + 1,
    });
    return { execution, tasks: rows.slice(0, take), nextToken: rows.length > take ? encodeToken(skip + take) : "" };
  });
}

/**
 * OOS CancelExecution: no task starts any more; the runner abandons the tasks that have not yet
 * stopped their instance (deleting their temporary images and snapshot) and lets those that did
 * finish, so every instance keeps a working system disk. The execution ends Cancelled once they
 * have. Cancelling an execution that already ended changes nothing.
 */
export function cancelExecution(ctx: RequestContext, input: { executionId: string }): Promise<void> {
  return operation(ctx, { service: "oos", action: "CancelExecution", resourceArn: executionArn(ctx.regionId, input.executionId) }, async () => {
    const { db } = getRuntime();
    const execution = await getExecutionOrThrow(ctx.regionId, input.executionId);
    if (execution.status !== "Started" && execution.status !== "Running") return;
    await db.oosExecution.update({ where: { id: execution.id }, data: { cancelRequested: true, updatedAt: now() } });
    void getOosRunner().tick();
  });
}

export async function getExecutionOrThrow(regionId: string, executionId: string): Promise<OosExecution> {
  const execution = await getRuntime().db.oosExecution.findUnique({ where: { id: executionId } });
  if (!execution || execution.regionId !== regionId) throw oosErrors.executionNotFound();
  return execution;
}

function decodeToken(token?: string): number {
  if (!token) return 0;
  const n = Number(Buffer.from(token, "base64url").toString());
  if (!Number.isInteger(n) || n < 0) throw oosErrors.invalidParameter();
  return n;
}

const encodeToken = (offset: number) => Buffer.from(String(offset)).toString("base64url");
