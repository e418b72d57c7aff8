import { describe, expect, it } from "vitest";
import { probeFilesystem } from "@/lib/ecs/guest/fs/mkfs";
import { installImage } from "@/lib/ecs/guest/images";
import { createLinuxGuest } from "@/lib/ecs/guest/linux-guest";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";

const MiB = 1024 * 1024;
const IMAGE = "aliyun_3_x64_20G_alibase_20240819.vhd";

async function newInstance() {
  const system = new MemoryBlockDevice(64 * MiB);
  await installImage(system, { osType: "linux", imageId: IMAGE, hostname: "iZbp1test01Z" });
  const data = new MemoryBlockDevice(32 * MiB);
  return { system, data };
}

function bootGuest(system: MemoryBlockDevice, data: MemoryBlockDevice) {
  return createLinuxGuest({
    hostname: "iZbp1test01Z",
    imageId: IMAGE,
    systemDisk: { device: system, diskId: "d-bp1system0001" },
    dataDisks: [{ device: data, diskId: "d-bp1data00001" }],
    commitIntervalMs: 0,
  });
}

describe("the Linux guest: a data disk from lsblk to a file that survives a reboot", () => {
  it("runs the whole user story", async () => {
    const { system, data } = await newInstance();
    const guest = bootGuest(system, data);
    await guest.boot();
    const shell = guest.openSession();
    const run = (line: string) => shell.run(line);

    const lsblk = await run("lsblk");
    expect(lsblk).toEqual({
      exitCode: 0,
      output:
        "NAME MAJ:MIN RM SIZE RO TYPE MOUNTPOINTS\nvda  253:0    0  64M  0 disk /\nvdb  253:16   0  32M  0 disk\n",
    });
    await run("mkdir /data");
    expect(await run("mount /dev/vdb /data")).toEqual({
      exitCode: 32,
      output:
        "mount: /data: wrong fs type, bad option, bad superblock on /dev/vdb, missing codepage or helper program, or other error.\n",
    });
    const mkfs = await run("mkfs.ext4 /dev/vdb");
    expect(mkfs.exitCode).toBe(0);
    expect(mkfs.output).toMatch(
      /^mke2fs 1\.46\.0 \(29-Jan-2020\)\nCreating filesystem with 8192 4k blocks and \d+ inodes\nFilesystem UUID: [0-9a-f-]{36}\n/,
    );
    expect(await run("mount /dev/vdb /data && echo hello > /data/a.txt && sync")).toEqual({
      exitCode: 0,
      output: "",
    });
    expect((await run("cat /data/a.txt")).output).toBe("hello\n");
    expect((await run("df -h /data")).output).toMatch(
      /^Filesystem\s+Size\s+Used Avail Use% Mounted on\n\/dev\/vdb\s+.*\/data\n$/,
    );

    // The bytes are on the data disk's sectors (in clear: this in-memory device does not encrypt).
    const hits = data.find("hello\n");
    expect(hits).toHaveLength(1);
    const sb = await probeFilesystem(data);
    expect(hits[0] % 4096).toBe(0); // at the start of the file's block
    expect(hits[0] / 4096).toBeGreaterThanOrEqual(sb!.dataStart);
    expect(await guest.locateFile("/data/a.txt")).toEqual({
      device: "/dev/vdb",
      diskId: "d-bp1data00001",
      size: 6,
      ranges: [{ offset: hits[0], length: 4096 }],
    });
    expect(system.find("hello\n")).toEqual([]);

    // A fresh guest over the same devices: the mount is gone (no fstab), the file is not.
    await guest.shutdown();
    const again = bootGuest(system, data);
    await again.boot();
    const after = again.openSession();
    expect((await after.run("lsblk | grep vdb")).output).toBe("vdb  253:16   0  32M  0 disk\n");
    expect(await after.run("cat /data/a.txt")).toEqual({
      exitCode: 1,
      output: "cat: /data/a.txt: No such file or directory\n",
    });
    expect(await after.run("mount /dev/vdb /data; cat /data/a.txt")).toEqual({
      exitCode: 0,
      output: "hello\n",
    });
  });

  it("keeps files written to the system disk, and shows the image's identity", async () => {
    const { system, data } = await newInstance();
    const guest = bootGuest(system, data);
    await guest.boot();
    const shell = guest.openSession();
    expect((await shell.run("cat /etc/os-release | head -1")).output).toBe(
      'NAME="Alibaba Cloud Linux"\n',
    );
    expect((await shell.run("hostname; whoami; pwd")).output).toBe("iZbp1test01Z\nroot\n/root\n");
    expect((await shell.run("uname -a")).output).toBe(
      "Linux iZbp1test01Z 5.10.134-16.3.al8.x86_64 #1 SMP Thu Jun 6 10:08:17 CST 2024 x86_64 x86_64 x86_64 GNU/Linux\n",
    );
    await shell.run("echo 'on the system disk' > /root/notes.txt");
    await guest.shutdown();
    expect(system.find("on the system disk")).toHaveLength(1);
    const again = bootGuest(system, data);
    await again.boot();
    expect((await again.openSession().run("cat ~/notes.txt")).output).toBe("on the system disk\n");
  });
});
