import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readAllocationMap } from "./allocation-map";
import { SECTOR_SIZE } from "./block-device";
import { StorageError } from "./errors";
import { CHUNK_SIZE, MAP_FILE, chunkPath } from "./layout";
import { allocatedChunks, createMedium, deleteMedium, describeMedium, openMedium } from "./medium";
import { flushAllMedia } from "./registry";
import { diskUsage, pattern, tempMediaDir } from "./test-helpers";

const GiB = 1024 ** 3;
const TiB = 1024 ** 4;
const temp = tempMediaDir();

describe("unencrypted medium", () => {
  it("reads zeros where nothing was written, raw and to the guest", async () => {
    await createMedium(temp.dir("zeros"), GiB);
    const medium = await openMedium({ dir: temp.dir("zeros") });
    await medium.write(CHUNK_SIZE, pattern(1, 2));
    expect((await medium.read(0, 3 * SECTOR_SIZE)).every((b) => b === 0)).toBe(true);
    expect(
      (await medium.read(CHUNK_SIZE + 2 * SECTOR_SIZE, 8 * SECTOR_SIZE)).every((b) => b === 0),
    ).toBe(true);
    expect((await medium.readRaw(GiB - 100, 100)).every((b) => b === 0)).toBe(true);
    expect(medium.allocatedBytes()).toBe(CHUNK_SIZE);
    await medium.close();
  });

  it("round-trips across chunk boundaries and after reopening", async () => {
    const dir = temp.dir("boundaries");
    await createMedium(dir, GiB);
    const medium = await openMedium({ dir, sizeBytes: GiB });
    const cases = [
      { offset: CHUNK_SIZE - SECTOR_SIZE, data: pattern(2, 2) }, // straddles chunk 0/1
      { offset: 3 * CHUNK_SIZE - 3 * SECTOR_SIZE, data: pattern(3, CHUNK_SIZE / SECTOR_SIZE + 6) }, // spans 3 chunks
      { offset: GiB - SECTOR_SIZE, data: pattern(4, 1) }, // last sector
      { offset: 0, data: pattern(5, 1) },
    ];
    for (const { offset, data } of cases) await medium.write(offset, data);
    for (const { offset, data } of cases) {
      expect((await medium.read(offset, data.length)).equals(data)).toBe(true);
      expect((await medium.readRaw(offset, data.length)).equals(data)).toBe(true);
    }
    await medium.close();
    const again = await openMedium({ dir });
    for (const { offset, data } of cases)
      expect((await again.read(offset, data.length)).equals(data)).toBe(true);
    // Unaligned raw reads (ReadDiskMedia takes any offset).
    expect(
      (await again.readRaw(CHUNK_SIZE - 10, 20)).equals(
        cases[0].data.subarray(SECTOR_SIZE - 10, SECTOR_SIZE + 10),
      ),
    ).toBe(true);
    await again.close();
  });

  it("sizes a 64 TiB medium that costs almost nothing on disk", async () => {
    const dir = temp.dir("huge");
    const size = 64 * TiB;
    await createMedium(dir, size);
    const medium = await openMedium({ dir });
    const spots = [0, 17 * TiB + 5 * SECTOR_SIZE, size - SECTOR_SIZE];
    for (const [index, offset] of spots.entries())
      await medium.write(offset, pattern(10 + index, 1));
    await medium.flush();
    for (const [index, offset] of spots.entries()) {
      expect((await medium.read(offset, SECTOR_SIZE)).equals(pattern(10 + index, 1))).toBe(true);
    }
    expect((await medium.read(40 * TiB, SECTOR_SIZE)).every((b) => b === 0)).toBe(true);
    expect(medium.sizeBytes).toBe(size);
    expect(medium.allocatedBytes()).toBe(3 * CHUNK_SIZE);
    await medium.close();
    expect(await diskUsage(dir)).toBeLessThan(1024 * 1024);
    expect(await allocatedChunks(dir)).toEqual([
      0,
      (17 * TiB) / CHUNK_SIZE,
      size / CHUNK_SIZE - 1,
    ]);
    expect(await describeMedium(dir)).toMatchObject({
      sizeBytes: size,
      allocatedBytes: 3 * CHUNK_SIZE,
      encrypted: false,
    });
  });

  it("grows, never shrinks, durably", async () => {
    const dir = temp.dir("resize");
    await createMedium(dir, GiB);
    const medium = await openMedium({ dir });
    await expect(medium.resize(GiB / 2)).rejects.toThrow(RangeError);
    await medium.resize(2 * GiB);
    await medium.write(2 * GiB - SECTOR_SIZE, pattern(6, 1));
    await medium.close();
    const again = await openMedium({ dir, sizeBytes: 2 * GiB });
    expect((await again.read(2 * GiB - SECTOR_SIZE, SECTOR_SIZE)).equals(pattern(6, 1))).toBe(true);
    await again.close();
  });

  it("refuses what it must", async () => {
    const dir = temp.dir("refusals");
    await createMedium(dir, GiB);
    await expect(createMedium(dir, GiB)).rejects.toMatchObject({ code: "Exists" });
    await expect(openMedium({ dir: temp.dir("nothing-here") })).rejects.toMatchObject({
      code: "NotFound",
    });
    await expect(openMedium({ dir, sizeBytes: 2 * GiB })).rejects.toThrow(RangeError);
    await expect(
      openMedium({ dir, encryption: { dataKey: Buffer.alloc(64, 1) } }),
    ).rejects.toMatchObject({ code: "KeyMismatch" });
    await expect(createMedium(temp.dir("odd"), GiB + 1)).rejects.toThrow(RangeError);
    const medium = await openMedium({ dir });
    await expect(medium.write(1, pattern(1, 1))).rejects.toThrow(RangeError);
    await expect(medium.write(GiB, pattern(1, 1))).rejects.toThrow(RangeError);
    await expect(medium.read(0, 100)).rejects.toThrow(RangeError);
    await expect(medium.readRaw(GiB - 10, 11)).rejects.toThrow(RangeError);
    await expect(deleteMedium(dir)).rejects.toMatchObject({ code: "Busy" });
    const viewer = await openMedium({ dir, readOnly: true });
    await expect(viewer.write(0, pattern(1, 1))).rejects.toMatchObject({ code: "ReadOnly" });
    await viewer.close();
    await medium.close();
    await expect(medium.read(0, SECTOR_SIZE)).rejects.toBeInstanceOf(StorageError);
    await medium.close(); // idempotent
    await deleteMedium(dir);
    await expect(readdir(dir)).rejects.toThrow();
  });

  it("shares one store between views: a raw view sees unflushed guest writes", async () => {
    const dir = temp.dir("views");
    await createMedium(dir, GiB);
    const guest = await openMedium({ dir });
    const raw = await openMedium({ dir, readOnly: true });
    await guest.write(SECTOR_SIZE, pattern(7, 1));
    expect((await raw.readRaw(SECTOR_SIZE, SECTOR_SIZE)).equals(pattern(7, 1))).toBe(true);
    await raw.close();
    expect((await guest.read(SECTOR_SIZE, SECTOR_SIZE)).equals(pattern(7, 1))).toBe(true);
    await guest.close();
  });
});

describe("flushing", () => {
  it("records new chunks in the map at flush, for one medium or all (SIGTERM)", async () => {
    const dir = temp.dir("flush-all");
    await createMedium(dir, GiB);
    const medium = await openMedium({ dir });
    await medium.write(7 * CHUNK_SIZE, pattern(1, 1));
    expect((await readAllocationMap(dir)).chunks.has(7)).toBe(false); // page cache only
    await flushAllMedia();
    expect((await readAllocationMap(dir)).chunks.has(7)).toBe(true);
    await medium.write(9 * CHUNK_SIZE, pattern(1, 1));
    await medium.flush();
    expect([...(await readAllocationMap(dir)).chunks]).toEqual([7, 9]);
    await medium.close();
  });
});

describe("allocation map and leftovers of a crash", () => {
  it("ignores a torn tail and rewrites the map clean", async () => {
    const dir = temp.dir("torn");
    await createMedium(dir, GiB);
    const medium = await openMedium({ dir });
    await medium.write(0, pattern(8, 1));
    await medium.write(5 * CHUNK_SIZE, pattern(9, 1));
    await medium.close();
    const map = path.join(dir, MAP_FILE);
    const clean = await readFile(map);
    await writeFile(map, Buffer.concat([clean, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])]));
    const again = await openMedium({ dir });
    expect(again.allocatedBytes()).toBe(2 * CHUNK_SIZE);
    expect((await again.read(5 * CHUNK_SIZE, SECTOR_SIZE)).equals(pattern(9, 1))).toBe(true);
    await again.close();
    expect(await readFile(map)).toEqual(clean);
  });

  it("treats a chunk file missing from the map as never written, and starts it afresh", async () => {
    const dir = temp.dir("orphan");
    await createMedium(dir, GiB);
    const medium = await openMedium({ dir });
    await medium.write(0, pattern(1, 1));
    await medium.close();
    // An orphan: its data reached the disk but its map record did not (crash before flush).
    const orphan = chunkPath(dir, 3);
    await mkdir(path.dirname(orphan), { recursive: true });
    await writeFile(orphan, pattern(2, 4));
    const again = await openMedium({ dir });
    expect((await again.read(3 * CHUNK_SIZE, 4 * SECTOR_SIZE)).every((b) => b === 0)).toBe(true);
    await again.write(3 * CHUNK_SIZE + 2 * SECTOR_SIZE, pattern(3, 1));
    const sectors = await again.read(3 * CHUNK_SIZE, 4 * SECTOR_SIZE);
    expect(sectors.subarray(0, 2 * SECTOR_SIZE).every((b) => b === 0)).toBe(true);
    expect(sectors.subarray(2 * SECTOR_SIZE, 3 * SECTOR_SIZE).equals(pattern(3, 1))).toBe(true);
    await again.close();
  });
});
