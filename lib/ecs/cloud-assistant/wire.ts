import { isoSeconds } from "@/lib/clock";
import type { CloudCommand } from "@/lib/generated/prisma/client";
import type { InvocationView, ResultView } from "@/lib/ecs/cloud-assistant/describe-invocations";
import { commandOsType, OUTPUT_LIMIT_BYTES, tailBytes } from "@/lib/ecs/cloud-assistant/invocation-status";

/**
 * Cloud Assistant's response shapes, with the wire names and types of the official SDK models
 * (DescribeInvocationResults / DescribeInvocations / DescribeCommands ResponseBody). Pure.
 */
const time = (date: Date | null) => (date ? isoSeconds(date) : "");
const encode = (text: string, base64: boolean) => (base64 ? Buffer.from(text, "utf8").toString("base64") : text);
const usernameOf = (type: string | undefined) => (type && commandOsType(type) === "windows" ? "System" : "root");

/** Output: the last 24 KB (base64 by default); Dropped: the bytes before them. */
function outputOf(text: string, base64: boolean): { Output: string; Dropped: number } {
  const { text: kept, dropped } = tailBytes(text, OUTPUT_LIMIT_BYTES);
  return { Output: encode(kept, base64), Dropped: dropped };
}

export function toResultWire(result: ResultView, base64: boolean) {
  const started = result.startedAt !== null;
  return {
    CommandId: result.commandId,
    InvokeId: result.invocationId,
    InstanceId: result.instanceId,
    InvocationStatus: result.status,
    InvokeRecordStatus: result.recordStatus,
    ExitCode: result.exitCode ?? 0,
    ErrorCode: result.errorCode,
    ErrorInfo: result.errorInfo,
    ...outputOf(result.output, base64),
    Repeats: started ? 1 : 0,
    StartTime: time(result.startedAt),
    StopTime: "",
    FinishedTime: time(result.finishedAt),
    Username: usernameOf(result.commandType),
    ContainerId: "",
    ContainerName: "",
    TerminationMode: "Process",
    Launcher: "",
    OssOutputDelivery: "",
    OssOutputStatus: "",
    OssOutputUri: "",
    OssOutputErrorCode: "",
    OssOutputErrorInfo: "",
    Tags: { Tag: [] as { TagKey: string; TagValue: string }[] },
  };
}

export function toInvocationWire(invocation: InvocationView, base64: boolean, includeOutput: boolean) {
  const command = invocation.command;
  return {
    InvokeId: invocation.id,
    CommandId: invocation.commandId,
    CommandName: command?.name ?? "",
    CommandType: command?.type ?? "",
    CommandContent: encode(command?.content ?? "", true),
    CommandDescription: command?.description ?? "",
    Parameters: "{}",
    InvocationStatus: invocation.status,
    InvokeStatus: invocation.invokeStatus,
    RepeatMode: "Once",
    Frequency: "",
    Timed: false,
    Timeout: command?.timeoutSeconds ?? 60,
    Username: usernameOf(command?.type),
    WorkingDir: command?.workingDir ?? "",
    CreationTime: isoSeconds(invocation.createdAt),
    ContainerId: "",
    ContainerName: "",
    Launcher: "",
    TerminationMode: "Process",
    OssOutputDelivery: "",
    Tags: { Tag: [] as { TagKey: string; TagValue: string }[] },
    InvokeInstances: {
      InvokeInstance: invocation.results.map((r) => ({
        InstanceId: r.instanceId,
        InvocationStatus: r.status,
        InstanceInvokeStatus: r.recordStatus === "Running" ? "Running" : r.recordStatus,
        ExitCode: r.exitCode ?? 0,
        ErrorCode: r.errorCode,
        ErrorInfo: r.errorInfo,
        ...(includeOutput ? outputOf(r.output, base64) : { Output: "", Dropped: 0 }),
        Repeats: r.startedAt ? 1 : 0,
        CreationTime: isoSeconds(invocation.createdAt),
        StartTime: time(r.startedAt),
        StopTime: "",
        FinishTime: time(r.finishedAt),
        UpdateTime: time(r.finishedAt ?? r.startedAt ?? invocation.createdAt),
        Timed: false,
        OssOutputStatus: "",
        OssOutputUri: "",
      })),
    },
  };
}

export function toCommandWire(command: CloudCommand & { invokeTimes: number }, base64: boolean) {
  return {
    CommandId: command.id,
    Name: command.name,
    Description: command.description,
    Type: command.type,
    CommandContent: encode(command.content, base64),
    WorkingDir: command.workingDir,
    Timeout: command.timeoutSeconds,
    CreationTime: isoSeconds(command.createdAt),
    InvokeTimes: command.invokeTimes,
    Category: "",
    Provider: "",
    Latest: true,
    Version: 1,
    EnableParameter: false,
    Launcher: "",
    ResourceGroupId: "",
    ParameterNames: { ParameterName: [] as string[] },
    ParameterDefinitions: { ParameterDefinition: [] as unknown[] },
    Tags: { Tag: [] as { TagKey: string; TagValue: string }[] },
  };
}
