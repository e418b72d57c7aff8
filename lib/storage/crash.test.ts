import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { access } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { SECTOR_SIZE } from "./block-device";
import { readAllocationMap } from "./allocation-map";
import { crashPayload, crashRegion } from "./crash-layout";
import { chunkPath } from "./layout";
import { createMedium, openMedium } from "./medium";
import { tempMediaDir } from "./test-helpers";

const temp = tempMediaDir();
const FIXTURE = path.join(import.meta.dirname, "crash-writer.fixture.mts");

/** Runs crash-writer until it has flushed `flushes` times, then SIGKILLs it mid-write. */
async function writeThenKill(dir: string, keyHex: string, flushes: number): Promise<number> {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, dir, keyHex], {
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let lastFlushed = -1;
  let seen = 0;
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("exit", (_code, signal) => resolve(signal)),
  );
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /^flushed (\d+)$/.exec(line);
    if (match) lastFlushed = Number(match[1]);
    if (++seen === flushes) {
      child.kill("SIGKILL");
      break;
    }
  }
  expect(await exited, stderr).toBe("SIGKILL");
  return lastFlushed;
}

describe("crash safety", () => {
  it.each([false, true])(
    "keeps every flushed write after kill -9 mid-write (encrypted: %s)",
    async (encrypted) => {
      const dir = temp.dir(`crash-${encrypted}`);
      const key = randomBytes(64);
      await createMedium(dir, 1024 ** 4, { encrypted });
      const lastFlushed = await writeThenKill(dir, encrypted ? key.toString("hex") : "", 60);
      expect(lastFlushed).toBeGreaterThan(100);

      // The map as the crash left it: parseable, every record names an existing chunk file.
      const map = await readAllocationMap(dir);
      expect(map.chunks.size).toBeGreaterThan(50);
      for (const index of map.chunks) await access(chunkPath(dir, index));

      const medium = await openMedium({
        dir,
        encryption: encrypted ? { dataKey: key } : undefined,
      });
      for (let round = 0; round <= lastFlushed; round++) {
        const expected = crashPayload(round);
        const got = await medium.read(crashRegion(round), expected.length);
        expect(got.equals(expected), `round ${round} (flushed up to ${lastFlushed})`).toBe(true);
      }
      // Sector 0 was overwritten every round: it holds a whole round ≥ the last flushed one.
      const header = await medium.read(0, SECTOR_SIZE);
      const round = header.readUInt32LE(0);
      expect(round).toBeGreaterThanOrEqual(lastFlushed);
      expect(header.equals(crashPayload(round, 1))).toBe(true);
      await medium.close();
      expect((await readAllocationMap(dir)).invalidSlots).toBe(0);
    },
    60_000,
  );
});
