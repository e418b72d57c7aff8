import { afterEach, expect } from "vitest";
import { $Ecs } from "./sdk";
import type { TestServer } from "./server";

/** Shortcuts of the instance, proof, crash and Cloud Assistant integration tests. */
export type EcsClient = TestServer["ecs"];
export const REGION = "cn-hangzhou";
export const ZONE = "cn-hangzhou-h";
export const LINUX_IMAGE = "aliyun_3_x64_20G_alibase_20240819.vhd";
export const UBUNTU_IMAGE = "ubuntu_22_04_x64_20G_alibase_20240812.vhd";
export const WINDOWS_IMAGE = "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd";

export type DiskSpec = { category?: string; size?: number; encrypted?: boolean; kmsKeyId?: string; deleteWithInstance?: boolean; snapshotId?: string };

export type RunParams = {
  instanceType?: string;
  imageId?: string;
  amount?: number;
  systemDisk?: DiskSpec;
  dataDisks?: DiskSpec[];
  instanceName?: string;
  tags?: { key: string; value: string }[];
  clientToken?: string;
  dryRun?: boolean;
};

export async function runInstances(ecs: EcsClient, params: RunParams = {}): Promise<string[]> {
  const system = params.systemDisk;
  const request = new $Ecs.RunInstancesRequest({
    regionId: REGION,
    zoneId: ZONE,
    instanceType: params.instanceType ?? "ecs.g7.large",
    imageId: params.imageId ?? LINUX_IMAGE,
    amount: params.amount,
    instanceName: params.instanceName,
    clientToken: params.clientToken,
    dryRun: params.dryRun,
    systemDisk: system
      ? new $Ecs.RunInstancesRequestSystemDisk({
          category: system.category,
          size: system.size !== undefined ? String(system.size) : undefined,
          encrypted: system.encrypted !== undefined ? String(system.encrypted) : undefined,
          KMSKeyId: system.kmsKeyId,
        })
      : undefined,
    dataDisk: params.dataDisks?.map(
      (d) =>
        new $Ecs.RunInstancesRequestDataDisk({
          category: d.category,
          size: d.size,
          encrypted: d.encrypted !== undefined ? String(d.encrypted) : undefined,
          KMSKeyId: d.kmsKeyId,
          deleteWithInstance: d.deleteWithInstance,
          snapshotId: d.snapshotId,
        }),
    ),
    tag: params.tags?.map((t) => new $Ecs.RunInstancesRequestTag(t)),
  });
  const body = (await ecs.runInstances(request)).body!;
  return body.instanceIdSets!.instanceIdSet!;
}

export async function describeInstance(ecs: EcsClient, instanceId: string) {
  const body = (
    await ecs.describeInstances(new $Ecs.DescribeInstancesRequest({ regionId: REGION, instanceIds: JSON.stringify([instanceId]) }))
  ).body!;
  return body.instances?.instance?.[0];
}

export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitForStatus(ecs: EcsClient, instanceId: string, status: string, timeoutMs = 30_000): Promise<void> {
  await until(`${instanceId} ${status}`, async () => ((await describeInstance(ecs, instanceId))?.status === status ? true : undefined), timeoutMs);
}

export async function diskStatus(ecs: EcsClient, diskId: string): Promise<string | undefined> {
  const body = (await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: REGION, diskIds: JSON.stringify([diskId]) }))).body!;
  return body.disks?.disk?.[0]?.status;
}

export async function disksOf(ecs: EcsClient, instanceId: string) {
  const body = (await ecs.describeDisks(new $Ecs.DescribeDisksRequest({ regionId: REGION, instanceId, maxResults: 100 }))).body!;
  return (body.disks?.disk ?? []).sort((a, b) => (a.device ?? "").localeCompare(b.device ?? ""));
}

export async function sendCommand(ecs: EcsClient, instanceIds: string[], script: string, extra: { type?: string; timeout?: number } = {}): Promise<string> {
  const body = (
    await ecs.runCommand(
      new $Ecs.RunCommandRequest({
        regionId: REGION,
        type: extra.type ?? "RunShellScript",
        commandContent: script,
        instanceId: instanceIds,
        timeout: extra.timeout,
      }),
    )
  ).body!;
  return body.invokeId!;
}

export type ResultRecord = {
  invocationStatus?: string;
  invokeRecordStatus?: string;
  exitCode?: number;
  errorCode?: string;
  errorInfo?: string;
  output: string;
};

export async function invocationResult(ecs: EcsClient, invokeId: string, instanceId?: string): Promise<ResultRecord> {
  const body = (
    await ecs.describeInvocationResults(new $Ecs.DescribeInvocationResultsRequest({ regionId: REGION, invokeId, instanceId }))
  ).body!;
  const result = body.invocation!.invocationResults!.invocationResult![0];
  return { ...result, output: Buffer.from(result.output ?? "", "base64").toString("utf8") };
}

/** Waits for the invocation to end on the instance; its result with Output decoded. */
export async function finished(ecs: EcsClient, invokeId: string, instanceId?: string, timeoutMs = 60_000): Promise<ResultRecord> {
  return until(
    `invocation ${invokeId}`,
    async () => {
      const result = await invocationResult(ecs, invokeId, instanceId);
      return result.invokeRecordStatus === "Running" ? undefined : result;
    },
    timeoutMs,
  );
}

/** Runs a shell script on one instance and expects it to succeed: its output. */
export async function shell(ecs: EcsClient, instanceId: string, script: string): Promise<string> {
  const result = await finished(ecs, await sendCommand(ecs, [instanceId], script), instanceId);
  expect(result, `${script}\n${result.output}`).toMatchObject({ invocationStatus: "Success", exitCode: 0 });
  return result.output;
}

/** The SDK error of a refused call: code and HTTP status. */
export async function refusal(call: Promise<unknown>): Promise<{ code: string; statusCode: number; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code: string; statusCode: number; data?: { Message?: string } };
    return { code: e.code, statusCode: e.statusCode, message: e.data?.Message ?? "" };
  }
  throw new Error("the call was not refused");
}

export const diskseal = (server: Pick<TestServer, "pop">) => server.pop("2026-11-28");

/** ReadDiskMedia over [offset, offset + length), in 1 MiB requests. */
export async function readMedia(server: Pick<TestServer, "pop">, diskId: string, offset: number, length: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let at = offset; at < offset + length; at += 1024 * 1024) {
    const size = Math.min(1024 * 1024, offset + length - at);
    const answer = await diskseal(server).request<{ Data: string }>("ReadDiskMedia", { DiskId: diskId, Offset: at, Length: size });
    parts.push(Buffer.from(answer.Data, "base64"));
  }
  return Buffer.concat(parts);
}

/** Prints the end of the server's output after a failed test (what the hypervisor logged). */
export function printServerOutputOnFailure(server: () => TestServer | undefined): void {
  afterEach((context) => {
    if (context.task.result?.state === "fail") console.log(`--- server output ---\n${server()?.output().slice(-6000) ?? ""}`);
  });
}
