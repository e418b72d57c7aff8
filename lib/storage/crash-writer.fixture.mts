// Child process of crash.test.ts: writes and flushes in a loop until it is killed (SIGKILL).
// Usage: node --import tsx crash-writer.fixture.mts <medium dir> [data key hex]
// Round r writes its own region (new chunks keep being allocated) and overwrites sector 0 with
// its number; after each flush it prints "flushed <r>": every round ≤ r is then durable.
import { crashPayload, crashRegion } from "./crash-layout.ts";
import { openMedium } from "./medium.ts";

const [dir, keyHex] = process.argv.slice(2);
const medium = await openMedium({
  dir,
  encryption: keyHex ? { dataKey: Buffer.from(keyHex, "hex") } : undefined,
});
for (let round = 0; ; round++) {
  await Promise.all([
    medium.write(crashRegion(round), crashPayload(round)),
    medium.write(0, crashPayload(round, 1)),
  ]);
  if (round % 3 === 2) {
    await medium.flush();
    process.stdout.write(`flushed ${round}\n`);
  }
}
