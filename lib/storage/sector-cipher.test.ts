import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { decryptSectors, encryptSectors } from "../crypto/xts";
import { SECTOR_SIZE } from "./block-device";
import { transformInPlace } from "./cipher-pool";
import { cipherWorkerCount, cipherWorkerUnits, configureCipherPool } from "./cipher-workers";
import { giveScratch, takeScratch } from "./scratch";
import { clearSectors, sharedKeyCopy, zeroSectors } from "./sector-cipher";

const initialWorkers = cipherWorkerCount();
afterAll(() => configureCipherPool({ workers: initialWorkers }));

describe("cipher pool", () => {
  it.each([0, 1, 2])(
    "with %i workers equals lib/crypto's encryptSectors/decryptSectors",
    async (workers) => {
      await configureCipherPool({ workers, adaptive: false });
      const key = sharedKeyCopy(randomBytes(64));
      for (const [firstSector, sectors] of [
        [0, 1],
        [2 ** 33 + 5, 300],
        [77, 1024],
        [2 ** 52, 65],
      ]) {
        const plain = randomBytes(sectors * SECTOR_SIZE);
        const data = takeScratch(plain.length);
        data.set(plain);
        await transformInPlace("encrypt", key, firstSector, data);
        expect(data.equals(encryptSectors(key, firstSector, plain))).toBe(true);
        await transformInPlace("decrypt", key, firstSector, data);
        expect(data.equals(plain)).toBe(true);
        giveScratch(data);
      }
    },
  );

  it("puts the workers to work", async () => {
    await configureCipherPool({ workers: 1, adaptive: false });
    const key = sharedKeyCopy(randomBytes(64));
    const before = cipherWorkerUnits();
    const data = takeScratch(4 * 1024 * 1024);
    // A worker starts in tens of ms and then wakes in well under the ~4 ms a round takes the
    // calling thread alone; a busy host may make it miss rounds, not seconds of them.
    const deadline = Date.now() + 10_000;
    for (let round = 0; Date.now() < deadline && cipherWorkerUnits() === before; round++) {
      await transformInPlace("encrypt", key, round, data);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(cipherWorkerUnits()).toBeGreaterThan(before);
  });

  it("takes plain buffers too (on the calling thread)", async () => {
    await configureCipherPool({ workers: 1 });
    const key = sharedKeyCopy(randomBytes(64));
    const plain = randomBytes(64 * SECTOR_SIZE);
    const data = Buffer.from(plain);
    await transformInPlace("encrypt", key, 9, data);
    expect(decryptSectors(key, 9, data).equals(plain)).toBe(true);
  });

  it("reports a worker's failure instead of hanging", async () => {
    await configureCipherPool({ workers: 1, adaptive: false });
    const data = Buffer.from(new SharedArrayBuffer(512 * SECTOR_SIZE));
    const badKey = Buffer.from(new SharedArrayBuffer(64)); // equal halves: OpenSSL refuses to encrypt
    await expect(transformInPlace("encrypt", badKey, 0, data)).rejects.toThrow();
  });
});

describe("zero sectors", () => {
  it("finds and clears all-zero sectors", () => {
    const data = randomBytes(4 * SECTOR_SIZE);
    data.fill(0, SECTOR_SIZE, 2 * SECTOR_SIZE);
    data.fill(0, 3 * SECTOR_SIZE, 4 * SECTOR_SIZE - 1); // one byte short: written
    expect(zeroSectors(data)).toEqual([1]);
    clearSectors(data, [0]);
    expect(zeroSectors(data)).toEqual([0, 1]);
  });
});
