// DescribeDisks filtered by KMSKeyId as the account grows: the same 50 disks under the key, among
// 1,000 and then 100,000 disks in the region. Rows are seeded straight into the database (a
// disk's medium is not needed to describe it); the requests go through the signed endpoint.
import Database from "better-sqlite3";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { TestServer } from "../tests/helpers/server.ts";
import { signedPath } from "./sign.mts";

const MATCHING_DISKS = 50;
const SAMPLES = 200;

function seed(server: TestServer, from: number, to: number, keyOf: (i: number) => string): void {
  const db = new Database(path.join(server.dataDir, "diskseal.db"));
  db.pragma("busy_timeout = 10000");
  const insert = db.prepare(
    `INSERT INTO "Disk" (id, regionId, zoneId, category, performanceLevel, sizeGiB, type, status, encrypted, kmsKeyId, dataKeyCiphertext, encryptionContext, createdAt)
     VALUES (?, 'cn-hangzhou', 'cn-hangzhou-h', 'cloud_essd', 'PL1', 40, 'data', 'Available', 1, ?, 'seeded', ?, ?)`,
  );
  const created = new Date(Date.now() - 86_400_000).toISOString().replace("Z", "+00:00");
  db.transaction(() => {
    for (let i = from; i < to; i++) {
      const id = `d-bench${String(i).padStart(13, "0")}`;
      insert.run(id, keyOf(i), JSON.stringify({ "acs:ecs:disk": id }), created);
    }
  })();
  db.close();
}

async function medianLatencyMs(server: TestServer, keyId: string): Promise<number> {
  const credentials = { accessKeyId: server.accessKeyId, accessKeySecret: server.accessKeySecret };
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const url = server.baseUrl + signedPath(credentials, "2014-05-26", "DescribeDisks", { RegionId: "cn-hangzhou", KMSKeyId: keyId, MaxResults: "100" });
    const started = performance.now();
    const body = (await fetch(url).then((r) => r.json())) as { TotalCount: number };
    times.push(performance.now() - started);
    if (body.TotalCount !== MATCHING_DISKS) throw new Error(`DescribeDisks found ${body.TotalCount} disks, expected ${MATCHING_DISKS}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function describeDisksBenchmark(server: TestServer): Promise<string[]> {
  const kms = server.pop("2016-01-20");
  const { KeyMetadata } = await kms.request<{ KeyMetadata: { KeyId: string } }>("CreateKey");
  const others = Array.from({ length: 20 }, () => `key-other${randomUUID().slice(0, 8)}`);
  // Every 20th of the first 1,000 disks is under the measured key; the rest under 20 others.
  const keyOf = (i: number) => (i < 1000 && i % 20 === 0 ? KeyMetadata.KeyId : others[i % others.length]);
  seed(server, 0, 1000, keyOf);
  const small = await medianLatencyMs(server, KeyMetadata.KeyId);
  seed(server, 1000, 100_000, keyOf);
  const large = await medianLatencyMs(server, KeyMetadata.KeyId);
  return [
    `1,000 disks     ${small.toFixed(2).padStart(7)} ms median (${SAMPLES} requests, ${MATCHING_DISKS} disks under the key)`,
    `100,000 disks   ${large.toFixed(2).padStart(7)} ms median`,
    `ratio           ${(large / small).toFixed(2)}   (target ≤ 2)`,
  ];
}
