import { describe, expect, it } from "vitest";
import { mountFilesystem, probeFilesystem } from "@/lib/ecs/guest/fs/mkfs";
import { installImage } from "@/lib/ecs/guest/images";
import { fsck } from "@/lib/ecs/guest/testing/fsck";
import { ALINUX_IMAGE, MiB, UBUNTU_IMAGE, WINDOWS_IMAGE } from "@/lib/ecs/guest/testing/guests";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";

async function install(osType: "linux" | "windows", imageId: string) {
  const device = new MemoryBlockDevice(64 * MiB);
  await installImage(device, {
    osType,
    imageId,
    hostname: "iZbp1img01Z",
    now: () => new Date("2024-09-10T02:00:00Z"),
  });
  return device;
}

const read = async (device: MemoryBlockDevice, path: string) =>
  (await (await mountFilesystem(device)).readFile(path.split("/").filter(Boolean))).toString();

describe("installImage", () => {
  it("lays down Alibaba Cloud Linux 3 with its identity, hostname and fstab", async () => {
    const device = await install("linux", ALINUX_IMAGE);
    expect(await read(device, "/etc/os-release")).toContain(
      'PRETTY_NAME="Alibaba Cloud Linux 3 (Soaring Falcon)"\n',
    );
    expect(await read(device, "/etc/hostname")).toBe("iZbp1img01Z\n");
    const sb = await probeFilesystem(device);
    expect(sb?.flavour).toBe("ext4");
    expect(await read(device, "/etc/fstab")).toBe(`UUID=${sb?.uuid} / ext4 defaults 1 1\n`);
    const { problems, tree } = await fsck(device);
    expect(problems).toEqual([]);
    for (const dir of ["/home", "/root", "/tmp", "/mnt", "/dev", "/proc", "/lost+found"])
      expect(tree.get(dir)).toBeNull();
  });

  it("lays down Ubuntu 22.04", async () => {
    const device = await install("linux", UBUNTU_IMAGE);
    expect(await read(device, "/etc/os-release")).toMatch(/^PRETTY_NAME="Ubuntu 22\.04\.4 LTS"\n/);
    expect(await read(device, "/etc/lsb-release")).toContain("DISTRIB_RELEASE=22.04");
  });

  it("lays down Windows Server 2022 on an NTFS-flavoured, case-insensitive volume", async () => {
    const device = await install("windows", WINDOWS_IMAGE);
    expect((await probeFilesystem(device))?.flavour).toBe("ntfs");
    expect(await read(device, "/windows/system32/DRIVERS/etc/hosts")).toMatch(
      /^# Copyright \(c\) 1993-2009 Microsoft Corp\.\r\n/,
    );
    const { tree } = await fsck(device);
    expect(tree.has("/Users/Administrator/Desktop")).toBe(true);
    expect(tree.has("/lost+found")).toBe(false);
  });
});
