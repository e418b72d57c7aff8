import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SECTOR_SIZE } from "./block-device";
import { CHUNK_SIZE } from "./layout";
import { RwLock } from "./lock";
import { createMedium, openMedium } from "./medium";
import { tempMediaDir } from "./test-helpers";

const temp = tempMediaDir();
const SPAN = 48; // sectors, straddling the first chunk boundary
const BASE = CHUNK_SIZE - 24 * SECTOR_SIZE;

/** A sector that says which operation wrote it and where: any mix of two writes shows. */
function stamp(op: number, sector: number): Buffer {
  const unit = Buffer.alloc(8);
  unit.writeUInt32LE(op, 0);
  unit.writeUInt32LE(sector, 4);
  return Buffer.alloc(SECTOR_SIZE).fill(unit);
}

describe("concurrent I/O on one medium", () => {
  it.each([false, true])("is serialized in issue order (encrypted: %s)", async (encrypted) => {
    const dir = temp.dir(`concurrent-${encrypted}`);
    await createMedium(dir, 1024 ** 3, { encrypted });
    const encryption = encrypted ? { dataKey: randomBytes(64) } : undefined;
    const medium = await openMedium({ dir, encryption });
    const model: Buffer[] = Array.from({ length: SPAN }, () => Buffer.alloc(SECTOR_SIZE));
    const checks: Promise<void>[] = [];
    let seed = 12345;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let op = 1; op <= 400; op++) {
      const first = random(SPAN);
      const count = 1 + random(Math.min(SPAN - first, op % 10 === 0 ? SPAN : 8));
      const offset = BASE + first * SECTOR_SIZE;
      if (random(3) === 0) {
        const sectors = Array.from({ length: count }, (_, i) => stamp(op, first + i));
        sectors.forEach((sector, i) => (model[first + i] = sector));
        checks.push(medium.write(offset, Buffer.concat(sectors)));
      } else {
        const expected = Buffer.concat(model.slice(first, first + count));
        checks.push(
          medium.read(offset, count * SECTOR_SIZE).then((got) => {
            expect(got.equals(expected), `read #${op} at sector ${first}+${count}`).toBe(true);
          }),
        );
      }
      if (op % 97 === 0) checks.push(medium.flush());
    }
    await Promise.all(checks);
    expect((await medium.read(BASE, SPAN * SECTOR_SIZE)).equals(Buffer.concat(model))).toBe(true);
    await medium.close();
    const again = await openMedium({ dir, encryption, readOnly: true });
    expect((await again.read(BASE, SPAN * SECTOR_SIZE)).equals(Buffer.concat(model))).toBe(true);
    await again.close();
  });
});

describe("RwLock", () => {
  it("lets readers share, writers exclude, everyone in issue order", async () => {
    const lock = new RwLock();
    const log: string[] = [];
    const hold = (name: string, shared: boolean, ms: number) => {
      const turn = shared ? lock.shared() : lock.exclusive();
      return turn.then(async (release) => {
        log.push(`+${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`-${name}`);
        release();
      });
    };
    await Promise.all([
      hold("r1", true, 20),
      hold("r2", true, 5),
      hold("w1", false, 5),
      hold("r3", true, 1),
      hold("w2", false, 1),
    ]);
    expect(log).toEqual(["+r1", "+r2", "-r2", "-r1", "+w1", "-w1", "+r3", "-r3", "+w2", "-w2"]);
    expect(lock.idle).toBe(true);
  });
});
