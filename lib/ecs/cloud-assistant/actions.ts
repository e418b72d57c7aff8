import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { bool, int, list, oneOf, str } from "@/lib/openapi/params";
import { createCommand, describeCommands, COMMANDS_PAGE_SIZE } from "@/lib/ecs/cloud-assistant/commands";
import { describeInvocationResults, describeInvocations, RESULTS_PAGE_SIZE, type Paging } from "@/lib/ecs/cloud-assistant/describe-invocations";
import { cloudAssistantErrors } from "@/lib/ecs/cloud-assistant/errors";
import { invokeCommand, runCommand } from "@/lib/ecs/cloud-assistant/invoke";
import { toCommandWire, toInvocationWire, toResultWire } from "@/lib/ecs/cloud-assistant/wire";

/**
 * Cloud Assistant's ECS 2014-05-26 actions (api-extras.md §5). CommandContent is PlainText by
 * default in RunCommand and Base64 in CreateCommand (ContentEncoding, case-insensitive; another
 * value counts as PlainText); Output is Base64 unless ContentEncoding=PlainText. Parameters
 * for what the emulator does not do (periodic runs, containers, OSS delivery, parameters) are
 * accepted and ignored; RepeatMode takes Once only.
 */
const instanceIds = () => list(str({ min: 1, max: 64 }), 1000);
const timeout = () => int({ min: 10, max: 86400 });

const isBase64 = (encoding: string | undefined, byDefault: boolean) =>
  encoding === undefined ? byDefault : encoding.toLowerCase() === "base64";

/** Strict base64 (what the SDKs send); anything else is InvalidParameter. */
function decodeContent(content: string, base64: boolean): string {
  if (!base64) return content;
  if (content.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw cloudAssistantErrors.invalidContent();
  return Buffer.from(content, "base64").toString("utf8");
}

function pagingOf(p: { PageNumber?: number; PageSize?: number; MaxResults?: number; NextToken?: string }, max: number): Paging {
  if (p.PageNumber !== undefined && p.PageNumber < 1) throw cloudAssistantErrors.invalidPageNumber();
  for (const size of [p.PageSize, p.MaxResults]) {
    if (size !== undefined && (size < 1 || size > max)) throw cloudAssistantErrors.invalidPageSize();
  }
  if (p.NextToken || p.MaxResults !== undefined) return { mode: "token", nextToken: p.NextToken || undefined, maxResults: p.MaxResults ?? 10 };
  return { mode: "page", pageNumber: p.PageNumber ?? 1, pageSize: p.PageSize ?? 10 };
}

const pagingParams = {
  PageNumber: int().optional(),
  PageSize: int().optional(),
  MaxResults: int().optional(),
  NextToken: str({ max: 256 }).optional(),
};

export const cloudAssistantActions: Record<string, ActionDefinition> = {
  RunCommand: defineAction(
    z.object({
      Type: str({ min: 1, max: 64 }),
      CommandContent: str({ min: 1, max: 64 * 1024 }),
      ContentEncoding: str({ max: 32 }).optional(),
      InstanceId: instanceIds(),
      Timeout: timeout().optional(),
      Name: str({ max: 1024 }).optional(),
      Description: str({ max: 4096 }).optional(),
      WorkingDir: str({ max: 200 }).optional(),
      KeepCommand: bool().optional(),
      RepeatMode: oneOf(["Once"]).optional(),
      Username: str({ max: 255 }).optional(),
    }),
    async (ctx, p) => {
      const result = await runCommand(ctx, {
        type: p.Type,
        content: decodeContent(p.CommandContent, isBase64(p.ContentEncoding, false)),
        instanceIds: p.InstanceId,
        timeoutSeconds: p.Timeout,
        name: p.Name,
        description: p.Description,
        workingDir: p.WorkingDir || undefined,
        keepCommand: p.KeepCommand,
      });
      return { CommandId: result.commandId, InvokeId: result.invokeId };
    },
  ),

  CreateCommand: defineAction(
    z.object({
      Name: str({ min: 1, max: 1024 }),
      Type: str({ min: 1, max: 64 }),
      CommandContent: str({ min: 1, max: 64 * 1024 }),
      ContentEncoding: str({ max: 32 }).optional(),
      Description: str({ max: 4096 }).optional(),
      WorkingDir: str({ max: 200 }).optional(),
      Timeout: timeout().optional(),
    }),
    async (ctx, p) => {
      const { commandId } = await createCommand(ctx, {
        name: p.Name,
        type: p.Type,
        content: decodeContent(p.CommandContent, isBase64(p.ContentEncoding, true)),
        description: p.Description,
        workingDir: p.WorkingDir || undefined,
        timeoutSeconds: p.Timeout,
      });
      return { CommandId: commandId };
    },
  ),

  InvokeCommand: defineAction(
    z.object({
      CommandId: str({ min: 1, max: 64 }),
      InstanceId: instanceIds(),
      Timeout: timeout().optional(),
      WorkingDir: str({ max: 200 }).optional(),
      RepeatMode: oneOf(["Once"]).optional(),
      Username: str({ max: 255 }).optional(),
    }),
    async (ctx, p) => {
      const { invokeId } = await invokeCommand(ctx, {
        commandId: p.CommandId,
        instanceIds: p.InstanceId,
        timeoutSeconds: p.Timeout,
        workingDir: p.WorkingDir || undefined,
      });
      return { InvokeId: invokeId };
    },
  ),

  DescribeInvocationResults: defineAction(
    z.object({
      InvokeId: str({ max: 64 }).optional(),
      InstanceId: str({ max: 64 }).optional(),
      CommandId: str({ max: 64 }).optional(),
      InvokeRecordStatus: str({ max: 32 }).optional(),
      ContentEncoding: str({ max: 32 }).optional(),
      IncludeHistory: bool().optional(),
      ...pagingParams,
    }),
    async (ctx, p) => {
      const page = await describeInvocationResults(ctx, {
        invokeId: p.InvokeId || undefined,
        instanceId: p.InstanceId || undefined,
        commandId: p.CommandId || undefined,
        invokeRecordStatus: p.InvokeRecordStatus || undefined,
        paging: pagingOf(p, RESULTS_PAGE_SIZE.max),
      });
      const base64 = isBase64(p.ContentEncoding, true);
      return {
        Invocation: {
          PageNumber: page.pageNumber,
          PageSize: page.pageSize,
          TotalCount: page.totalCount,
          NextToken: page.nextToken,
          InvocationResults: { InvocationResult: page.items.map((r) => toResultWire(r, base64)) },
        },
      };
    },
  ),

  DescribeInvocations: defineAction(
    z.object({
      InvokeId: str({ max: 64 }).optional(),
      CommandId: str({ max: 64 }).optional(),
      CommandName: str({ max: 1024 }).optional(),
      CommandType: str({ max: 64 }).optional(),
      InvokeStatus: str({ max: 32 }).optional(),
      InstanceId: str({ max: 64 }).optional(),
      ContentEncoding: str({ max: 32 }).optional(),
      IncludeOutput: bool().optional(),
      ...pagingParams,
    }),
    async (ctx, p) => {
      const page = await describeInvocations(ctx, {
        invokeId: p.InvokeId || undefined,
        commandId: p.CommandId || undefined,
        commandName: p.CommandName || undefined,
        commandType: p.CommandType || undefined,
        invokeStatus: p.InvokeStatus || undefined,
        instanceId: p.InstanceId || undefined,
        paging: pagingOf(p, RESULTS_PAGE_SIZE.max),
      });
      const base64 = isBase64(p.ContentEncoding, true);
      return {
        TotalCount: page.totalCount,
        PageNumber: page.pageNumber,
        PageSize: page.pageSize,
        NextToken: page.nextToken,
        Invocations: { Invocation: page.items.map((i) => toInvocationWire(i, base64, p.IncludeOutput === true)) },
      };
    },
  ),

  DescribeCommands: defineAction(
    z.object({
      CommandId: str({ max: 64 }).optional(),
      Name: str({ max: 1024 }).optional(),
      Type: str({ max: 64 }).optional(),
      ContentEncoding: str({ max: 32 }).optional(),
      PageNumber: int().optional(),
      PageSize: int().optional(),
    }),
    async (ctx, p) => {
      const paging = pagingOf({ PageNumber: p.PageNumber, PageSize: p.PageSize }, COMMANDS_PAGE_SIZE.max);
      const pageNumber = paging.mode === "page" ? paging.pageNumber : 1;
      const pageSize = paging.mode === "page" ? paging.pageSize : 10;
      const { commands, totalCount } = await describeCommands(ctx, {
        commandId: p.CommandId || undefined,
        name: p.Name || undefined,
        type: p.Type || undefined,
        pageNumber,
        pageSize,
      });
      const base64 = isBase64(p.ContentEncoding, true);
      return {
        TotalCount: totalCount,
        PageNumber: pageNumber,
        PageSize: pageSize,
        NextToken: "",
        Commands: { Command: commands.map((c) => toCommandWire(c, base64)) },
      };
    },
  ),
};
