import type { BlockDevice } from "@/lib/storage/block-device";
import type { Medium } from "@/lib/storage";

/** The instance went away (stopped, deleted) while I/O still waited for the disk's key. */
export class DeviceReleasedError extends Error {
  constructor(diskId: string) {
    super(`${diskId} was released while I/O waited for its data key`);
    this.name = "DeviceReleasedError";
  }
}

/**
 * The block device a guest is given for one disk. It forwards to the disk's medium while the
 * hypervisor holds the data key (`connect`); without it (`disconnect`: an in-guest reboot
 * dropped the key and KMS has not given it back) every read, write and flush waits — the
 * guest hangs on I/O, as on ECS — and goes on, in issue order, once a medium is connected.
 * `release` fails the waiting I/O for good (the instance stopped).
 */
export class KeyedDevice implements BlockDevice {
  private medium: Medium | null = null;
  private waiters: { resolve: (medium: BlockDevice) => void; reject: (error: Error) => void }[] = [];
  private releasedError: Error | null = null;

  constructor(
    readonly diskId: string,
    readonly sizeBytes: number,
  ) {}

  get isReleased(): boolean {
    return this.releasedError !== null;
  }

  get isConnected(): boolean {
    return this.medium !== null;
  }

  /** How many I/O requests wait for the key. */
  get waiting(): number {
    return this.waiters.length;
  }

  connect(medium: Medium): void {
    if (this.releasedError) throw this.releasedError;
    this.medium = medium;
    for (const waiter of this.waiters.splice(0)) waiter.resolve(medium);
  }

  /**
   * Drops the medium (the caller closes it); later I/O waits for the next `connect`. With
   * `abortWaiting`, I/O already waiting fails instead: it belongs to a boot that is over, and
   * must not land on the disk once the next boot has it.
   */
  disconnect(options: { abortWaiting?: boolean } = {}): Medium | null {
    if (options.abortWaiting) {
      const error = new DeviceReleasedError(this.diskId);
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    }
    const medium = this.medium;
    this.medium = null;
    return medium;
  }

  /** The disk leaves this instance (stop, detach): waiting and later I/O fail. */
  release(): Medium | null {
    this.releasedError ??= new DeviceReleasedError(this.diskId);
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.releasedError);
    return this.disconnect();
  }

  private target(): Promise<BlockDevice> {
    if (this.releasedError) return Promise.reject(this.releasedError);
    if (this.medium) return Promise.resolve(this.medium);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  async read(offset: number, length: number): Promise<Buffer> {
    return (await this.target()).read(offset, length);
  }

  async write(offset: number, data: Uint8Array): Promise<void> {
    return (await this.target()).write(offset, data);
  }

  async flush(): Promise<void> {
    return (await this.target()).flush();
  }
}
