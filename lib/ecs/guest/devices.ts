import type { BlockDevice } from "@/lib/storage/block-device";

/** A disk as the hypervisor attaches it. */
export type DiskAttachment = {
  device: BlockDevice;
  /** The ECS disk id (`d-…`); its tail is the virtio serial (`bp1…`), as on ECS. */
  diskId?: string;
  /**
   * Keep a name the disk had before (`/dev/vdc`), e.g. when the server restarts an instance;
   * otherwise the lowest free one.
   */
  name?: string;
};

export type AttachedDevice = {
  /** `vda`, `vdb`, … (the guest's /dev name without /dev/). */
  name: string;
  index: number;
  diskId?: string;
  serial: string;
  device: BlockDevice;
};

/** The device was detached, or the guest powered off, while I/O on it was still wanted. */
export class DeviceGoneError extends Error {
  constructor(name: string) {
    super(`I/O on /dev/${name} after it went away`);
    this.name = "DeviceGoneError";
  }
}

/** vda, vdb, … vdz, vdaa, vdab, … as Linux names virtio disks. */
export function virtioName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(97 + ((n - 1) % 26)) + name;
  }
  return `vd${name}`;
}

/** The inverse of virtioName: "/dev/vdc" → 2; undefined for anything else. */
export function virtioIndex(name: string): number | undefined {
  const letters = /^(?:\/dev\/)?x?vd([a-z]+)$/.exec(name)?.[1];
  if (!letters) return undefined;
  return [...letters].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 96), 0) - 1;
}

/**
 * The guest's disks by name. The system disk is always `vda`; a data disk takes the lowest
 * free letter when attached, and frees it when detached.
 */
export class DeviceTable {
  private readonly byIndex = new Map<number, AttachedDevice>();

  attach(attachment: DiskAttachment, index?: number): AttachedDevice {
    const wanted = index ?? (attachment.name ? virtioIndex(attachment.name) : undefined);
    let slot = wanted ?? 1;
    if (wanted === undefined) while (this.byIndex.has(slot)) slot++;
    if (this.byIndex.has(slot)) throw new Error(`/dev/${virtioName(slot)} is already attached`);
    const attached: AttachedDevice = {
      name: virtioName(slot),
      index: slot,
      diskId: attachment.diskId,
      serial: attachment.diskId?.replace(/^d-/, "") ?? "",
      device: attachment.device,
    };
    this.byIndex.set(slot, attached);
    return attached;
  }

  detach(name: string): AttachedDevice | undefined {
    const found = this.find(name);
    if (found) this.byIndex.delete(found.index);
    return found;
  }

  /** By name (`vdb`, `/dev/vdb`) or disk id. */
  find(nameOrDiskId: string): AttachedDevice | undefined {
    const name = nameOrDiskId.replace(/^\/dev\//, "");
    return this.list().find(
      (entry) =>
        entry.name === name || (entry.diskId !== undefined && entry.diskId === nameOrDiskId),
    );
  }

  list(): AttachedDevice[] {
    return [...this.byIndex.values()].sort((a, b) => a.index - b.index);
  }
}

/**
 * The view of a device one boot of the guest has. Once that boot ends (reboot, power off) or
 * the disk is detached, every call fails, and a call still pending on a hung device fails when
 * it returns: a command stuck in I/O when the guest went down can never write after the next
 * boot mounted the disk again.
 */
export class BootScopedDevice implements BlockDevice {
  constructor(
    private readonly entry: AttachedDevice,
    private readonly isLive: () => boolean,
  ) {}

  get sizeBytes(): number {
    return this.entry.device.sizeBytes;
  }

  private check(): void {
    if (!this.isLive()) throw new DeviceGoneError(this.entry.name);
  }

  async read(offset: number, length: number): Promise<Buffer> {
    this.check();
    const data = await this.entry.device.read(offset, length);
    this.check();
    return data;
  }

  async write(offset: number, data: Uint8Array): Promise<void> {
    this.check();
    await this.entry.device.write(offset, data);
    this.check();
  }

  async flush(): Promise<void> {
    this.check();
    await this.entry.device.flush();
    this.check();
  }
}
