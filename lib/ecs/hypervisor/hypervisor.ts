import type { Disk } from "@/lib/generated/prisma/client";
import { processSingleton } from "@/lib/runtime";
import type { Guest } from "@/lib/ecs/guest";
import type { DiskHang, KeySource } from "@/lib/ecs/hypervisor/data-keys";
import { Vm, type VmSpec } from "@/lib/ecs/hypervisor/vm";

export type InstanceHang = DiskHang & { diskId: string; device: string; kmsKeyId: string | null };

/**
 * The instances running in this process, one `Vm` each (lib/ecs/hypervisor/vm.ts). Process-wide
 * (Next bundles lib/ several times; the custom server is one more). Operations on one instance
 * run one after another, in call order; the API never awaits a boot — `powerOn` returns once
 * the work is queued, and DescribeInstances reads the database, not the guest.
 */
export class Hypervisor {
  private readonly vms = new Map<string, Vm>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Console output of instances no longer running (GetInstanceConsoleOutput of a Stopped one). */
  private readonly lastConsoleOutput = new Map<string, string>();
  /** The instances domain's hook: an in-guest power-off (`poweroff`) stops the instance. */
  onGuestPowerOff: (instanceId: string) => void = () => {};
  /** Called when an instance has no operation left queued (its transitions may now complete). */
  onSettled: (instanceId: string) => void = () => {};

  private serial<T>(instanceId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(instanceId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    const tail = next.catch(() => undefined);
    this.queues.set(instanceId, tail);
    void tail.then(() => {
      if (this.queues.get(instanceId) !== tail) return;
      this.queues.delete(instanceId);
      this.onSettled(instanceId);
    });
    return next;
  }

  /** StartInstance, RunInstances, a server restart: the guest boots in the background. */
  powerOn(spec: VmSpec, keys: KeySource): Promise<void> {
    return this.serial(spec.instanceId, async () => {
      if (this.vms.has(spec.instanceId)) return zeroKeys(keys);
      const vm = new Vm(spec, () => this.poweredOffFromGuest(spec.instanceId));
      this.vms.set(spec.instanceId, vm);
      this.lastConsoleOutput.delete(spec.instanceId);
      vm.powerOn(keys);
    });
  }

  /** StopInstance (graceful unless `force`), DeleteInstance: keys zeroed, media flushed and closed. */
  powerOff(instanceId: string, options: { force?: boolean } = {}): Promise<void> {
    return this.serial(instanceId, async () => {
      const vm = this.vms.get(instanceId);
      if (!vm) return;
      await vm.powerOff(options);
      this.forget(instanceId, vm);
    });
  }

  /** RebootInstance: a running instance restarts with the keys the call unwrapped. */
  reboot(spec: VmSpec, keys: KeySource, options: { force?: boolean } = {}): Promise<void> {
    return this.serial(spec.instanceId, async () => {
      const vm = this.vms.get(spec.instanceId);
      if (vm) return vm.reboot(keys, options);
      const fresh = new Vm(spec, () => this.poweredOffFromGuest(spec.instanceId));
      this.vms.set(spec.instanceId, fresh);
      fresh.powerOn(keys);
    });
  }

  /** AttachDisk to a running instance; a stopped one gets the disk at its next start. */
  attachDisk(instanceId: string, disk: Disk, name: string, keys: KeySource): Promise<void> {
    return this.serial(instanceId, async () => {
      const vm = this.vms.get(instanceId);
      if (!vm) return zeroKeys(keys);
      await vm.attachDisk(disk, name, keys);
    });
  }

  detachDisk(instanceId: string, diskId: string): Promise<void> {
    return this.serial(instanceId, async () => {
      await this.vms.get(instanceId)?.detachDisk(diskId);
    });
  }

  /** Waits until every operation queued on the instance so far is done (tests, DeleteInstance). */
  settled(instanceId: string): Promise<void> {
    return this.serial(instanceId, async () => {});
  }

  guest(instanceId: string): Guest | undefined {
    return this.vms.get(instanceId)?.guest;
  }

  isRunning(instanceId: string): boolean {
    return this.vms.has(instanceId);
  }

  /** Whether operations on the instance are queued or running (a boot being set up, a shutdown). */
  isBusy(instanceId: string): boolean {
    return this.queues.has(instanceId);
  }

  hangs(instanceId: string): InstanceHang[] {
    return this.vms.get(instanceId)?.hangs() ?? [];
  }

  consoleOutput(instanceId: string): string {
    return this.vms.get(instanceId)?.guest.consoleOutput() ?? this.lastConsoleOutput.get(instanceId) ?? "";
  }

  forgetConsoleOutput(instanceId: string): void {
    this.lastConsoleOutput.delete(instanceId);
  }

  /** SIGTERM: running guests commit, every medium is flushed and closed, every key zeroed. */
  async shutdownAll(): Promise<void> {
    await Promise.all(
      [...this.vms.keys()].map((id) =>
        this.serial(id, async () => {
          const vm = this.vms.get(id);
          if (!vm) return;
          await vm.hostShutdown();
          this.forget(id, vm);
        }),
      ),
    );
  }

  /** ResetEmulator: every instance off at once (no commit), media closed, keys zeroed. */
  async resetAll(): Promise<void> {
    await Promise.all([...this.vms.keys()].map((id) => this.powerOff(id, { force: true })));
    this.lastConsoleOutput.clear();
  }

  private forget(instanceId: string, vm: Vm): void {
    this.lastConsoleOutput.set(instanceId, vm.guest.consoleOutput());
    if (this.vms.get(instanceId) === vm) this.vms.delete(instanceId);
  }

  private poweredOffFromGuest(instanceId: string): void {
    void this.powerOff(instanceId, { force: true }).then(() => this.onGuestPowerOff(instanceId));
  }
}

function zeroKeys(keys: KeySource): void {
  for (const key of keys.keys?.values() ?? []) key.fill(0);
  keys.keys?.clear();
}

export function getHypervisor(): Hypervisor {
  return processSingleton("ecs.hypervisor", () => new Hypervisor());
}
