import { installImage } from "@/lib/ecs/guest/images";
import { createLinuxGuest, type LinuxGuest } from "@/lib/ecs/guest/linux-guest";
import { MemoryBlockDevice } from "@/lib/ecs/guest/testing/memory-block-device";
import { createWindowsGuest, type WindowsGuest } from "@/lib/ecs/guest/windows-guest";

export const MiB = 1024 * 1024;
export const ALINUX_IMAGE = "aliyun_3_x64_20G_alibase_20240819.vhd";
export const UBUNTU_IMAGE = "ubuntu_22_04_x64_20G_alibase_20240812.vhd";
export const WINDOWS_IMAGE = "win2022_21H2_x64_dtc_en-us_40G_alibase_20240816.vhd";

/** Builds a booted guest on in-memory disks: a system disk with the image, and blank data disks. */
export async function bootedLinux(
  options: { imageId?: string; dataDisks?: number; hostname?: string; now?: () => Date } = {},
): Promise<{ guest: LinuxGuest; system: MemoryBlockDevice; data: MemoryBlockDevice[] }> {
  const imageId = options.imageId ?? ALINUX_IMAGE;
  const hostname = options.hostname ?? "iZbp1test01Z";
  const system = new MemoryBlockDevice(64 * MiB);
  await installImage(system, { osType: "linux", imageId, hostname, now: options.now });
  const data = Array.from(
    { length: options.dataDisks ?? 1 },
    () => new MemoryBlockDevice(32 * MiB),
  );
  const guest = createLinuxGuest({
    hostname,
    imageId,
    now: options.now,
    systemDisk: { device: system, diskId: "d-bp1system0001" },
    dataDisks: data.map((device, i) => ({ device, diskId: `d-bp1data0000${i + 1}` })),
    commitIntervalMs: 0,
  });
  await guest.boot();
  return { guest, system, data };
}

export async function bootedWindows(
  options: { dataDisks?: number; now?: () => Date } = {},
): Promise<{ guest: WindowsGuest; system: MemoryBlockDevice; data: MemoryBlockDevice[] }> {
  const system = new MemoryBlockDevice(64 * MiB);
  const hostname = "iZbp1win001Z";
  await installImage(system, {
    osType: "windows",
    imageId: WINDOWS_IMAGE,
    hostname,
    now: options.now,
  });
  const data = Array.from(
    { length: options.dataDisks ?? 1 },
    () => new MemoryBlockDevice(32 * MiB),
  );
  const guest = createWindowsGuest({
    hostname,
    imageId: WINDOWS_IMAGE,
    now: options.now,
    systemDisk: { device: system, diskId: "d-bp1system0001" },
    dataDisks: data.map((device, i) => ({ device, diskId: `d-bp1data0000${i + 1}` })),
    commitIntervalMs: 0,
  });
  await guest.boot();
  return { guest, system, data };
}
