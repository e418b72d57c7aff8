// Storage-layer figures for `npm run bench` (issue 4): sequential 1 MiB writes and reads of
// 256 MiB through lib/storage, encrypted and not, durable (flush = fsync after every request)
// and page-cache only; `openssl speed` AES-256-XTS for reference; snapshot cost vs disk size.
// Printed, never asserted. Media live under data/bench (a real disk: fsync on tmpfs is free).
//
// The unencrypted and the encrypted medium are measured side by side, alternating every
// 16 MiB: both see the same disk and CPU from moment to moment, so the ratio holds even on a
// shared machine whose fsync latency and free cores drift.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { encryptSectors } from "../lib/crypto/xts.ts";
import { transformInPlace } from "../lib/storage/cipher-pool.ts";
import { giveScratch, takeScratch } from "../lib/storage/scratch.ts";
import {
  CHUNK_SIZE,
  cipherWorkerCount,
  createMedium,
  deleteMedium,
  openMedium,
  snapshotMedium,
} from "../lib/storage/index.ts";
import type { Medium } from "../lib/storage/index.ts";

const MiB = 1024 * 1024;
const REQUEST = MiB;
const TOTAL = 256 * MiB;
/** Alternation unit: long enough that one medium's aftermath (GC, writeback) stays its own. */
const BLOCK = 16 * MiB;

type Pair = { plainWrite: number; encWrite: number; plainRead: number; encRead: number };

export async function storageBenchmarks(): Promise<string[]> {
  const base = process.env.DISKSEAL_BENCH_DIR ?? path.join(process.cwd(), "data", "bench");
  const root = path.join(base, `storage-${process.pid}`);
  await mkdir(root, { recursive: true });
  try {
    const key = randomBytes(64);
    const data = randomBytes(REQUEST);
    await sideBySide(path.join(root, "warm"), false, key, data, 32 * MiB); // JIT, workers
    const durable = await sideBySide(path.join(root, "durable"), true, key, data, TOTAL);
    const cache = await sideBySide(path.join(root, "cache"), false, key, data, TOTAL);

    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const lines = [
      `Storage: sequential ${TOTAL / MiB} MiB in ${REQUEST / MiB} MiB requests, ${CHUNK_SIZE / MiB} MiB chunk files, unencrypted and encrypted side by side; cipher workers: ${cipherWorkerCount()} + the calling thread`,
      `  write durable (fsync/request)  unencrypted ${mbps(durable.plainWrite)}  encrypted ${mbps(durable.encWrite)}  ratio ${ratio(durable.encWrite, durable.plainWrite)} (target ≥ 0.7)`,
      `  write page cache               unencrypted ${mbps(cache.plainWrite)}  encrypted ${mbps(cache.encWrite)}  ratio ${ratio(cache.encWrite, cache.plainWrite)}`,
      `  read (page cache)              unencrypted ${mbps(cache.plainRead)}  encrypted ${mbps(cache.encRead)}  ratio ${ratio(cache.encRead, cache.plainRead)}`,
    ];
    const cipher = await cipherFigures(key, data);
    lines.push(
      `  cipher alone, 1 MiB units: lib/crypto encryptSectors on one thread ${mbps(cipher.oneThread)}, cipher pool ${mbps(cipher.pool)}`,
    );
    const openssl = opensslXts();
    lines.push(
      openssl === null
        ? "  openssl speed -evp aes-256-xts: openssl not found, no reference figure"
        : `  openssl speed -evp aes-256-xts -bytes 4096: ${mbps(openssl)}; our XTS cipher / openssl (cipher to cipher): one thread ${ratio(cipher.oneThread, openssl)}, pool ${ratio(cipher.pool, openssl)} (target ≥ 0.1); our encrypted write / openssl: page cache ${ratio(cache.encWrite, openssl)}, durable ${ratio(durable.encWrite, openssl)}`,
    );
    lines.push(await snapshotFigures(root, data));
    return lines;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Bytes/s of each medium, alternating between them every BLOCK bytes. */
async function sideBySide(
  dir: string,
  durable: boolean,
  key: Buffer,
  data: Buffer,
  total: number,
): Promise<Pair> {
  await createMedium(`${dir}-plain`, 1024 * MiB);
  await createMedium(`${dir}-enc`, 1024 * MiB, { encrypted: true });
  const plain = await openMedium({ dir: `${dir}-plain` });
  const enc = await openMedium({ dir: `${dir}-enc`, encryption: { dataKey: key } });
  const ms = { plainWrite: 0, encWrite: 0, plainRead: 0, encRead: 0 };
  const timed = async (field: keyof Pair, io: () => Promise<unknown>) => {
    const start = performance.now();
    await io();
    ms[field] += performance.now() - start;
  };
  const write = (medium: Medium, offset: number) => async () => {
    await medium.write(offset, data);
    if (durable) await medium.flush();
  };
  try {
    for (let block = 0; block < total; block += BLOCK) {
      const end = Math.min(block + BLOCK, total);
      for (let offset = block; offset < end; offset += REQUEST)
        await timed("plainWrite", write(plain, offset));
      for (let offset = block; offset < end; offset += REQUEST)
        await timed("encWrite", write(enc, offset));
    }
    await Promise.all([plain.flush(), enc.flush()]);
    for (let block = 0; block < total; block += BLOCK) {
      const end = Math.min(block + BLOCK, total);
      for (let offset = block; offset < end; offset += REQUEST)
        await timed("plainRead", () => plain.read(offset, REQUEST));
      for (let offset = block; offset < end; offset += REQUEST)
        await timed("encRead", () => enc.read(offset, REQUEST));
    }
  } finally {
    await Promise.all([plain.close(), enc.close()]);
    await Promise.all([deleteMedium(`${dir}-plain`), deleteMedium(`${dir}-enc`)]);
  }
  const rate = (field: keyof Pair) => total / (ms[field] / 1000);
  return {
    plainWrite: rate("plainWrite"),
    encWrite: rate("encWrite"),
    plainRead: rate("plainRead"),
    encRead: rate("encRead"),
  };
}

/** The sector cipher without I/O: where the encrypted figures' time goes. */
async function cipherFigures(
  key: Buffer,
  data: Buffer,
): Promise<{ oneThread: number; pool: number }> {
  const rounds = 64;
  const out = Buffer.alloc(data.length);
  let start = performance.now();
  for (let round = 0; round < rounds; round++) encryptSectors(key, round * 256, data, out);
  const oneThread = (rounds * data.length) / ((performance.now() - start) / 1000);
  const shared = Buffer.from(new SharedArrayBuffer(64));
  key.copy(shared);
  start = performance.now();
  for (let round = 0; round < rounds; round++) {
    const buffer = takeScratch(data.length);
    data.copy(buffer);
    await transformInPlace("encrypt", shared, round * 256, buffer);
    giveScratch(buffer);
  }
  shared.fill(0);
  return { oneThread, pool: (rounds * data.length) / ((performance.now() - start) / 1000) };
}

/** Bytes/s of `openssl speed -evp aes-256-xts -bytes 4096 -seconds 2`, or null without openssl. */
function opensslXts(): number | null {
  const result = spawnSync(
    "openssl",
    ["speed", "-evp", "aes-256-xts", "-bytes", "4096", "-seconds", "2"],
    { encoding: "utf8", timeout: 30_000 },
  );
  if (result.error || result.status !== 0) return null;
  const line = result.stdout.split("\n").find((text) => /^aes-256-xts\s/i.test(text.trim()));
  const match = line && /([\d.]+)k\s*$/.exec(line.trim());
  return match ? Number(match[1]) * 1000 : null;
}

/**
 * Issue 5's rule, measured now: snapshot cost follows what was written, not the disk's size.
 * A 40 GiB and a 1 GiB disk with the same 64 MiB written, snapshotted alternately.
 */
async function snapshotFigures(root: string, data: Buffer): Promise<string> {
  const disks = [
    { name: "40g", size: 40 * 1024 * MiB, times: [] as number[] },
    { name: "1g", size: 1024 * MiB, times: [] as number[] },
  ];
  for (const disk of disks) {
    const dir = path.join(root, `${disk.name}-disk`);
    await createMedium(dir, disk.size);
    const medium = await openMedium({ dir });
    for (let offset = 0; offset < 64 * MiB; offset += REQUEST) await medium.write(offset, data);
    await medium.close();
  }
  for (let round = 0; round < 9; round++) {
    for (const disk of disks) {
      const start = performance.now();
      await snapshotMedium(
        path.join(root, `${disk.name}-disk`),
        path.join(root, `${disk.name}-snap${round}`),
      );
      disk.times.push(performance.now() - start);
    }
  }
  const [big, small] = disks.map((disk) => disk.times.sort((a, b) => a - b)[4]);
  return `  snapshotMedium alone (the storage step CreateSnapshot performs), 64 MiB written (median of 9): 40 GiB disk ${big.toFixed(1)} ms, 1 GiB disk ${small.toFixed(1)} ms, ratio ${(big / small).toFixed(2)} (target ≤ 1.5)`;
}

const mbps = (bytesPerSecond: number) => `${(bytesPerSecond / 1e6).toFixed(0).padStart(5)} MB/s`;
