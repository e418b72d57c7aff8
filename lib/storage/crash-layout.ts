import { SECTOR_SIZE } from "./block-device";

/** Where crash-writer's round `round` writes: its own region, 2 MiB + 12 KiB apart. */
export function crashRegion(round: number): number {
  return SECTOR_SIZE + round * (2 * 1024 * 1024 + 3 * SECTOR_SIZE);
}

/** Round `round`'s data: 1 to 16 sectors, each stamped with the round and its index. */
export function crashPayload(round: number, sectors = 1 + (round % 16)): Buffer {
  const out = Buffer.alloc(sectors * SECTOR_SIZE);
  for (let at = 0; at < out.length; at += 8) {
    out.writeUInt32LE(round, at);
    out.writeUInt32LE(at, at + 4);
  }
  return out;
}
