import { createDecipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SECTOR_SIZE } from "./block-device";
import { CHUNK_SIZE, DATA_OFFSET } from "./layout";
import { createMedium, openMedium } from "./medium";
import { pattern, tempMediaDir } from "./test-helpers";

const TiB = 1024 ** 4;
const temp = tempMediaDir();

/** The contract's tweak, written out here on purpose (not lib/crypto's): u64le sector, zero-padded. */
function contractTweak(sector: number): Buffer {
  const tweak = Buffer.alloc(16);
  tweak.writeBigUInt64LE(BigInt(sector), 0);
  return tweak;
}

/** What `cryptsetup --type plain -c aes-xts-plain64 -s 512 --sector-size 4096 --iv-large-sectors` does. */
function decryptLikeStandardTools(key: Buffer, raw: Buffer, offset: number): Buffer {
  const out = Buffer.alloc(raw.length);
  for (let at = 0; at < raw.length; at += SECTOR_SIZE) {
    const sector = (offset + at - DATA_OFFSET) / SECTOR_SIZE;
    const decipher = createDecipheriv("aes-256-xts", key, contractTweak(sector));
    decipher.update(raw.subarray(at, at + SECTOR_SIZE)).copy(out, at);
    decipher.final();
  }
  return out;
}

describe("encrypted medium", () => {
  it("stores AES-256-XTS plain64 sectors that node:crypto decrypts with the data key", async () => {
    const dir = temp.dir("xts");
    await createMedium(dir, 64 * TiB, { encrypted: true });
    const key = randomBytes(64);
    const medium = await openMedium({ dir, encryption: { dataKey: key } });
    const writes = [
      { offset: 0, data: pattern(1, 1) },
      { offset: CHUNK_SIZE - 2 * SECTOR_SIZE, data: randomBytes(1024 * 1024) }, // large: cipher workers
      { offset: 20 * TiB + 7 * SECTOR_SIZE, data: pattern(2, 3) }, // sector numbers beyond 2^32
      { offset: 64 * TiB - SECTOR_SIZE, data: Buffer.alloc(SECTOR_SIZE) }, // a written sector of zeros
    ];
    for (const { offset, data } of writes) await medium.write(offset, data);
    for (const { offset, data } of writes) {
      const raw = await medium.readRaw(offset, data.length);
      expect(raw.equals(data)).toBe(false);
      expect(decryptLikeStandardTools(key, raw, offset).equals(data)).toBe(true);
      expect((await medium.read(offset, data.length)).equals(data)).toBe(true);
    }
    // Plaintext never reaches the media: no 64-byte run of it appears raw.
    const raw = await medium.readRaw(CHUNK_SIZE - 2 * SECTOR_SIZE, 1024 * 1024);
    expect(raw.includes(writes[1].data.subarray(5000, 5064))).toBe(false);
    await medium.close();
  });

  it("reads never-written sectors as zeros, raw and to the guest, even inside a written chunk", async () => {
    const dir = temp.dir("holes");
    await createMedium(dir, 1024 ** 3, { encrypted: true });
    const medium = await openMedium({ dir, encryption: { dataKey: randomBytes(64) } });
    await medium.write(2 * SECTOR_SIZE, pattern(3, 1));
    const guest = await medium.read(0, 8 * SECTOR_SIZE);
    const raw = await medium.readRaw(0, 8 * SECTOR_SIZE);
    for (const sector of [0, 1, 3, 4, 5, 6, 7]) {
      const range = [sector * SECTOR_SIZE, (sector + 1) * SECTOR_SIZE] as const;
      expect(guest.subarray(...range).every((b) => b === 0)).toBe(true);
      expect(raw.subarray(...range).every((b) => b === 0)).toBe(true);
    }
    expect(guest.subarray(2 * SECTOR_SIZE, 3 * SECTOR_SIZE).equals(pattern(3, 1))).toBe(true);
    expect((await medium.read(CHUNK_SIZE * 10, 64 * SECTOR_SIZE)).every((b) => b === 0)).toBe(true);
    // A large read (cipher workers) of a range holding one written sector.
    await medium.write(CHUNK_SIZE + 100 * SECTOR_SIZE, pattern(4, 1));
    const large = await medium.read(CHUNK_SIZE, 256 * SECTOR_SIZE);
    expect(large.subarray(100 * SECTOR_SIZE, 101 * SECTOR_SIZE).equals(pattern(4, 1))).toBe(true);
    large.fill(0, 100 * SECTOR_SIZE, 101 * SECTOR_SIZE);
    expect(large.every((b) => b === 0)).toBe(true);
    await medium.close();
  });

  it("keeps its own copy of the key and zeroes it on close", async () => {
    const dir = temp.dir("key-copy");
    await createMedium(dir, 1024 ** 3, { encrypted: true });
    const key = randomBytes(64);
    const keyBackup = Buffer.from(key);
    const medium = await openMedium({ dir, encryption: { dataKey: key } });
    key.fill(0); // the caller drops its copy at once
    await medium.write(0, pattern(4, 1));
    const held = (medium as unknown as { key: Buffer }).key;
    expect(held.equals(keyBackup)).toBe(true);
    await medium.close();
    expect(held.every((b) => b === 0)).toBe(true);
    expect((medium as unknown as { key: Buffer | null }).key).toBeNull();
    const again = await openMedium({ dir, encryption: { dataKey: keyBackup } });
    expect((await again.read(0, SECTOR_SIZE)).equals(pattern(4, 1))).toBe(true);
    await again.close();
  });

  it("without the key: raw reads and flushes work, guest I/O is refused; bad keys are refused", async () => {
    const dir = temp.dir("no-key");
    await createMedium(dir, 1024 ** 3, { encrypted: true });
    const keyed = await openMedium({ dir, encryption: { dataKey: randomBytes(64) } });
    await keyed.write(0, pattern(5, 1));
    const keyless = await openMedium({ dir });
    expect(keyless.encrypted).toBe(true);
    expect((await keyless.readRaw(0, SECTOR_SIZE)).equals(pattern(5, 1))).toBe(false);
    await expect(keyless.read(0, SECTOR_SIZE)).rejects.toMatchObject({ code: "KeyRequired" });
    await expect(keyless.write(0, pattern(5, 1))).rejects.toMatchObject({ code: "KeyRequired" });
    await keyless.flush();
    await keyless.close();
    await keyed.close();
    const sameHalves = Buffer.concat([Buffer.alloc(32, 7), Buffer.alloc(32, 7)]);
    await expect(openMedium({ dir, encryption: { dataKey: sameHalves } })).rejects.toThrow(
      RangeError,
    );
    await expect(openMedium({ dir, encryption: { dataKey: randomBytes(32) } })).rejects.toThrow(
      RangeError,
    );
  });
});
