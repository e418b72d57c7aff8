import { psTable, storageSize } from "@/lib/ecs/guest/powershell/format";
import type { Cmdlet } from "@/lib/ecs/guest/powershell/cmdlet-kit";
import type { WindowsSystem } from "@/lib/ecs/guest/powershell/types";

function diskTable(sys: WindowsSystem): string {
  const rows = sys
    .disks()
    .map((d) => [
      String(d.number),
      "Red Hat VirtIO",
      d.serial,
      "Healthy",
      "Online",
      storageSize(d.sizeBytes),
      d.partitionStyle,
    ]);
  return psTable(
    [
      { name: "Number" },
      { name: "Friendly Name" },
      { name: "Serial Number", width: 20 },
      { name: "HealthStatus" },
      { name: "OperationalStatus" },
      { name: "Total Size", align: "right" },
      { name: "Partition Style" },
    ],
    rows,
  );
}

function volumeTable(sys: WindowsSystem): string {
  const rows = sys.volumes().map((v) => {
    const usage = v.fs.usage();
    return [
      v.letter,
      usage.label,
      "NTFS",
      "Fixed",
      "Healthy",
      "OK",
      storageSize((usage.freeBlocks - usage.reservedBlocks) * 4096),
      storageSize(v.sizeBytes),
    ];
  });
  return psTable(
    [
      { name: "DriveLetter" },
      { name: "FriendlyName" },
      { name: "FileSystemType" },
      { name: "DriveType" },
      { name: "HealthStatus" },
      { name: "OperationalStatus" },
      { name: "SizeRemaining", align: "right" },
      { name: "Size", align: "right", width: 8 },
    ],
    rows,
  );
}

/** Get-Disk and Get-Volume: the Storage module's tables. */
export const STORAGE_CMDLETS: Cmdlet[] = [
  { name: "Get-Disk", named: ["Number"], run: async (ctx) => ctx.out(diskTable(ctx.sys)) },
  { name: "Get-Volume", named: ["DriveLetter"], run: async (ctx) => ctx.out(volumeTable(ctx.sys)) },
];
