import { now } from "@/lib/clock";
import type { RequestContext } from "@/lib/context";
import type { CloudCommand, Prisma } from "@/lib/generated/prisma/client";
import { resourceId } from "@/lib/ids";
import { getRuntime } from "@/lib/runtime";
import { arn, operation } from "@/lib/service/operation";
import { cloudAssistantErrors } from "@/lib/ecs/cloud-assistant/errors";
import { COMMAND_TYPES } from "@/lib/ecs/cloud-assistant/invocation-status";

export const MAX_INSTANCES_PER_INVOCATION = 100;
export const DEFAULT_TIMEOUT_SECONDS = 60;
/** CommandContent limits, in characters of its base64 form (api-extras.md §5.1). */
export const MAX_CONTENT_BASE64 = { kept: 18 * 1024, adHoc: 24 * 1024 } as const;
export const MAX_NAME_LENGTH = 128;
export const MAX_DESCRIPTION_LENGTH = 512;

export type CommandSpec = {
  type: string;
  /** Plain text (the action decoded it if it came base64). */
  content: string;
  name?: string;
  description?: string;
  workingDir?: string;
  timeoutSeconds?: number;
};

/** Type, name, description and size, with Cloud Assistant's codes. */
export function assertCommandSpec(spec: CommandSpec, isKept: boolean): void {
  if (!(COMMAND_TYPES as readonly string[]).includes(spec.type)) throw cloudAssistantErrors.commandTypeNotFound();
  if ((spec.name?.length ?? 0) > MAX_NAME_LENGTH) throw cloudAssistantErrors.nameTooLong();
  if ((spec.description?.length ?? 0) > MAX_DESCRIPTION_LENGTH) throw cloudAssistantErrors.descriptionTooLong();
  const base64Length = Buffer.byteLength(spec.content, "utf8") * (4 / 3);
  if (base64Length > (isKept ? MAX_CONTENT_BASE64.kept : MAX_CONTENT_BASE64.adHoc)) throw cloudAssistantErrors.contentTooLong();
}

export const commandsArn = (regionId: string) => arn("ecs", regionId, getRuntime().accountId, "command/*");

/** A command of the region (an ad-hoc RunCommand one too: InvokeCommand may run it again). */
export async function getCommandOrThrow(regionId: string, commandId: string): Promise<CloudCommand> {
  const command = await getRuntime().db.cloudCommand.findUnique({ where: { id: commandId } });
  if (!command || command.regionId !== regionId) throw cloudAssistantErrors.commandNotFound();
  return command;
}

/** ECS CreateCommand: a kept command (CommandContent came base64 by default; `content` is plain text). */
export function createCommand(ctx: RequestContext, input: CommandSpec & { name: string }): Promise<{ commandId: string }> {
  return operation(ctx, { service: "ecs", action: "CreateCommand", resourceArn: commandsArn(ctx.regionId) }, async () => {
    assertCommandSpec(input, true);
    const command = await getRuntime().db.cloudCommand.create({
      data: {
        id: resourceId("c", ctx.regionId),
        regionId: ctx.regionId,
        name: input.name,
        description: input.description ?? "",
        type: input.type,
        content: input.content,
        workingDir: input.workingDir ?? "",
        timeoutSeconds: input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        isSaved: true,
        createdAt: now(),
      },
    });
    return { commandId: command.id };
  });
}

export const COMMANDS_PAGE_SIZE = { max: 50, default: 10 } as const;

/** ECS DescribeCommands: the region's kept commands (CreateCommand, RunCommand KeepCommand), newest first. */
export function describeCommands(
  ctx: RequestContext,
  input: { commandId?: string; name?: string; type?: string; pageNumber: number; pageSize: number },
): Promise<{ commands: (CloudCommand & { invokeTimes: number })[]; totalCount: number }> {
  return operation(ctx, { service: "ecs", action: "DescribeCommands", resourceArn: commandsArn(ctx.regionId) }, async () => {
    const { db } = getRuntime();
    const where: Prisma.CloudCommandWhereInput = { regionId: ctx.regionId, isSaved: true };
    if (input.commandId) where.id = input.commandId;
    if (input.name) where.name = input.name;
    if (input.type) where.type = input.type;
    const [rows, totalCount] = await Promise.all([
      db.cloudCommand.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        skip: (input.pageNumber - 1) * input.pageSize,
        take: input.pageSize,
      }),
      db.cloudCommand.count({ where }),
    ]);
    const counts = await db.cloudInvocation.groupBy({
      by: ["commandId"],
      where: { commandId: { in: rows.map((r) => r.id) } },
      _count: { _all: true },
    });
    const invokeTimes = new Map(counts.map((c) => [c.commandId, c._count._all]));
    return { commands: rows.map((r) => ({ ...r, invokeTimes: invokeTimes.get(r.id) ?? 0 })), totalCount };
  });
}
