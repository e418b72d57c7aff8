import { now } from "@/lib/clock";
import type { Disk } from "@/lib/generated/prisma/client";
import { createGuest, installImage, type Guest } from "@/lib/ecs/guest";
import { diskSizeBytes } from "@/lib/ecs/disks/data-key";
import { KeyedDevice } from "@/lib/ecs/hypervisor/keyed-device";
import {
  closeMedium,
  fetchDataKey,
  openMediumFor,
  type DiskHang,
  type KeySource,
} from "@/lib/ecs/hypervisor/data-keys";
import type { Medium } from "@/lib/storage";

/** What the hypervisor needs to run one instance. */
export type VmSpec = {
  instanceId: string;
  regionId: string;
  hostname: string;
  imageId: string;
  osType: "linux" | "windows";
  memoryMiB: number;
  systemDisk: Disk;
  /** Each with its `deviceLetter` (b, c, …): the guest keeps those names. */
  dataDisks: Disk[];
  /** The system disk comes from a public image: installed on it before the boot if it is still blank. */
  needsImage: boolean;
};

/** One disk of the instance; `opening` is its medium being opened (key request, install) right now. */
type Slot = { disk: Disk; device: KeyedDevice; name: string; hang?: DiskHang; opening?: Promise<void> };

/** How long a StopInstance waits for the guest to shut down cleanly before pulling the plug. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/**
 * One running instance: its guest and, per disk, the device the guest sees. A disk's medium is
 * open only while the hypervisor holds its data key; the key's plaintext lives only in the
 * medium (lib/storage zeroes it at `close`). `epoch` counts the times the keys were dropped:
 * a key request of an earlier power cycle never connects a medium to a later one.
 */
export class Vm {
  readonly guest: Guest;
  private readonly slots = new Map<string, Slot>();
  private epoch = 0;
  private isReleased = false;

  constructor(
    readonly spec: VmSpec,
    private readonly onGuestPowerOff: () => void,
  ) {
    const system = this.addSlot(spec.systemDisk, "/dev/vda");
    const data = spec.dataDisks.map((disk) => this.addSlot(disk, `/dev/vd${disk.deviceLetter}`));
    this.guest = createGuest(spec.osType, {
      hostname: spec.hostname,
      imageId: spec.imageId,
      systemDisk: { device: system.device, diskId: system.disk.id },
      dataDisks: data.map((slot) => ({ device: slot.device, diskId: slot.disk.id, name: slot.name })),
      now: () => now(),
      memoryMiB: spec.memoryMiB,
      onReboot: () => this.onGuestReboot(),
      onPowerOff: () => this.onGuestPowerOff(),
    });
  }

  private addSlot(disk: Disk, name: string): Slot {
    const slot: Slot = { disk, name, device: new KeyedDevice(disk.id, diskSizeBytes(disk.sizeGiB)) };
    this.slots.set(disk.id, slot);
    return slot;
  }

  /**
   * Connects the disks (with the keys given, else asking KMS) and boots in the background. A new
   * instance's image is installed on its system disk's medium before the guest gets it, so the
   * boot (and every command sent meanwhile) waits for the install as it waits for a key.
   */
  powerOn(keys: KeySource): void {
    this.isImagePending = this.spec.needsImage;
    this.connectAll(keys);
    void this.guest.boot();
  }

  private isImagePending = false;

  private async installImage(medium: Medium): Promise<void> {
    // Only a blank disk (nothing ever written) gets the image: every later start finds it there.
    if (medium.allocatedBytes() > 0) {
      this.isImagePending = false;
      return;
    }
    await installImage(medium, {
      osType: this.spec.osType,
      imageId: this.spec.imageId,
      hostname: this.spec.hostname,
      now: () => now(),
    });
    await medium.flush();
    this.isImagePending = false;
  }

  /** StopInstance (ForceStop, or a guest that is not up: the plug is pulled). Ends the Vm. */
  async powerOff(options: { force?: boolean } = {}): Promise<void> {
    await this.shutDownGuest(options.force === true);
    this.isReleased = true;
    this.epoch++;
    await Promise.all([...this.slots.values()].map((slot) => this.disconnectSlot(slot, "release")));
  }

  /** RebootInstance: the guest goes down, the keys are dropped, the new ones connected, it boots. */
  async reboot(keys: KeySource, options: { force?: boolean } = {}): Promise<void> {
    await this.shutDownGuest(options.force === true);
    await this.dropKeys();
    this.connectAll(keys);
    void this.guest.boot();
  }

  /** The host shuts down (SIGTERM): a running guest commits, then every medium flushes and closes. */
  async hostShutdown(): Promise<void> {
    await this.powerOff({ force: this.guest.state !== "running" });
  }

  private async shutDownGuest(force: boolean): Promise<void> {
    if (force || this.guest.state !== "running") {
      this.guest.powerOff();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), SHUTDOWN_TIMEOUT_MS);
    });
    const outcome = await Promise.race([this.guest.shutdown().catch(() => "failed" as const), timeout]);
    clearTimeout(timer);
    if (outcome !== undefined) this.guest.powerOff();
  }

  /** An in-guest reboot: the guest has unmounted; drop every key and ask KMS again. */
  private async onGuestReboot(): Promise<void> {
    if (this.isReleased) return;
    await this.dropKeys();
    this.connectAll({ causedBy: undefined });
  }

  private async dropKeys(): Promise<void> {
    this.epoch++;
    await Promise.all([...this.slots.values()].map((slot) => this.disconnectSlot(slot, "drop")));
  }

  private connectAll(keys: KeySource): void {
    for (const slot of this.slots.values()) this.connect(slot, keys);
  }

  private connect(slot: Slot, keys: KeySource): void {
    const epoch = this.epoch;
    const given = keys.keys?.get(slot.disk.id);
    keys.keys?.delete(slot.disk.id);
    const isCurrent = () => epoch === this.epoch && !this.isReleased && !slot.device.isReleased;
    const attach = async (medium: Medium | null) => {
      if (!medium) return;
      if (this.isImagePending && slot.disk.id === this.spec.systemDisk.id && isCurrent()) await this.installImage(medium);
      if (!isCurrent()) return closeMedium(medium);
      slot.hang = undefined;
      slot.device.connect(medium);
    };
    const opened =
      !slot.disk.encrypted || given
        ? openMediumFor(slot.disk, given, isCurrent)
        : fetchDataKey(slot.disk, keys, isCurrent, {
            onRefused: (hang) => {
              slot.hang = hang;
              this.guest.reportIoHang(slot.name);
            },
          });
    const opening = opened
      .then(attach)
      .catch((error: unknown) => console.error(`hypervisor: ${slot.disk.id} not connected`, error))
      .finally(() => {
        if (slot.opening === opening) slot.opening = undefined;
      });
    slot.opening = opening;
  }

  /**
   * Takes the slot's medium away (flushed, closed, key zeroed) — including one still being
   * opened, which closes itself once it sees the slot released or the power cycle over.
   */
  private async disconnectSlot(slot: Slot, how: "drop" | "release"): Promise<void> {
    const medium = how === "release" ? slot.device.release() : slot.device.disconnect({ abortWaiting: true });
    await closeMedium(medium);
    await slot.opening;
  }

  /** AttachDisk: the medium is opened (key given, or none for a plain disk) before the guest sees it. */
  async attachDisk(disk: Disk, name: string, keys: KeySource): Promise<void> {
    const slot = this.addSlot(disk, name);
    this.connect(slot, keys);
    await this.guest.attachDisk({ device: slot.device, diskId: disk.id, name });
  }

  /** DetachDisk: the guest commits and unmounts it (as is, if it hangs), then the key goes. */
  async detachDisk(diskId: string): Promise<void> {
    const slot = this.slots.get(diskId);
    if (!slot) return;
    await this.guest.detachDisk(diskId, { sync: slot.device.isConnected });
    this.slots.delete(diskId);
    await this.disconnectSlot(slot, "release");
  }

  /** Disks whose I/O waits for a key KMS refused: the console's "why is it hung". */
  hangs(): (DiskHang & { diskId: string; device: string; kmsKeyId: string | null })[] {
    return [...this.slots.values()]
      .filter((slot) => slot.hang && !slot.device.isConnected)
      .map((slot) => ({ diskId: slot.disk.id, device: slot.name, kmsKeyId: slot.disk.kmsKeyId, ...slot.hang! }));
  }
}

