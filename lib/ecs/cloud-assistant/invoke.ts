import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import type { CloudCommand } from "@/lib/generated/prisma/client";
import { resourceId } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { operation } from "@/lib/service/operation";
import { authorize } from "@/lib/ram/authorize";
import { instanceArn } from "@/lib/ecs/instances/instance-lookup";
import { cloudAssistantErrors } from "@/lib/ecs/cloud-assistant/errors";
import { dispatchInvocation } from "@/lib/ecs/cloud-assistant/invocation-runner";
import { commandOsType } from "@/lib/ecs/cloud-assistant/invocation-status";
import {
  assertCommandSpec,
  commandsArn,
  DEFAULT_TIMEOUT_SECONDS,
  getCommandOrThrow,
  MAX_INSTANCES_PER_INVOCATION,
  type CommandSpec,
} from "@/lib/ecs/cloud-assistant/commands";

/**
 * ECS RunCommand: runs a script on instances at once (PlainText by default) through an ad-hoc
 * command (kept, and listed by DescribeCommands, with KeepCommand). Every instance must exist
 * (404 InvalidInstance.NotFound) and run the command's OS (403 InvalidInstance.NotMatch: a shell
 * script on Windows, PowerShell on Linux); a stopped instance fails in its own result.
 */
export function runCommand(
  ctx: RequestContext,
  input: CommandSpec & { instanceIds: string[]; keepCommand?: boolean },
): Promise<{ commandId: string; invokeId: string }> {
  return operation(ctx, { service: "ecs", action: "RunCommand", resourceArn: commandsArn(ctx.regionId) }, async () => {
    assertCommandSpec(input, input.keepCommand === true);
    await authorizeInstances(ctx, "ecs:RunCommand", input.instanceIds);
    const targets = await lookUpTargets(ctx.regionId, input.instanceIds, input.type);
    const command = await getRuntime().db.cloudCommand.create({
      data: {
        id: resourceId("c", ctx.regionId),
        regionId: ctx.regionId,
        name: input.name ?? "",
        description: input.description ?? "",
        type: input.type,
        content: input.content,
        workingDir: input.workingDir ?? "",
        timeoutSeconds: input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        isSaved: input.keepCommand === true,
        createdAt: now(),
      },
    });
    const invokeId = await startInvocation(ctx.regionId, command, targets, {});
    return { commandId: command.id, invokeId };
  });
}

/** ECS InvokeCommand: runs a command created with CreateCommand (Timeout and WorkingDir may be overridden). */
export function invokeCommand(
  ctx: RequestContext,
  input: { commandId: string; instanceIds: string[]; timeoutSeconds?: number; workingDir?: string },
): Promise<{ invokeId: string }> {
  return operation(ctx, { service: "ecs", action: "InvokeCommand", resourceArn: commandsArn(ctx.regionId) }, async () => {
    await authorizeInstances(ctx, "ecs:InvokeCommand", input.instanceIds);
    const command = await getCommandOrThrow(ctx.regionId, input.commandId);
    const targets = await lookUpTargets(ctx.regionId, input.instanceIds, command.type);
    const invokeId = await startInvocation(ctx.regionId, command, targets, input);
    return { invokeId };
  });
}

/** RAM authorizes the command (the frame) and each instance it runs on, before any lookup. */
async function authorizeInstances(ctx: RequestContext, action: string, instanceIds: readonly string[]): Promise<void> {
  for (const id of new Set(instanceIds)) await authorize(ctx, action, instanceArn(ctx.regionId, id));
}

type Target = { instanceId: string; status: string };

async function lookUpTargets(regionId: string, instanceIds: readonly string[], type: string): Promise<Target[]> {
  if (instanceIds.length > MAX_INSTANCES_PER_INVOCATION) throw cloudAssistantErrors.tooManyInstances();
  const unique = [...new Set(instanceIds)];
  const rows = await getRuntime().db.instance.findMany({
    where: { id: { in: unique }, regionId },
    select: { id: true, status: true, osType: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const os = commandOsType(type);
  return unique.map((id) => {
    const row = byId.get(id);
    if (!row) throw cloudAssistantErrors.instanceNotFound();
    if (row.osType !== os) throw cloudAssistantErrors.instanceNotMatch();
    return { instanceId: row.id, status: row.status };
  });
}

async function startInvocation(
  regionId: string,
  command: CloudCommand,
  targets: Target[],
  overrides: { timeoutSeconds?: number; workingDir?: string },
): Promise<string> {
  const invokeId = resourceId("t", regionId);
  await getRuntime().db.cloudInvocation.create({
    data: {
      id: invokeId,
      regionId,
      commandId: command.id,
      createdAt: now(),
      results: { create: targets.map((t) => ({ instanceId: t.instanceId, status: "Pending" })) },
    },
  });
  dispatchInvocation(
    {
      invokeId,
      type: command.type,
      script: command.content,
      workingDir: overrides.workingDir ?? command.workingDir,
      timeoutSeconds: overrides.timeoutSeconds ?? command.timeoutSeconds,
    },
    targets,
  );
  return invokeId;
}
