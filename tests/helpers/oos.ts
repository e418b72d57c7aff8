import type { TestServer } from "./server";
import { until } from "./ecs-instances";

/** The OOS 2019-06-01 calls of the integration tests, through pop-core (npm has no OOS SDK). */
export type Execution = {
  ExecutionId: string;
  Status: string;
  StatusMessage: string;
  Parameters: unknown;
  Outputs: string;
  Counters: Record<string, number>;
  RamRole: string;
  CurrentTasks: { TaskExecutionId: string; TaskName: string; TaskAction: string }[];
  [key: string]: unknown;
};
export type TaskExecution = {
  TaskExecutionId: string;
  TaskName: string;
  Status: string;
  StatusMessage: string;
  LoopItem: string;
  Outputs: string;
  ExtraData: { CurrentStep: string; StepIndex: number; Progress: number; [key: string]: unknown };
  [key: string]: unknown;
};

export const TEMPLATE = "ACS-ECS-BulkyEncryptSystemDisk";

export function oos(server: TestServer) {
  const client = server.pop("2019-06-01");
  return {
    request: client.request,
    async start(parameters: object, extra: Record<string, string> = {}): Promise<Execution> {
      const body = await client.request<{ Execution: Execution }>("StartExecution", {
        RegionId: "cn-hangzhou",
        TemplateName: TEMPLATE,
        Parameters: JSON.stringify(parameters),
        ...extra,
      });
      return body.Execution;
    },
    async execution(executionId: string): Promise<Execution> {
      const body = await client.request<{ Executions: Execution[] }>("ListExecutions", { RegionId: "cn-hangzhou", ExecutionId: executionId });
      return body.Executions[0];
    },
    async tasks(executionId: string): Promise<TaskExecution[]> {
      const body = await client.request<{ TaskExecutions: TaskExecution[] }>("ListTaskExecutions", { RegionId: "cn-hangzhou", ExecutionId: executionId });
      return body.TaskExecutions;
    },
    /** Waits until the execution ended (Success, Failed or Cancelled). */
    async ended(executionId: string, timeoutMs = 240_000): Promise<Execution> {
      return until(
        `${executionId} ended`,
        async () => {
          const execution = await this.execution(executionId);
          return ["Success", "Failed", "Cancelled"].includes(execution.Status) ? execution : undefined;
        },
        timeoutMs,
      );
    },
  };
}

/** The parameters of ACS-ECS-BulkyEncryptSystemDisk over instance ids. */
export function byIds(instanceIds: string[], KMSKeyId: string, rate: { Concurrency?: number; MaxErrors?: number } = {}, OOSAssumeRole = "") {
  return {
    regionId: "cn-hangzhou",
    targets: { Type: "ResourceIds", ResourceIds: instanceIds, RegionId: "cn-hangzhou" },
    KMSKeyId,
    rateControl: { Mode: "Concurrency", MaxErrors: rate.MaxErrors ?? 0, Concurrency: rate.Concurrency ?? 10 },
    OOSAssumeRole,
  };
}

/** The error a pop-core call was refused with: code, HTTP status, message. */
export async function popRefusal(call: Promise<unknown>): Promise<{ code: string; statusCode: number; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code: string; data?: { Message?: string }; entry?: { response?: { statusCode?: number } } };
    return { code: e.code, statusCode: e.entry?.response?.statusCode ?? 0, message: e.data?.Message ?? "" };
  }
  throw new Error("the call was not refused");
}
