// `npm run bench`: prints the figures the issues ask for. Nothing here is asserted: speed is
// reported, not tested. Each figure is measured in this run, on this machine.
import { spawn } from "node:child_process";
import { ensureBuild } from "../scripts/ensure-build.mts";
import { startTestServer } from "../tests/helpers/server.ts";
import { hasWrk, load } from "./load.mts";
import { signedPath } from "./sign.mts";
import { storageBenchmarks } from "./storage.mts";
import { describeDisksBenchmark } from "./describe-disks.mts";
import { snapshotServiceBenchmark } from "./snapshots.mts";

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function startBare(body: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/bare-server.mts", body], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) => child.stdout!.on("data", (chunk: Buffer) => {
    const match = /listening (\d+)/.exec(chunk.toString());
    if (match) resolve(Number(match[1]));
  }));
  return { port, stop: () => child.kill() };
}

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

ensureBuild({ quiet: true });
console.log(`DiskSeal benchmarks — ${CONNECTIONS} connections, ${SECONDS} s per run, load by ${hasWrk ? "wrk" : "a Node client (install wrk for a fairer floor)"}\n`);

const server = await startTestServer({ env: { DISKSEAL_TRANSITION_MS: "1500" } });
try {
  const credentials = { accessKeyId: server.accessKeyId, accessKeySecret: server.accessKeySecret };
  const sample = await fetch(server.baseUrl + signedPath(credentials, "2014-05-26", "DescribeRegions")).then((r) => r.text());
  const bare = await startBare(sample);

  // Warm both up (JIT, connection pools) before measuring.
  const warm = Array.from({ length: 3000 }, () => signedPath(credentials, "2014-05-26", "DescribeRegions"));
  await load(bare.port, warm, CONNECTIONS, 1);
  await load(server.port, warm, CONNECTIONS, 1);

  const floor = await load(bare.port, Array.from({ length: 1000 }, () => "/"), CONNECTIONS, SECONDS);
  const paths = Array.from({ length: 40_000 * SECONDS }, () => signedPath(credentials, "2014-05-26", "DescribeRegions"));
  const signed = await load(server.port, paths, CONNECTIONS, SECONDS);

  // KMS GenerateDataKey: key lookup, state guards, material from the in-memory cache, AES-GCM seal, audit.
  const kms = server.pop("2016-01-20");
  const { KeyMetadata } = await kms.request<{ KeyMetadata: { KeyId: string } }>("CreateKey");
  const dataKeyPath = () => signedPath(credentials, "2016-01-20", "GenerateDataKey", { KeyId: KeyMetadata.KeyId, RegionId: "cn-hangzhou" });
  await load(server.port, Array.from({ length: 3000 }, dataKeyPath), CONNECTIONS, 1);
  const dataKeys = await load(server.port, Array.from({ length: 30_000 * SECONDS }, dataKeyPath), CONNECTIONS, SECONDS);
  bare.stop();

  console.log("Signed OpenAPI requests (ECS DescribeRegions, V1 HMAC-SHA1, audited)");
  console.log(`  bare node:http JSON floor   ${fmt(floor.requestsPerSecond).padStart(8)} requests/s`);
  console.log(`  DiskSeal DescribeRegions    ${fmt(signed.requestsPerSecond).padStart(8)} requests/s${signed.errors ? `  (${signed.errors} non-2xx!)` : ""}`);
  console.log(`  ratio                       ${(signed.requestsPerSecond / floor.requestsPerSecond).toFixed(3)}`);
  console.log("\nSigned KMS GenerateDataKey (AES-256 data key sealed under a CMK, audited; target ratio ≥ 0.15)");
  console.log(`  DiskSeal GenerateDataKey    ${fmt(dataKeys.requestsPerSecond).padStart(8)} requests/s${dataKeys.errors ? `  (${dataKeys.errors} non-2xx!)` : ""}`);
  console.log(`  ratio to the floor          ${(dataKeys.requestsPerSecond / floor.requestsPerSecond).toFixed(3)}`);

  console.log("\nDescribeDisks filtered by KMSKeyId, latency as the region grows");
  for (const line of await describeDisksBenchmark(server)) console.log(`  ${line}`);
} finally {
  await server.stop();
}

// The storage layer, with the server stopped so that it has the machine to itself.
console.log("\nStorage layer (lib/storage): sequential 1 MiB requests over 256 MiB");
for (const line of await storageBenchmarks()) console.log(`  ${line}`);

// Snapshot cost as the service pays it (issue 5): what was written, not the disk's size.
console.log("\nSnapshots (lib/ecs/snapshots, in process)");
for (const line of await snapshotServiceBenchmark()) console.log(`  ${line}`);
