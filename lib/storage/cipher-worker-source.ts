/*
 * The body of a cipher worker, as CommonJS source for `new Worker(source, { eval: true })`:
 * no worker file to locate, so it runs the same under tsx, vitest and Next's bundles. Its
 * cipher is exactly lib/crypto/xts.ts's per-sector loop — one AES-256-XTS data unit per
 * 4096-byte sector, tweak = plain64(sector number) — applied in place; sector-cipher.test.ts
 * pins it byte for byte to encryptSectors/decryptSectors (themselves pinned to IEEE 1619).
 *
 * A job is shared work (see cipher-pool.ts): { ctrl, key, buffer, byteOffset, length,
 * firstSector, unitBytes, encrypt }, all memory SharedArrayBuffers (the key is not copied).
 * Workers and the posting thread take units from ctrl[NEXT] until none is left and count them
 * in ctrl[DONE]; a job whose units are all taken when its message arrives costs nothing.
 */
export const CTRL_NEXT = 0;
export const CTRL_UNITS = 1;
export const CTRL_DONE = 2;
export const CTRL_FAILED = 3;

export const CIPHER_WORKER_SOURCE = `
"use strict";
const { parentPort } = require("node:worker_threads");
const { createCipheriv, createDecipheriv } = require("node:crypto");
const SECTOR = 4096;
const tweak = Buffer.alloc(16);
parentPort.on("message", (job) => {
  const ctrl = new Int32Array(job.ctrl);
  const units = ctrl[${CTRL_UNITS}];
  const key = Buffer.from(job.key);
  const data = Buffer.from(job.buffer, job.byteOffset, job.length);
  const create = job.encrypt ? createCipheriv : createDecipheriv;
  for (;;) {
    const unit = Atomics.add(ctrl, ${CTRL_NEXT}, 1);
    if (unit >= units) break;
    try {
      const end = Math.min(job.length, (unit + 1) * job.unitBytes);
      let sector = job.firstSector + (unit * job.unitBytes) / SECTOR;
      for (let start = unit * job.unitBytes; start < end; start += SECTOR, sector++) {
        tweak.fill(0);
        tweak.writeUInt32LE(sector % 4294967296, 0);
        tweak.writeUInt32LE(Math.floor(sector / 4294967296), 4);
        const cipher = create("aes-256-xts", key, tweak);
        cipher.update(data.subarray(start, start + SECTOR)).copy(data, start);
        cipher.final();
      }
    } catch {
      Atomics.store(ctrl, ${CTRL_FAILED}, 1);
    }
    Atomics.add(ctrl, ${CTRL_DONE}, 1);
    Atomics.notify(ctrl, ${CTRL_DONE});
  }
});
`;
