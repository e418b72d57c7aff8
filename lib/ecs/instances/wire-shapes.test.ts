import * as $Ecs from "@alicloud/ecs20140526";
import { describe, expect, it } from "vitest";
import type { Instance } from "@/lib/generated/prisma/client";
import type { InvocationView, ResultView } from "@/lib/ecs/cloud-assistant/describe-invocations";
import { toCommandWire, toInvocationWire, toResultWire } from "@/lib/ecs/cloud-assistant/wire";
import { instanceTime, toInstanceWire } from "@/lib/ecs/instances/instance-wire";

/**
 * The instances' and Cloud Assistant's bodies against the official SDK models they are read
 * with: every key a wire name of the model, every value exactly the model's type (the SDK's own
 * cast is lenient and drops unknown keys; this check is neither).
 */
type ModelClass = { names(): Record<string, string>; types(): Record<string, unknown> };

function shapeErrors(model: ModelClass, value: unknown, path: string): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${path}: expected an object`];
  const fieldByWireName = new Map(Object.entries(model.names()).map(([field, wire]) => [wire, field]));
  const types = model.types();
  return Object.entries(value).flatMap(([wire, child]) => {
    const field = fieldByWireName.get(wire);
    if (!field) return [`${path}.${wire}: not a wire name of the model`];
    return typeErrors(types[field], child, `${path}.${wire}`);
  });
}

function typeErrors(type: unknown, value: unknown, path: string): string[] {
  if (value === undefined) return [];
  if (typeof type === "string") return typeof value === type ? [] : [`${path}: expected ${type}, got ${typeof value}`];
  if (typeof type === "function") return shapeErrors(type as unknown as ModelClass, value, path);
  const container = type as { type?: string; itemType?: unknown };
  if (container.type === "array") {
    if (!Array.isArray(value)) return [`${path}: expected an array`];
    return value.flatMap((item, i) => typeErrors(container.itemType, item, `${path}[${i}]`));
  }
  return [`${path}: unsupported model type ${JSON.stringify(type)}`];
}

const models = $Ecs as unknown as Record<string, ModelClass>;
const expectShape = (modelName: string, body: object) => expect(shapeErrors(models[modelName], body, modelName)).toEqual([]);

const at = new Date("2026-11-28T10:11:12.345Z");
const instance: Instance = {
  id: "i-bp1abcdefghijklmnopq",
  regionId: "cn-hangzhou",
  zoneId: "cn-hangzhou-h",
  name: "web",
  description: "",
  hostName: "iZbp1abcdefghijklmnopqZ",
  instanceType: "ecs.g7.large",
  imageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
  osType: "linux",
  status: "Running",
  targetStatus: null,
  transitionDueAt: null,
  createdAt: at,
  startedAt: at,
  systemDiskId: "d-bp1",
  clientToken: null,
};

const result: ResultView = {
  invocationId: "t-hz1",
  instanceId: instance.id,
  status: "Failed",
  exitCode: 1,
  output: "oops\n",
  errorCode: "ExitCodeNonzero",
  errorInfo: "the command execution exit code is not zero.",
  startedAt: at,
  finishedAt: at,
  commandId: "c-hz1",
  commandType: "RunShellScript",
  recordStatus: "Finished",
};
const command = {
  id: "c-hz1",
  regionId: "cn-hangzhou",
  name: "n",
  description: "",
  type: "RunShellScript",
  content: "ls",
  workingDir: "",
  timeoutSeconds: 60,
  isSaved: true,
  createdAt: at,
};

describe("bodies match the official SDK models", () => {
  it("DescribeInstances", () => {
    expectShape("DescribeInstancesResponseBody", {
      Instances: { Instance: [toInstanceWire(instance, [{ TagKey: "a", TagValue: "b" }])] },
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      NextToken: "",
    });
    expect(instanceTime(at)).toBe("2026-11-28T10:11Z");
  });

  it("RunInstances, DescribeInstanceStatus, GetInstanceScreenshot, GetInstanceConsoleOutput", () => {
    expectShape("RunInstancesResponseBody", { InstanceIdSets: { InstanceIdSet: [instance.id] } });
    expectShape("DescribeInstanceStatusResponseBody", {
      InstanceStatuses: { InstanceStatus: [{ InstanceId: instance.id, Status: "Running" }] },
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
    });
    expectShape("GetInstanceScreenshotResponseBody", { InstanceId: instance.id, Screenshot: "iVBORw0KGgo=" });
    expectShape("GetInstanceConsoleOutputResponseBody", { InstanceId: instance.id, ConsoleOutput: "", LastUpdateTime: "2026-11-28T10:11:12Z" });
  });

  it("DescribeInvocationResults, DescribeInvocations, DescribeCommands", () => {
    expectShape("DescribeInvocationResultsResponseBody", {
      Invocation: { PageNumber: 1, PageSize: 10, TotalCount: 1, NextToken: "", InvocationResults: { InvocationResult: [toResultWire(result, true)] } },
    });
    const invocation: InvocationView = {
      id: "t-hz1",
      regionId: "cn-hangzhou",
      commandId: "c-hz1",
      createdAt: at,
      command,
      results: [result],
      status: "Failed",
      invokeStatus: "Failed",
    };
    expectShape("DescribeInvocationsResponseBody", {
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      NextToken: "",
      Invocations: { Invocation: [toInvocationWire(invocation, true, true)] },
    });
    expectShape("DescribeCommandsResponseBody", {
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 10,
      NextToken: "",
      Commands: { Command: [toCommandWire({ ...command, invokeTimes: 2 }, true)] },
    });
    expect(toResultWire(result, true).Output).toBe(Buffer.from("oops\n").toString("base64"));
    expect(toResultWire(result, false).Output).toBe("oops\n");
  });
});
