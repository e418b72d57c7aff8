import { describe, expect, it } from "vitest";
import { installImage } from "@/lib/ecs/guest/images";
import { createLinuxGuest } from "@/lib/ecs/guest/linux-guest";
import { GuestNotRunningError } from "@/lib/ecs/guest/session";
import { ALINUX_IMAGE, MiB, bootedLinux } from "@/lib/ecs/guest/testing/guests";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

async function guestWithReboot(onReboot: () => Promise<void> | void, onPowerOff?: () => void) {
  const system = new MemoryBlockDevice(64 * MiB);
  await installImage(system, { osType: "linux", imageId: ALINUX_IMAGE, hostname: "iZbp1life01Z" });
  const guest = createLinuxGuest({
    hostname: "iZbp1life01Z",
    imageId: ALINUX_IMAGE,
    systemDisk: { device: system },
    commitIntervalMs: 0,
    onReboot,
    onPowerOff,
  });
  return { guest, system };
}

describe("the guest's power states", () => {
  it("refuses sessions' scripts while stopped, and boots on demand", async () => {
    const { guest } = await guestWithReboot(() => {});
    expect(guest.state).toBe("stopped");
    await expect(guest.openSession().run("ls")).rejects.toBeInstanceOf(GuestNotRunningError);
    await guest.boot();
    expect(guest.state).toBe("running");
    expect(guest.consoleOutput()).toMatch(
      /^\[ {4}0\.000000\] Linux version 5\.10\.134-16\.3\.al8\.x86_64/,
    );
    expect(guest.consoleOutput()).toContain("[  OK  ] Reached target Multi-User System.\n");
    expect(guest.consoleOutput()).toMatch(/iZbp1life01Z login: \n$/);
  });

  it("a script sent while the guest reboots runs once it is back", async () => {
    let release = () => {};
    const { guest } = await guestWithReboot(
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    await guest.boot();
    await guest.openSession().run("reboot");
    await settle();
    expect(guest.state).toBe("stopping");
    const run = guest.openSession().run("echo back");
    release();
    expect(await run).toEqual({ output: "back\n", exitCode: 0 });
    expect(guest.state).toBe("running");
  });

  it("StopInstance during an in-guest reboot leaves the instance stopped", async () => {
    let release = () => {};
    const { guest } = await guestWithReboot(
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    await guest.boot();
    await guest.openSession().run("reboot");
    await settle();
    await guest.shutdown();
    release();
    await settle();
    expect(guest.state).toBe("stopped");
  });

  it("poweroff in the guest stops the instance and tells the hypervisor", async () => {
    let poweredOff = 0;
    const { guest } = await guestWithReboot(
      () => {},
      () => poweredOff++,
    );
    await guest.boot();
    expect(await guest.openSession().run("poweroff")).toEqual({
      output: "",
      exitCode: 0,
      ended: "poweroff",
    });
    await settle();
    expect(guest.state).toBe("stopped");
    expect(poweredOff).toBe(1);
  });

  it("a root disk without a filesystem panics the boot, and the screen says so", async () => {
    const guest = createLinuxGuest({
      hostname: "h",
      imageId: ALINUX_IMAGE,
      systemDisk: { device: new MemoryBlockDevice(16 * MiB) },
      commitIntervalMs: 0,
    });
    void guest.boot();
    await settle();
    expect(guest.screen().isBlack).toBe(false);
    expect(guest.screenText()).toContain(
      "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(253,0)",
    );
  });

  it("commits mounted filesystems on its own every few seconds", async () => {
    const system = new MemoryBlockDevice(64 * MiB);
    await installImage(system, { osType: "linux", imageId: ALINUX_IMAGE, hostname: "h" });
    const guest = createLinuxGuest({
      hostname: "h",
      imageId: ALINUX_IMAGE,
      systemDisk: { device: system },
      commitIntervalMs: 20,
    });
    await guest.boot();
    await guest.openSession().run("echo unsynced > /root/f");
    const flushes = system.stats.flushes;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(system.stats.flushes).toBeGreaterThan(flushes);
    const image = system.durableImage();
    guest.powerOff();
    const crashed = createLinuxGuest({
      hostname: "h",
      imageId: ALINUX_IMAGE,
      systemDisk: { device: new MemoryBlockDevice(64 * MiB, image) },
      commitIntervalMs: 0,
    });
    await crashed.boot();
    expect((await crashed.openSession().run("cat /root/f")).output).toBe("unsynced\n");
  });

  it("reports each disk on the serial console, and a hot-plugged one too", async () => {
    const { guest } = await bootedLinux({ dataDisks: 1 });
    await guest.attachDisk({ device: new MemoryBlockDevice(32 * MiB) });
    const lines = guest
      .consoleOutput()
      .split("\n")
      .filter((line) => line.includes("virtio_blk"));
    expect(lines.map((line) => line.replace(/^\[[ \d.]+\] /, ""))).toEqual([
      "virtio_blk virtio2: [vda] 131072 512-byte logical blocks (0.1 GB/0.1 GiB)",
      "virtio_blk virtio3: [vdb] 65536 512-byte logical blocks (0.0 GB/0.0 GiB)",
      "virtio_blk virtio4: [vdc] 65536 512-byte logical blocks (0.0 GB/0.0 GiB)",
    ]);
  });
});
