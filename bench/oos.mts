// OOS ACS-ECS-BulkyEncryptSystemDisk at Concurrency 10: the time for 5 instances and for 50, and
// their ratio (target ≤ 12: 50 instances are 5 waves of 10, so about 5× plus the runner's
// overhead). Real instances and real steps — snapshot, image, encrypted copy, stop, replace, start
// — on a server of its own with short transitions (200 ms), so the runner's cost shows.
import { startTestServer, type TestServer } from "../tests/helpers/server.ts";

const TRANSITION_MS = 200;

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function runningInstances(server: TestServer, amount: number): Promise<string[]> {
  const ecs = server.pop("2014-05-26");
  const { InstanceIdSets } = await ecs.request<{ InstanceIdSets: { InstanceIdSet: string[] } }>("RunInstances", {
    RegionId: "cn-hangzhou",
    ZoneId: "cn-hangzhou-h",
    InstanceType: "ecs.g7.large",
    ImageId: "aliyun_3_x64_20G_alibase_20240819.vhd",
    "SystemDisk.Category": "cloud_essd",
    Amount: amount,
  });
  const ids = InstanceIdSets.InstanceIdSet;
  await until(async () => {
    const { Instances } = await ecs.request<{ Instances: { Instance: { Status: string }[] } }>("DescribeInstances", {
      RegionId: "cn-hangzhou",
      InstanceIds: JSON.stringify(ids),
      PageSize: 100,
    });
    return Instances.Instance.every((i) => i.Status === "Running") ? true : undefined;
  }, 300_000);
  return ids;
}

async function timeExecution(server: TestServer, instanceIds: string[]): Promise<{ seconds: number; status: string }> {
  const oos = server.pop("2019-06-01");
  const started = Date.now();
  const { Execution } = await oos.request<{ Execution: { ExecutionId: string } }>("StartExecution", {
    RegionId: "cn-hangzhou",
    TemplateName: "ACS-ECS-BulkyEncryptSystemDisk",
    Parameters: JSON.stringify({
      targets: { Type: "ResourceIds", ResourceIds: instanceIds, RegionId: "cn-hangzhou" },
      KMSKeyId: "",
      rateControl: { Mode: "Concurrency", MaxErrors: 0, Concurrency: 10 },
    }),
  });
  const status = await until(async () => {
    const { Executions } = await oos.request<{ Executions: { Status: string }[] }>("ListExecutions", { RegionId: "cn-hangzhou", ExecutionId: Execution.ExecutionId });
    const s = Executions[0]?.Status;
    return s === "Success" || s === "Failed" || s === "Cancelled" ? s : undefined;
  }, 900_000);
  const seconds = (Date.now() - started) / 1000;
  if (status !== "Success") {
    const { TaskExecutions } = await oos.request<{ TaskExecutions: { LoopItem: string; Status: string; StatusMessage: string }[] }>("ListTaskExecutions", {
      RegionId: "cn-hangzhou",
      ExecutionId: Execution.ExecutionId,
    });
    for (const t of TaskExecutions.filter((t) => t.Status === "Failed")) console.error(`  ${t.LoopItem || "getInstance"}: ${t.StatusMessage}`);
  }
  return { seconds, status };
}

export async function oosBenchmark(): Promise<string[]> {
  const server = await startTestServer({ env: { DISKSEAL_TRANSITION_MS: String(TRANSITION_MS) } });
  try {
    const five = await runningInstances(server, 5);
    const fifty = await runningInstances(server, 50);
    const small = await timeExecution(server, five);
    const large = await timeExecution(server, fifty);
    return [
      `5 instances     ${small.seconds.toFixed(1).padStart(6)} s  (${small.status})`,
      `50 instances    ${large.seconds.toFixed(1).padStart(6)} s  (${large.status})`,
      `ratio           ${(large.seconds / small.seconds).toFixed(2).padStart(6)}    (target ≤ 12)`,
    ];
  } finally {
    await server.stop();
  }
}

// `npx tsx bench/oos.mts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await oosBenchmark()) console.log(line);
}
