import type { RequestContext } from "@/lib/context";
import type { CloudCommand, CloudInvocation, CloudInvocationResult, Prisma } from "@/lib/generated/prisma/client";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { commandsArn } from "@/lib/ecs/cloud-assistant/commands";
import { cloudAssistantErrors } from "@/lib/ecs/cloud-assistant/errors";
import { liveOutput } from "@/lib/ecs/cloud-assistant/invocation-runner";
import { legacyInvokeStatus, overallStatus, recordStatus } from "@/lib/ecs/cloud-assistant/invocation-status";

export const RESULTS_PAGE_SIZE = { max: 50, default: 10 } as const;

export type Paging = { mode: "page"; pageNumber: number; pageSize: number } | { mode: "token"; nextToken?: string; maxResults: number };

/** One instance's result, with its output so far while it runs. */
export type ResultView = CloudInvocationResult & { commandId: string; commandType: string; recordStatus: string };

export type InvocationView = CloudInvocation & {
  command: CloudCommand | undefined;
  results: ResultView[];
  status: string;
  invokeStatus: string;
};

type Page<T> = { items: T[]; totalCount: number; pageNumber: number; pageSize: number; nextToken: string };

function withLiveOutput(result: CloudInvocationResult & { invocation: CloudInvocation }, commandType = ""): ResultView {
  const { invocation, ...rest } = result;
  const output = liveOutput(result.invocationId, result.instanceId) ?? result.output;
  return { ...rest, output, commandId: invocation.commandId, commandType, recordStatus: recordStatus(result.status) };
}

async function commandsById(ids: readonly string[]): Promise<Map<string, CloudCommand>> {
  const commands = await getRuntime().db.cloudCommand.findMany({ where: { id: { in: [...new Set(ids)] } } });
  return new Map(commands.map((c) => [c.id, c]));
}

/** ECS DescribeInvocationResults: per-instance results, newest invocation first. */
export function describeInvocationResults(
  ctx: RequestContext,
  input: { invokeId?: string; instanceId?: string; commandId?: string; invokeRecordStatus?: string; paging: Paging },
): Promise<Page<ResultView>> {
  const spec = { service: "ecs" as const, action: "DescribeInvocationResults", resourceArn: commandsArn(ctx.regionId) };
  return operation(ctx, spec, async () => {
    const invocation: Prisma.CloudInvocationWhereInput = { regionId: ctx.regionId };
    if (input.invokeId) invocation.id = input.invokeId;
    if (input.commandId) invocation.commandId = input.commandId;
    const rows = await getRuntime().db.cloudInvocationResult.findMany({
      where: { invocation, ...(input.instanceId ? { instanceId: input.instanceId } : {}) },
      include: { invocation: true },
      orderBy: [{ invocation: { createdAt: "desc" } }, { invocationId: "asc" }, { instanceId: "asc" }],
    });
    const commands = await commandsById(rows.map((r) => r.invocation.commandId));
    const views = rows
      .map((r) => withLiveOutput(r, commands.get(r.invocation.commandId)?.type))
      .filter((r) => !input.invokeRecordStatus || r.recordStatus === input.invokeRecordStatus);
    return page(views, input.paging);
  });
}

/** ECS DescribeInvocations: invocations with their overall status and per-instance states. */
export function describeInvocations(
  ctx: RequestContext,
  input: {
    invokeId?: string;
    commandId?: string;
    commandName?: string;
    commandType?: string;
    invokeStatus?: string;
    instanceId?: string;
    paging: Paging;
  },
): Promise<Page<InvocationView>> {
  const spec = { service: "ecs" as const, action: "DescribeInvocations", resourceArn: commandsArn(ctx.regionId) };
  return operation(ctx, spec, async () => {
    const { db } = getRuntime();
    const where: Prisma.CloudInvocationWhereInput = { regionId: ctx.regionId };
    if (input.invokeId) where.id = input.invokeId;
    if (input.commandId) where.commandId = input.commandId;
    if (input.instanceId) where.results = { some: { instanceId: input.instanceId } };
    const invocations = await db.cloudInvocation.findMany({
      where,
      include: { results: { include: { invocation: true }, orderBy: { instanceId: "asc" } } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    });
    const byId = await commandsById(invocations.map((i) => i.commandId));
    const views = invocations
      .map((invocation): InvocationView => {
        const results = invocation.results.map((r) => withLiveOutput(r, byId.get(invocation.commandId)?.type));
        const status = overallStatus(results.map((r) => r.status));
        return { ...invocation, command: byId.get(invocation.commandId), results, status, invokeStatus: legacyInvokeStatus(status) };
      })
      .filter((v) => !input.commandName || v.command?.name === input.commandName)
      .filter((v) => !input.commandType || v.command?.type === input.commandType)
      .filter((v) => !input.invokeStatus || v.invokeStatus === input.invokeStatus || v.status === input.invokeStatus);
    return page(views, input.paging);
  });
}

const TOKEN_PREFIX = "inv1.";

function page<T>(items: T[], paging: Paging): Page<T> {
  if (paging.mode === "page") {
    const start = (paging.pageNumber - 1) * paging.pageSize;
    return {
      items: items.slice(start, start + paging.pageSize),
      totalCount: items.length,
      pageNumber: paging.pageNumber,
      pageSize: paging.pageSize,
      nextToken: "",
    };
  }
  const start = paging.nextToken ? decodeToken(paging.nextToken) : 0;
  const end = start + paging.maxResults;
  return {
    items: items.slice(start, end),
    totalCount: items.length,
    pageNumber: Math.floor(start / paging.maxResults) + 1,
    pageSize: paging.maxResults,
    nextToken: end < items.length ? TOKEN_PREFIX + end.toString(36) : "",
  };
}

function decodeToken(token: string): number {
  const offset = token.startsWith(TOKEN_PREFIX) ? parseInt(token.slice(TOKEN_PREFIX.length), 36) : NaN;
  if (!Number.isSafeInteger(offset) || offset < 0) throw cloudAssistantErrors.invalidNextToken();
  return offset;
}
