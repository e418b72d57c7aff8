import type { DiskAttachment } from "@/lib/ecs/guest/devices";

/** Stopped → booting (pending while the system disk hangs) → running → stopping → stopped. */
export type GuestState = "stopped" | "booting" | "running" | "stopping";

export type GuestOptions = {
  /** The instance's host name (ECS: `iZbp1…Z`). */
  hostname: string;
  /** Public image id; a custom image's profile is read from its /etc/os-release at boot. */
  imageId: string;
  systemDisk: DiskAttachment;
  /** Attached in this order: /dev/vdb, /dev/vdc, … (D:, E:, … on Windows). */
  dataDisks?: DiskAttachment[];
  /** The emulator clock; defaults to real time. */
  now?: () => Date;
  memoryMiB?: number;
  /**
   * After an in-guest reboot (`reboot`, `Restart-Computer`) has shut the guest down: drop the
   * data keys and start asking KMS again, swap devices with `setDevice` if needed, and return
   * promptly. The guest then boots; a device that hangs hangs the boot.
   */
  onReboot?: () => void | Promise<void>;
  /** After an in-guest power-off (`poweroff`, `shutdown -h`, `Stop-Computer`): the instance is Stopped. */
  onPowerOff?: () => void;
  /** How often mounted filesystems commit on their own (ext4's commit=5); 0 turns it off. */
  commitIntervalMs?: number;
};
