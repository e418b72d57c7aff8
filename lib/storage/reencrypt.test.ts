import { createDecipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SECTOR_SIZE } from "./block-device";
import { CHUNK_SIZE } from "./layout";
import { createMedium, describeMedium, openMedium } from "./medium";
import { reencryptMedium } from "./reencrypt";
import { snapshotMedium } from "./snapshot";
import { pattern, tempMediaDir } from "./test-helpers";

const GiB = 1024 ** 3;
const temp = tempMediaDir();

const writes = [
  { offset: 0, data: pattern(1, 1) },
  { offset: 3 * SECTOR_SIZE, data: Buffer.alloc(SECTOR_SIZE, 0xab) },
  { offset: 7 * CHUNK_SIZE - SECTOR_SIZE, data: randomBytes(2 * SECTOR_SIZE + 1024 * 1024) },
];

async function seed(dir: string, key?: Buffer): Promise<void> {
  await createMedium(dir, GiB, { encrypted: Boolean(key) });
  const medium = await openMedium({ dir, encryption: key ? { dataKey: key } : undefined });
  for (const { offset, data } of writes) await medium.write(offset, data);
  await medium.close();
}

async function expectContent(dir: string, key?: Buffer): Promise<void> {
  const medium = await openMedium({ dir, encryption: key ? { dataKey: key } : undefined });
  for (const { offset, data } of writes) {
    expect((await medium.read(offset, data.length)).equals(data)).toBe(true);
    const raw = await medium.readRaw(offset, data.length);
    expect(raw.equals(data)).toBe(!key);
    if (key) {
      const sector = offset / SECTOR_SIZE;
      const tweak = Buffer.alloc(16);
      tweak.writeBigUInt64LE(BigInt(sector));
      const first = createDecipheriv("aes-256-xts", key, tweak).update(
        raw.subarray(0, SECTOR_SIZE),
      );
      expect(first.equals(data.subarray(0, SECTOR_SIZE))).toBe(true);
    }
  }
  // Unwritten sectors, inside written chunks too, stay zeros raw and to the guest.
  expect((await medium.readRaw(SECTOR_SIZE, 2 * SECTOR_SIZE)).every((b) => b === 0)).toBe(true);
  expect((await medium.read(SECTOR_SIZE, 2 * SECTOR_SIZE)).every((b) => b === 0)).toBe(true);
  await medium.close();
}

describe("reencryptMedium", () => {
  it("unencrypted snapshot → encrypted disk", async () => {
    await seed(temp.dir("plain"));
    await snapshotMedium(temp.dir("plain"), temp.dir("plain-snap"));
    const toKey = randomBytes(64);
    const progress: number[] = [];
    const info = await reencryptMedium(temp.dir("plain-snap"), temp.dir("plain-enc"), {
      toKey,
      sizeBytes: 2 * GiB,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(info).toMatchObject({
      encrypted: true,
      sizeBytes: 2 * GiB,
      allocatedBytes: 3 * CHUNK_SIZE,
    });
    expect(progress.at(-1)).toBe(1);
    await expectContent(temp.dir("plain-enc"), toKey);
  });

  it("key A → key B, and A → unencrypted", async () => {
    const keyA = randomBytes(64);
    const keyB = randomBytes(64);
    await seed(temp.dir("a"), keyA);
    await reencryptMedium(temp.dir("a"), temp.dir("b"), { fromKey: keyA, toKey: keyB });
    await expectContent(temp.dir("b"), keyB);
    await reencryptMedium(temp.dir("b"), temp.dir("clear"), { fromKey: keyB });
    await expectContent(temp.dir("clear"));
    expect(keyA.some((b) => b !== 0)).toBe(true); // the caller's keys are left alone
  });

  it("refuses a missing or needless source key and leaves no target behind", async () => {
    await seed(temp.dir("k"), randomBytes(64));
    await expect(
      reencryptMedium(temp.dir("k"), temp.dir("k2"), { toKey: randomBytes(64) }),
    ).rejects.toMatchObject({ code: "KeyMismatch" });
    await seed(temp.dir("p"));
    await expect(
      reencryptMedium(temp.dir("p"), temp.dir("p2"), { fromKey: randomBytes(64) }),
    ).rejects.toMatchObject({ code: "KeyMismatch" });
    await expect(describeMedium(temp.dir("k2"))).rejects.toMatchObject({ code: "NotFound" });
    await expect(
      reencryptMedium(temp.dir("p"), temp.dir("p3"), { sizeBytes: GiB / 2 }),
    ).rejects.toThrow(RangeError);
  });
});
