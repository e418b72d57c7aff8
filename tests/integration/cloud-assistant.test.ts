import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { $Ecs } from "../helpers/sdk";
import { startTestServer, type TestServer } from "../helpers/server";
import {
  finished,
  invocationResult,
  REGION,
  refusal,
  runInstances,
  sendCommand,
  waitForStatus,
  printServerOutputOnFailure,
} from "../helpers/ecs-instances";

/**
 * Cloud Assistant through the official ECS SDK against a real server: RunCommand (PlainText by
 * default), CreateCommand (Base64 by default) + InvokeCommand, DescribeInvocations,
 * DescribeInvocationResults (Output base64 by default, statuses, error codes), DescribeCommands,
 * timeouts, stopped instances, and the refusals.
 */
let server: TestServer;
let running: string;
let stopped: string;

beforeAll(async () => {
  server = await startTestServer();
  [running, stopped] = await runInstances(server.ecs, { amount: 2 });
  await waitForStatus(server.ecs, running, "Running");
  await waitForStatus(server.ecs, stopped, "Running");
  await server.ecs.stopInstance(new $Ecs.StopInstanceRequest({ instanceId: stopped }));
  await waitForStatus(server.ecs, stopped, "Stopped");
});

afterAll(async () => {
  await server?.stop();
});

printServerOutputOnFailure(() => server);

const ecs = () => server.ecs;
const run = (params: ConstructorParameters<typeof $Ecs.RunCommandRequest>[0]) =>
  ecs().runCommand(new $Ecs.RunCommandRequest({ regionId: REGION, type: "RunShellScript", instanceId: [running], ...params }));

describe("RunCommand and DescribeInvocationResults", () => {
  it("runs a multi-line plain-text script; Output is base64 unless PlainText is asked", async () => {
    const { commandId, invokeId } = (await run({ commandContent: "echo one\ncd /tmp && pwd\necho $((6 * 7))" })).body!;
    expect(commandId).toMatch(/^c-/);
    expect(invokeId).toMatch(/^t-/);
    const result = await finished(ecs(), invokeId!, running);
    expect(result).toMatchObject({
      invocationStatus: "Success",
      invokeRecordStatus: "Finished",
      exitCode: 0,
      errorCode: "",
      output: "one\n/tmp\n42\n",
    });
    const plain = (
      await ecs().describeInvocationResults(
        new $Ecs.DescribeInvocationResultsRequest({ regionId: REGION, invokeId, contentEncoding: "PlainText" }),
      )
    ).body!.invocation!;
    expect(plain.totalCount).toBe(1);
    const record = plain.invocationResults!.invocationResult![0];
    expect(record).toMatchObject({ output: "one\n/tmp\n42\n", commandId, instanceId: running, username: "root", repeats: 1, dropped: 0 });
    expect(record.startTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(record.finishedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("takes Base64 content, a working directory, and reports a non-zero exit as Failed", async () => {
    const content = Buffer.from("pwd\nls /nowhere").toString("base64");
    const { invokeId } = (await run({ commandContent: content, contentEncoding: "Base64", workingDir: "/etc" })).body!;
    expect(await finished(ecs(), invokeId!, running)).toMatchObject({
      invocationStatus: "Failed",
      invokeRecordStatus: "Finished",
      exitCode: 2,
      errorCode: "ExitCodeNonzero",
      errorInfo: "the command execution exit code is not zero.",
      output: "/etc\nls: cannot access '/nowhere': No such file or directory\n",
    });
    const missing = (await run({ commandContent: "pwd", workingDir: "/no/such/dir" })).body!;
    expect(await finished(ecs(), missing.invokeId!, running)).toMatchObject({ invocationStatus: "Failed", errorCode: "DirectoryNotExists" });
  });

  it("fails on a stopped instance in its own result, and derives the overall status", async () => {
    const { invokeId } = (await run({ commandContent: "echo hi", instanceId: [running, stopped] })).body!;
    expect(await finished(ecs(), invokeId!, stopped)).toMatchObject({
      invocationStatus: "Aborted",
      invokeRecordStatus: "Failed",
      errorCode: "InstanceNotRunning",
      errorInfo: "the instance is not running when create task.",
    });
    expect(await finished(ecs(), invokeId!, running)).toMatchObject({ invocationStatus: "Success", output: "hi\n" });
    const invocation = (
      await ecs().describeInvocations(new $Ecs.DescribeInvocationsRequest({ regionId: REGION, invokeId, includeOutput: true }))
    ).body!.invocations!.invocation![0];
    expect(invocation).toMatchObject({
      invokeId,
      commandType: "RunShellScript",
      commandContent: Buffer.from("echo hi").toString("base64"),
      invocationStatus: "PartialFailed",
      invokeStatus: "PartialFailed",
      timeout: 60,
    });
    const byInstance = Object.fromEntries(invocation.invokeInstances!.invokeInstance!.map((i) => [i.instanceId, i]));
    expect(byInstance[running]).toMatchObject({ invocationStatus: "Success", output: Buffer.from("hi\n").toString("base64") });
    expect(byInstance[stopped]).toMatchObject({ invocationStatus: "Aborted", errorCode: "InstanceNotRunning" });
  });

  it("times out a command that runs too long", async () => {
    const invokeId = await sendCommand(ecs(), [running], "echo started; sleep 60; echo never", { timeout: 10 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await invocationResult(ecs(), invokeId, running)).toMatchObject({ invocationStatus: "Running", output: "started\n" });
    const result = await finished(ecs(), invokeId, running, 20_000);
    expect(result).toMatchObject({
      invocationStatus: "Timeout",
      errorCode: "ExecutionTimeout",
      errorInfo: "the command execution has been timeout.",
      output: "started\n",
    });
  }, 30_000);

  it("refuses what RunCommand refuses", async () => {
    expect(await refusal(run({ commandContent: "ls", type: "RunPythonScript" }))).toMatchObject({ code: "InvalidCmdType.NotFound", statusCode: 403 });
    expect(await refusal(run({ commandContent: "ls", instanceId: ["i-doesnotexist0000000"] }))).toMatchObject({
      code: "InvalidInstance.NotFound",
      statusCode: 404,
    });
    const many = Array.from({ length: 101 }, (_, n) => `i-${String(n).padStart(20, "0")}`);
    expect(await refusal(run({ commandContent: "ls", instanceId: many }))).toMatchObject({ code: "InstanceIds.ExceedLimit", statusCode: 403 });
    expect(await refusal(run({ commandContent: "ls", name: "n".repeat(129) }))).toMatchObject({ code: "CmdName.ExceedLimit", statusCode: 403 });
    // 14 000 characters are 18 667 in base64: over the 18 KB of a kept command (the query string
    // of a longer one exceeds node:http's 16 KB header limit before reaching the API).
    expect(await refusal(run({ commandContent: "x".repeat(14_000), keepCommand: true }))).toMatchObject({
      code: "CmdContent.ExceedLimit",
      statusCode: 403,
    });
    expect(await refusal(run({ commandContent: "ls", timeout: 5 }))).toMatchObject({ code: "InvalidParameter", statusCode: 400 });
    expect(await refusal(ecs().runCommand(new $Ecs.RunCommandRequest({ regionId: REGION, type: "RunShellScript", commandContent: "ls" })))).toMatchObject({
      code: "MissingParameter",
      statusCode: 400,
    });
    expect(
      await refusal(ecs().describeInvocationResults(new $Ecs.DescribeInvocationResultsRequest({ regionId: REGION, pageSize: 51 }))),
    ).toMatchObject({ code: "InvalidParam.PageSize", statusCode: 403 });
  });
});

describe("CreateCommand, InvokeCommand and DescribeCommands", () => {
  it("keeps a command (Base64 by default) and runs it on demand", async () => {
    const { commandId } = (
      await ecs().createCommand(
        new $Ecs.CreateCommandRequest({
          regionId: REGION,
          name: "whoami-cmd",
          type: "RunShellScript",
          commandContent: Buffer.from("whoami\nuname -s").toString("base64"),
          description: "who runs it",
          timeout: 30,
        }),
      )
    ).body!;
    const { invokeId } = (
      await ecs().invokeCommand(new $Ecs.InvokeCommandRequest({ regionId: REGION, commandId, instanceId: [running] }))
    ).body!;
    expect(await finished(ecs(), invokeId!, running)).toMatchObject({ invocationStatus: "Success", output: "root\nLinux\n" });
    const listed = (await ecs().describeCommands(new $Ecs.DescribeCommandsRequest({ regionId: REGION, commandId }))).body!;
    expect(listed.totalCount).toBe(1);
    expect(listed.commands!.command![0]).toMatchObject({
      commandId,
      name: "whoami-cmd",
      description: "who runs it",
      type: "RunShellScript",
      commandContent: Buffer.from("whoami\nuname -s").toString("base64"),
      timeout: 30,
      invokeTimes: 1,
    });
    const byName = await ecs().describeInvocations(new $Ecs.DescribeInvocationsRequest({ regionId: REGION, commandId }));
    expect(byName.body!.invocations!.invocation!.map((i) => [i.invokeId, i.invocationStatus, i.commandName])).toEqual([
      [invokeId, "Success", "whoami-cmd"],
    ]);
    expect(await refusal(ecs().invokeCommand(new $Ecs.InvokeCommandRequest({ regionId: REGION, commandId: "c-nope", instanceId: [running] })))).toMatchObject({
      code: "InvalidCmdId.NotFound",
      statusCode: 404,
    });
    expect(
      await refusal(
        ecs().createCommand(new $Ecs.CreateCommandRequest({ regionId: REGION, name: "bad", type: "RunShellScript", commandContent: "not base64!" })),
      ),
    ).toMatchObject({ code: "InvalidParameter", statusCode: 400 });
  });

  it("lists an ad-hoc command only when RunCommand keeps it", async () => {
    const kept = (await run({ commandContent: "true", keepCommand: true, name: "kept-cmd" })).body!;
    await run({ commandContent: "true", name: "ad-hoc-cmd" });
    const names = async (name: string) =>
      (await ecs().describeCommands(new $Ecs.DescribeCommandsRequest({ regionId: REGION, name }))).body!.commands!.command!.map((c) => c.commandId);
    expect(await names("kept-cmd")).toEqual([kept.commandId]);
    expect(await names("ad-hoc-cmd")).toEqual([]);
  });
});
