/**
 * What a guest sees of a disk: a range of 4096-byte sectors. The backing medium (lib/storage)
 * implements it over chunk files, encrypting with XTS when the disk is encrypted; the
 * hypervisor hands it to the guest only while the disk's data key is in memory; the guest's
 * filesystem (lib/ecs/guest) lives on it. Offsets and lengths are whole sectors.
 */
export const SECTOR_SIZE = 4096;

export interface BlockDevice {
  /** Size in bytes, a multiple of SECTOR_SIZE. */
  readonly sizeBytes: number;
  /** Reads whole sectors; never-written sectors read as zeros. */
  read(offset: number, length: number): Promise<Buffer>;
  /** Writes whole sectors. Durable only after `flush()`. */
  write(offset: number, data: Uint8Array): Promise<void>;
  /** Makes every completed write durable (fsync): the guest's `sync`, detach, stop, shutdown. */
  flush(): Promise<void>;
}

export function assertSectorRange(device: { sizeBytes: number }, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new RangeError(`Invalid range ${offset}+${length}`);
  }
  if (offset % SECTOR_SIZE !== 0 || length % SECTOR_SIZE !== 0) {
    throw new RangeError(`Range ${offset}+${length} is not sector-aligned (${SECTOR_SIZE})`);
  }
  if (offset + length > device.sizeBytes) {
    throw new RangeError(`Range ${offset}+${length} is beyond the device's ${device.sizeBytes} bytes`);
  }
}
