import { z } from "zod";
import { defineAction, type ActionDefinition } from "@/lib/openapi/action";
import { int, oneOf, str } from "@/lib/openapi/params";
import { cancelExecution, listExecutions, listTaskExecutions, startExecution } from "./executions";
import { getTemplate, listTemplates } from "./templates";
import { listedExecutionWire, startedExecutionWire, taskExecutionWire } from "./wire";
import { templateWire } from "./template";

/**
 * The OOS 2019-06-01 actions (api-extras.md §1), served by lib/openapi/products.ts. OOS's lists
 * are bare JSON arrays (`Executions: [...]`), unlike ECS's `{X:{Y:[]}}`.
 */
const isoDate = () =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/).transform((v) => new Date(v));
const EXECUTION_STATUSES = ["Started", "Queued", "Running", "Waiting", "Success", "Failed", "Cancelled", "Pending", "Skipped"] as const;
const name = () => str({ min: 1, max: 200 }).regex(/^[A-Za-z0-9_-]+$/);

const startExecutionParams = z.object({
  TemplateName: name(),
  TemplateVersion: str({ max: 20 }).optional(),
  Mode: oneOf(["Automatic", "FailurePause", "Debug"]).optional(),
  LoopMode: oneOf(["Automatic", "FirstBatchPause", "EveryBatchPause"]).optional(),
  SafetyCheck: oneOf(["Skip", "ConfirmEveryHighRiskAction"]).optional(),
  Parameters: str({ max: 100_000 }).optional(),
  Description: str({ max: 200 }).optional(),
  ClientToken: str({ max: 64 }).optional(),
  Tags: str().optional(),
  ResourceGroupId: str().optional(),
  ParentExecutionId: str().optional(),
  TemplateContent: str({ max: 100_000 }).optional(),
  TemplateURL: str().optional(),
});

const listExecutionsParams = z.object({
  ExecutionId: str({ max: 64 }).optional(),
  Status: oneOf(EXECUTION_STATUSES).optional(),
  TemplateName: str({ max: 200 }).optional(),
  RamRole: str({ max: 64 }).optional(),
  ExecutedBy: str({ max: 200 }).optional(),
  Mode: oneOf(["Automatic", "FailurePause", "Debug"]).optional(),
  StartDateAfter: isoDate().optional(),
  StartDateBefore: isoDate().optional(),
  MaxResults: int({ min: 10, max: 100 }).optional(),
  NextToken: str({ max: 256 }).optional(),
  SortField: oneOf(["StartDate", "EndDate", "Status"]).optional(),
  SortOrder: oneOf(["Ascending", "Descending"]).optional(),
  IncludeChildExecution: str().optional(),
  Category: str().optional(),
  ResourceGroupId: str().optional(),
});

const listTaskExecutionsParams = z.object({
  ExecutionId: str({ min: 1, max: 64 }),
  TaskExecutionId: str({ max: 64 }).optional(),
  TaskName: str({ max: 200 }).optional(),
  TaskAction: str({ max: 200 }).optional(),
  Status: oneOf(EXECUTION_STATUSES).optional(),
  MaxResults: int({ min: 20, max: 100 }).optional(),
  NextToken: str({ max: 256 }).optional(),
  IncludeChildTaskExecution: str().optional(),
  SortField: str().optional(),
  SortOrder: str().optional(),
});

const listTemplatesParams = z.object({
  TemplateName: str({ max: 200 }).optional(),
  CreatedBy: str({ max: 64 }).optional(),
  ShareType: oneOf(["Public", "Private"]).optional(),
  TemplateType: str({ max: 64 }).optional(),
  TemplateFormat: oneOf(["JSON", "YAML"]).optional(),
  Category: str({ max: 64 }).optional(),
  MaxResults: int({ min: 10, max: 100 }).optional(),
  NextToken: str({ max: 256 }).optional(),
  SortField: str().optional(),
  SortOrder: str().optional(),
});

export const oosActions: Record<string, ActionDefinition> = {
  StartExecution: defineAction(startExecutionParams, async (ctx, p) => {
    const execution = await startExecution(ctx, {
      templateName: p.TemplateName,
      templateVersion: p.TemplateVersion,
      parameters: p.Parameters,
      mode: p.Mode,
      loopMode: p.LoopMode,
      safetyCheck: p.SafetyCheck,
      description: p.Description,
    });
    return { Execution: startedExecutionWire(execution, execution.tasks) };
  }),

  ListExecutions: defineAction(listExecutionsParams, async (ctx, p) => {
    const maxResults = p.MaxResults ?? 50;
    const page = await listExecutions(
      ctx,
      {
        executionId: p.ExecutionId,
        status: p.Status,
        templateName: p.TemplateName,
        ramRole: p.RamRole,
        executedBy: p.ExecutedBy,
        startDateAfter: p.StartDateAfter,
        startDateBefore: p.StartDateBefore,
      },
      { maxResults, nextToken: p.NextToken, sortField: p.SortField, sortOrder: p.SortOrder },
    );
    return {
      MaxResults: maxResults,
      NextToken: page.nextToken,
      Executions: page.executions.map((e) => listedExecutionWire(e, e.tasks)),
    };
  }),

  ListTaskExecutions: defineAction(listTaskExecutionsParams, async (ctx, p) => {
    const maxResults = p.MaxResults ?? 50;
    const page = await listTaskExecutions(ctx, {
      executionId: p.ExecutionId,
      filter: { status: p.Status, taskName: p.TaskName, taskAction: p.TaskAction, taskExecutionId: p.TaskExecutionId },
      maxResults,
      nextToken: p.NextToken,
    });
    return { MaxResults: maxResults, NextToken: page.nextToken, TaskExecutions: page.tasks.map(taskExecutionWire) };
  }),

  CancelExecution: defineAction(z.object({ ExecutionId: str({ min: 1, max: 64 }) }), async (ctx, p) => {
    await cancelExecution(ctx, { executionId: p.ExecutionId });
    return {};
  }),

  ListTemplates: defineAction(listTemplatesParams, async (ctx, p) => {
    const templates = await listTemplates(ctx, {
      templateName: p.TemplateName,
      createdBy: p.CreatedBy,
      shareType: p.ShareType,
      templateType: p.TemplateType,
      templateFormat: p.TemplateFormat,
      category: p.Category,
    });
    return {
      MaxResults: p.MaxResults ?? 50,
      NextToken: "",
      Templates: templates.map((t) => ({ ...t, Popularity: 10, TotalExecutionCount: -1, IsFavorite: false, Constraints: "" })),
    };
  }),

  GetTemplate: defineAction(z.object({ TemplateName: name(), TemplateVersion: str({ max: 20 }).optional() }), async (ctx, p) => {
    const { content, template } = await getTemplate(ctx, { templateName: p.TemplateName, templateVersion: p.TemplateVersion });
    return { Content: content, Template: template satisfies ReturnType<typeof templateWire> };
  }),
};
