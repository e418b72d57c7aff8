import { describe, expect, it } from "vitest";
import { installImage } from "@/lib/ecs/guest/images";
import { createLinuxGuest } from "@/lib/ecs/guest/linux-guest";
import {
  HangableBlockDevice,
  MemoryBlockDevice,
} from "@/lib/ecs/guest/testing/memory-block-device";

const MiB = 1024 * 1024;
const IMAGE = "aliyun_3_x64_20G_alibase_20240819.vhd";

/** Lets pending promise chains run: a few macrotask turns. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

function pendingState<T>(promise: Promise<T>) {
  const state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => Object.assign(state, { done: true, value }));
  return state;
}

async function hungInstance() {
  const medium = new MemoryBlockDevice(64 * MiB);
  await installImage(medium, { osType: "linux", imageId: IMAGE, hostname: "iZbp1hang01Z" });
  const device = new HangableBlockDevice(medium);
  let reboots = 0;
  const guest = createLinuxGuest({
    hostname: "iZbp1hang01Z",
    imageId: IMAGE,
    systemDisk: { device },
    commitIntervalMs: 0,
    onReboot: () => {
      // The hypervisor drops the data key; KMS refuses (key disabled): the disk hangs.
      reboots++;
      device.hang();
      guest.reportIoHang("vda");
    },
  });
  return { guest, device, medium, reboots: () => reboots };
}

describe("a guest whose disk hangs", () => {
  it("hangs the boot and every command until the device comes back", async () => {
    const { guest, device } = await hungInstance();
    device.hang();
    const boot = pendingState(guest.boot());
    const ls = pendingState(guest.openSession().run("ls /"));
    guest.reportIoHang("vda");
    await settle();
    expect(boot.done).toBe(false);
    expect(ls.done).toBe(false);
    expect(guest.state).toBe("booting");
    expect(guest.screen()).toEqual({ isBlack: true, text: "" });
    expect(guest.consoleOutput()).toMatch(
      /blk_update_request: I\/O error, dev vda, sector 2048 op 0x0:\(READ\)/,
    );
    expect(guest.consoleOutput().trimEnd().split("\n").at(-3)).toMatch(
      /INFO: task systemd:1 blocked for more than 120 seconds\.$/,
    );

    device.resume();
    await settle();
    expect(boot.done).toBe(true);
    expect(ls.done).toBe(true);
    expect(ls.value?.output).toContain("etc\n");
    expect(guest.state).toBe("running");
    expect(guest.screen().isBlack).toBe(false);
    expect(guest.screenText()).toContain("iZbp1hang01Z login: ");
  });

  it("an in-guest reboot ends the session, calls onReboot, and the new boot hangs until the key is back", async () => {
    const { guest, device, reboots } = await hungInstance();
    await guest.boot();
    const shell = guest.openSession();
    const other = guest.openSession();
    const sleeper = pendingState(other.run("sleep 1000"));
    await shell.run("echo before > /root/marker");
    expect(await shell.run("sudo reboot; echo never")).toEqual({
      output: "",
      exitCode: 0,
      ended: "reboot",
    });
    await expect(shell.run("ls")).rejects.toThrow("the session is closed");
    await settle();
    expect(sleeper).toEqual({
      done: true,
      value: { output: "", exitCode: 143, ended: "terminated" },
    });
    expect(reboots()).toBe(1);
    expect(guest.state).toBe("booting");
    expect(guest.screen().isBlack).toBe(true);
    const cat = pendingState(guest.openSession().run("cat /root/marker"));
    await settle();
    expect(cat.done).toBe(false);

    device.resume();
    await settle();
    expect(cat.value).toEqual({ output: "before\n", exitCode: 0 });
  });

  it("can be powered off while hung, and a stale I/O finishing later writes nothing", async () => {
    const { guest, device, medium } = await hungInstance();
    await guest.boot();
    const shell = guest.openSession();
    await shell.run("sync");
    device.hang();
    const write = pendingState(shell.run("echo late > /root/late.txt; sync"));
    await settle();
    expect(write.done).toBe(false);
    guest.powerOff();
    await settle();
    expect(write).toEqual({
      done: true,
      value: { output: "", exitCode: 143, ended: "terminated" },
    });
    expect(guest.state).toBe("stopped");
    expect(guest.screen().isBlack).toBe(true);
    const writesBefore = medium.stats.writes;
    device.resume();
    await settle();
    expect(medium.stats.writes).toBe(writesBefore);
    await expect(guest.openSession().run("ls")).rejects.toThrow("the instance is not running");
    await guest.boot();
    expect((await guest.openSession().run("cat /root/late.txt")).exitCode).toBe(1);
  });

  it("a Cloud Assistant timeout aborts a command that hangs", async () => {
    const { guest, device } = await hungInstance();
    await guest.boot();
    device.hang();
    const controller = new AbortController();
    const run = guest
      .openSession()
      .run("echo start; sync; echo end", { signal: controller.signal });
    await settle();
    controller.abort();
    expect(await run).toEqual({ output: "start\n", exitCode: 130, ended: "aborted" });
    device.resume();
  });
});
