import { randomBytes } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SECTOR_SIZE } from "./block-device";
import { CHUNK_SIZE, CHUNKS_DIR, chunkPath } from "./layout";
import { createMedium, deleteMedium, openMedium } from "./medium";
import { restoreMedium, snapshotMedium } from "./snapshot";
import { diskUsage, pattern, tempMediaDir } from "./test-helpers";

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const temp = tempMediaDir();

async function chunkFiles(dir: string): Promise<string[]> {
  const root = path.join(dir, CHUNKS_DIR);
  const files: string[] = [];
  for (const sub of await readdir(root))
    for (const name of await readdir(path.join(root, sub))) files.push(`${sub}/${name}`);
  return files.sort();
}

describe("snapshotMedium", () => {
  it("keeps the point-in-time bytes while the open source changes, then after it is deleted", async () => {
    const src = temp.dir("src");
    const snap = temp.dir("src-snap");
    await createMedium(src, GiB, { encrypted: true });
    const key = randomBytes(64);
    const medium = await openMedium({ dir: src, encryption: { dataKey: key } });
    const before = pattern(1, (2 * CHUNK_SIZE) / SECTOR_SIZE);
    await medium.write(0, before); // not flushed: the snapshot flushes
    const info = await snapshotMedium(src, snap);
    expect(info).toMatchObject({
      sizeBytes: GiB,
      encrypted: true,
      readOnly: true,
      allocatedBytes: 2 * CHUNK_SIZE,
    });

    await medium.write(SECTOR_SIZE, pattern(2, 1)); // into a shared chunk: copied first
    await medium.write(5 * CHUNK_SIZE, pattern(3, 1)); // a new chunk
    expect((await stat(chunkPath(src, 0))).nlink).toBe(1);
    expect((await stat(chunkPath(src, 1))).nlink).toBe(2); // untouched: still shared

    const frozen = await openMedium({ dir: snap, encryption: { dataKey: key } });
    expect(frozen.readOnly).toBe(true);
    expect((await frozen.read(0, before.length)).equals(before)).toBe(true);
    expect((await frozen.read(5 * CHUNK_SIZE, SECTOR_SIZE)).every((b) => b === 0)).toBe(true);
    await expect(frozen.write(0, pattern(9, 1))).rejects.toMatchObject({ code: "ReadOnly" });
    await expect(frozen.resize(2 * GiB)).rejects.toMatchObject({ code: "ReadOnly" });
    await frozen.close();
    expect((await medium.read(SECTOR_SIZE, SECTOR_SIZE)).equals(pattern(2, 1))).toBe(true);

    await medium.close();
    await deleteMedium(src);
    const orphaned = await openMedium({ dir: snap, encryption: { dataKey: key } });
    expect((await orphaned.read(0, before.length)).equals(before)).toBe(true);
    await orphaned.close();
  });

  it("costs what was written, not the disk size: links, no copies", async () => {
    const data = randomBytes(4 * MiB);
    const result: Record<string, { files: string[]; used: number }> = {};
    for (const [name, size] of [
      ["small", GiB],
      ["large", 40 * GiB],
    ] as const) {
      const dir = temp.dir(`cost-${name}`);
      await createMedium(dir, size);
      const medium = await openMedium({ dir });
      for (let offset = 0; offset < 64 * MiB; offset += data.length)
        await medium.write(size / 2 + offset, data);
      await medium.close();
      const usedBefore = await diskUsage(temp.root());
      const info = await snapshotMedium(dir, temp.dir(`cost-${name}-snap`));
      expect(info.allocatedBytes).toBe(64 * MiB);
      result[name] = {
        files: await chunkFiles(temp.dir(`cost-${name}-snap`)),
        used: (await diskUsage(temp.root())) - usedBefore,
      };
      for (const file of result[name].files) {
        const [a, b] = await Promise.all([
          stat(path.join(dir, CHUNKS_DIR, file)),
          stat(path.join(temp.dir(`cost-${name}-snap`), CHUNKS_DIR, file)),
        ]);
        expect(b.ino).toBe(a.ino); // the same inode: nothing copied
      }
    }
    expect(result.small.files).toHaveLength(16);
    expect(result.large.files).toHaveLength(16);
    expect(result.small.used).toBeLessThan(MiB); // directories, the map, medium.json
    expect(result.large.used).toBeLessThan(MiB);
  });

  it("snapshots a closed medium, and refuses an existing target", async () => {
    const dir = temp.dir("closed");
    await createMedium(dir, GiB);
    const medium = await openMedium({ dir });
    await medium.write(CHUNK_SIZE, pattern(4, 1));
    await medium.close();
    await snapshotMedium(dir, temp.dir("closed-snap"));
    await expect(snapshotMedium(dir, temp.dir("closed-snap"))).rejects.toMatchObject({
      code: "Exists",
    });
    await expect(
      snapshotMedium(temp.dir("missing"), temp.dir("missing-snap")),
    ).rejects.toMatchObject({ code: "NotFound" });
    const view = await openMedium({ dir: temp.dir("closed-snap") });
    expect((await view.readRaw(CHUNK_SIZE, SECTOR_SIZE)).equals(pattern(4, 1))).toBe(true);
    await view.close();
  });
});

describe("restoreMedium", () => {
  it("makes a writable medium from a snapshot; its writes never reach the snapshot", async () => {
    const src = temp.dir("r-src");
    await createMedium(src, GiB);
    const medium = await openMedium({ dir: src });
    await medium.write(0, pattern(5, 4));
    await medium.close();
    await snapshotMedium(src, temp.dir("r-snap"));
    await deleteMedium(src);

    const info = await restoreMedium(temp.dir("r-snap"), temp.dir("r-a"), { sizeBytes: 2 * GiB });
    expect(info).toMatchObject({ sizeBytes: 2 * GiB, readOnly: false, allocatedBytes: CHUNK_SIZE });
    await restoreMedium(temp.dir("r-snap"), temp.dir("r-b"));
    const a = await openMedium({ dir: temp.dir("r-a") });
    expect((await a.read(0, 4 * SECTOR_SIZE)).equals(pattern(5, 4))).toBe(true);
    await a.write(SECTOR_SIZE, pattern(6, 1));
    await a.write(2 * GiB - SECTOR_SIZE, pattern(7, 1));
    await a.close();

    const b = await openMedium({ dir: temp.dir("r-b") });
    expect((await b.read(0, 4 * SECTOR_SIZE)).equals(pattern(5, 4))).toBe(true);
    await b.close();
    const snap = await openMedium({ dir: temp.dir("r-snap") });
    expect((await snap.read(0, 4 * SECTOR_SIZE)).equals(pattern(5, 4))).toBe(true);
    await snap.close();
    const reopened = await openMedium({ dir: temp.dir("r-a") });
    expect((await reopened.read(SECTOR_SIZE, SECTOR_SIZE)).equals(pattern(6, 1))).toBe(true);
    await reopened.close();
    await expect(
      restoreMedium(temp.dir("r-snap"), temp.dir("r-c"), { sizeBytes: GiB / 2 }),
    ).rejects.toThrow(RangeError);
  });
});
