// Issue 5's rule, measured on the service: CreateSnapshot of a 40 GiB and of a 1 GiB encrypted
// disk with the same 64 MiB written. The call is the service's (authorization, the key's state
// asked of KMS as ECS, the hard-linked snapshot of the medium, the row, the audit event); the
// data is complete when it answers. "Until accomplished" adds the status change, with
// DISKSEAL_TRANSITION_MS = 0 (the emulated delay is otherwise a fixed setting, not a cost).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { boot, shutdown } from "../lib/boot.ts";
import { readConfig } from "../lib/config.ts";
import type { RequestContext } from "../lib/context.ts";
import type { Disk } from "../lib/generated/prisma/client.ts";
import { getRuntime } from "../lib/runtime.ts";
import { openDiskDevice, unwrapDataKey } from "../lib/ecs/disks/data-key.ts";
import { provisionDisk } from "../lib/ecs/disks/provision-disk.ts";
import { resolveDiskEncryption } from "../lib/ecs/encryption/resolve-disk-encryption.ts";
import { createSnapshot } from "../lib/ecs/snapshots/create-snapshot.ts";
import { startSnapshots } from "../lib/ecs/snapshots/start-snapshots.ts";

const MiB = 1024 * 1024;
const WRITTEN = 64 * MiB;
const ROUNDS = 15;

export async function snapshotServiceBenchmark(): Promise<string[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "diskseal-bench-snap-"));
  const env = { DISKSEAL_DATA_DIR: dataDir, DISKSEAL_ROOT_KEY: randomBytes(32).toString("base64"), DISKSEAL_TRANSITION_MS: "0" };
  await boot(readConfig(env as unknown as NodeJS.ProcessEnv));
  try {
    startSnapshots();
    const ctx: RequestContext = { principal: { kind: "root", accountId: getRuntime().accountId }, regionId: "cn-hangzhou", requestId: "BENCH", source: "api" };
    const encryption = await resolveDiskEncryption(ctx, { regionId: "cn-hangzhou", category: "cloud_essd", usage: "data", encrypted: true, causedBy: "bench" });
    const data = randomBytes(MiB);
    const disks: { disk: Disk; call: number[]; accomplished: number[] }[] = [];
    for (const sizeGiB of [40, 1]) {
      const disk = await provisionDisk(ctx, "bench", { regionId: "cn-hangzhou", zoneId: "cn-hangzhou-h", category: "cloud_essd", sizeGiB, type: "data", encryption, status: "Available" });
      const key = await unwrapDataKey(ctx, disk, undefined);
      const medium = await openDiskDevice(disk, key);
      key.fill(0);
      for (let offset = 0; offset < WRITTEN; offset += MiB) await medium.write(offset, data);
      await medium.close();
      disks.push({ disk, call: [], accomplished: [] });
    }
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which disk goes first, so that neither pays for the other's leftovers.
      for (const entry of round % 2 === 0 ? disks : [...disks].reverse()) {
        const start = performance.now();
        const { snapshotId } = await createSnapshot(ctx, { diskId: entry.disk.id });
        entry.call.push(performance.now() - start);
        await getRuntime().scheduler.runDue();
        const row = await getRuntime().db.snapshot.findUniqueOrThrow({ where: { id: snapshotId } });
        if (row.status !== "accomplished") throw new Error(`${snapshotId} is ${row.status}`);
        entry.accomplished.push(performance.now() - start);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const [big, small] = disks;
    const line = (what: string, pick: (e: (typeof disks)[number]) => number[]) => {
      const b = median(pick(big));
      const s = median(pick(small));
      return `${what}: 40 GiB disk ${b.toFixed(1)} ms, 1 GiB disk ${s.toFixed(1)} ms, ratio ${(b / s).toFixed(2)} (target ≤ 1.5)`;
    };
    return [
      `CreateSnapshot (the service: authorize, KMS DescribeKey as ECS, hard-linked medium, row, audit), encrypted disks with ${WRITTEN / MiB} MiB written, median of ${ROUNDS}:`,
      `  ${line("the call", (e) => e.call)}`,
      `  ${line("until accomplished (DISKSEAL_TRANSITION_MS=0)", (e) => e.accomplished)}`,
    ];
  } finally {
    await shutdown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// Run alone: `npx tsx bench/snapshots.mts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await snapshotServiceBenchmark()) console.log(line);
}
