import type { FsUsage } from "@/lib/ecs/guest/fs/disk-fs";
import {
  dfHuman,
  fail,
  lsblkHuman,
  parseOptions,
  table,
  type Column,
} from "@/lib/ecs/guest/shell/format";
import type { CommandFn, FilesystemInfo } from "@/lib/ecs/guest/shell/types";
import { VIRTIO_MAJOR } from "@/lib/ecs/guest/vfs";

/* lsblk, df and blkid: what the guest's disks and filesystems look like. */

const RESERVED_RATIO = 0.05; // mke2fs reserves 5% for root; df's Avail leaves it out

export function usageNumbers(usage: FsUsage) {
  const blockKiB = 4;
  const size = usage.totalBlocks - usage.overheadBlocks;
  const used = size - usage.freeBlocks;
  const reserved = Math.max(
    usage.reservedBlocks,
    usage.flavour === "ext4" ? Math.floor(usage.totalBlocks * RESERVED_RATIO) : 0,
  );
  const avail = Math.max(0, usage.freeBlocks - reserved);
  const percent = used + avail === 0 ? "-" : `${Math.ceil((used * 100) / (used + avail))}%`;
  return {
    sizeKiB: size * blockKiB,
    usedKiB: used * blockKiB,
    availKiB: avail * blockKiB,
    percent,
  };
}

export const fsType = (info: { flavour: string }) => (info.flavour === "ntfs" ? "ntfs" : "ext4");

export const lsblk: CommandFn = async (ctx) => {
  const options = parseOptions("lsblk", ctx.args, {
    short: "fbdpal",
    long: { fs: "f", bytes: "b", paths: "p", nodeps: "d", all: "a", list: "l" },
  });
  if (options.error) return fail(ctx.io, options.error, 1);
  const { sys } = ctx;
  const devices = sys
    .devices()
    .filter((d) => options.operands.length === 0 || options.operands.includes(`/dev/${d.name}`));
  for (const operand of options.operands) {
    if (!devices.some((d) => `/dev/${d.name}` === operand)) {
      ctx.io.err(`lsblk: ${operand}: not a block device\n`);
      return 32;
    }
  }
  const mounts = [...sys.vfs.mounts.values()];
  const name = (n: string) => (options.flags.has("p") ? `/dev/${n}` : n);
  if (options.flags.has("f")) {
    const rows: string[][] = [];
    for (const device of devices) {
      const info = await sys.probe(device.name);
      const mount = mounts.find((m) => m.deviceName === device.name);
      const numbers = mount ? usageNumbers(mount.fs.usage()) : null;
      rows.push([
        name(device.name),
        info ? fsType(info) : "",
        info?.flavour === "ext4" ? "1.0" : "",
        info?.label ?? "",
        info ? (info.flavour === "ntfs" ? ntfsSerial(info) : info.uuid) : "",
        numbers ? lsblkHuman(numbers.availKiB * 1024) : "",
        numbers ? numbers.percent : "",
        mount?.point ?? "",
      ]);
    }
    const columns: Column[] = [
      "NAME",
      "FSTYPE",
      "FSVER",
      "LABEL",
      "UUID",
      "FSAVAIL",
      "FSUSE%",
      "MOUNTPOINTS",
    ].map((header) => ({
      header,
      align: header === "FSAVAIL" || header === "FSUSE%" ? "right" : "left",
    }));
    ctx.io.out(table(columns, rows));
    return 0;
  }
  const rows = devices.map((device) => [
    name(device.name),
    `${VIRTIO_MAJOR}:${device.index * 16}`,
    "0",
    options.flags.has("b") ? String(device.sizeBytes) : lsblkHuman(device.sizeBytes),
    "0",
    "disk",
    mounts.find((m) => m.deviceName === device.name)?.point ?? "",
  ]);
  const columns: Column[] = [
    { header: "NAME" },
    { header: "MAJ:MIN" },
    { header: "RM", align: "right" },
    { header: "SIZE", align: "right" },
    { header: "RO", align: "right" },
    { header: "TYPE" },
    { header: "MOUNTPOINTS" },
  ];
  ctx.io.out(table(columns, rows));
  return 0;
};

export function ntfsSerial(info: FilesystemInfo): string {
  return info.uuid.replace(/-/g, "").slice(0, 16).toUpperCase();
}

export const df: CommandFn = async (ctx) => {
  const options = parseOptions("df", ctx.args, {
    short: "hTkaiPlH",
    long: { "human-readable": "h", "print-type": "T", inodes: "i", all: "a" },
  });
  if (options.error) return fail(ctx.io, options.error, 1);
  const { sys } = ctx;
  const f = options.flags;
  const memoryKiB = Math.floor(sys.memoryBytes / 1024);
  type Row = {
    source: string;
    type: string;
    point: string;
    size: number;
    used: number;
    avail: number;
    percent: string;
    inodes?: [number, number];
  };
  const tmpfs = (source: string, point: string, size: number, used = 0): Row => ({
    source,
    type: source,
    point,
    size,
    used,
    avail: size - used,
    percent: `${Math.ceil((used * 100) / size)}%`,
    inodes: [Math.floor(size / 4), used ? 600 : 1],
  });
  const rows: Row[] = [
    tmpfs("devtmpfs", "/dev", Math.floor(memoryKiB / 2)),
    tmpfs("tmpfs", "/dev/shm", Math.floor(memoryKiB / 2)),
    tmpfs("tmpfs", "/run", Math.floor(memoryKiB / 2), 492),
  ];
  for (const mount of sys.vfs.mounts.values()) {
    const usage = mount.fs.usage();
    const n = usageNumbers(usage);
    rows.push({
      source: `/dev/${mount.deviceName}`,
      type: fsType(usage),
      point: mount.point,
      size: n.sizeKiB,
      used: n.usedKiB,
      avail: n.availKiB,
      percent: n.percent,
      inodes: [usage.inodeCount, usage.inodeCount - usage.freeInodes],
    });
  }
  rows.push(tmpfs("tmpfs", "/run/user/0", Math.floor(memoryKiB / 10)));
  let shown = rows;
  let status = 0;
  if (options.operands.length) {
    shown = [];
    for (const operand of options.operands) {
      const device = sys.devices().find((d) => `/dev/${d.name}` === operand);
      const row = device ? rows.find((r) => r.source === operand) : await locateRow(operand);
      if (row) shown.push(row);
      else if (!device) {
        ctx.io.err(`df: ${operand}: No such file or directory\n`);
        status = 1;
      } else shown.push(rows.find((r) => r.point === "/dev")!);
    }
    if (!shown.length) return status;
  }
  async function locateRow(operand: string): Promise<Row | undefined> {
    const path = ctx.abs(operand);
    if (!(await sys.vfs.stat(path).catch(() => null))) return undefined;
    if (path === "/dev" || path.startsWith("/dev/")) return rows[0];
    const { mount } = sys.vfs.locate(path);
    return rows.find((r) => r.point === mount.point);
  }
  const human = (kib: number) => (f.has("h") ? dfHuman(kib * 1024) : String(kib));
  const columns: Column[] = [{ header: "Filesystem", minWidth: 14 }];
  if (f.has("T")) columns.push({ header: "Type", minWidth: 4 });
  let cells: string[][];
  if (f.has("i")) {
    columns.push(
      ...["Inodes", "IUsed", "IFree", "IUse%"].map((header) => ({
        header,
        align: "right" as const,
        minWidth: 5,
      })),
      { header: "Mounted on" },
    );
    cells = shown.map((r) => {
      const [total, used] = r.inodes ?? [0, 0];
      return [
        r.source,
        ...(f.has("T") ? [r.type] : []),
        String(total),
        String(used),
        String(total - used),
        total ? `${Math.ceil((used * 100) / total)}%` : "-",
        r.point,
      ];
    });
  } else {
    const sizeHeader = f.has("h") ? "Size" : "1K-blocks";
    columns.push(
      { header: sizeHeader, align: "right", minWidth: 5 },
      { header: "Used", align: "right", minWidth: 5 },
      { header: f.has("h") ? "Avail" : "Available", align: "right", minWidth: 5 },
      { header: "Use%", align: "right", minWidth: 4 },
      { header: "Mounted on" },
    );
    cells = shown.map((r) => [
      r.source,
      ...(f.has("T") ? [r.type] : []),
      human(r.size),
      human(r.used),
      human(r.avail),
      r.percent,
      r.point,
    ]);
  }
  ctx.io.out(table(columns, cells));
  return status;
};

/** The e2fsprogs list of backup superblocks (sparse_super: groups 1 and powers of 3, 5, 7). */
export const blkid: CommandFn = async (ctx) => {
  const { sys } = ctx;
  const wanted = ctx.args.filter((arg) => !arg.startsWith("-"));
  let found = 0;
  for (const device of sys.devices()) {
    if (wanted.length && !wanted.includes(`/dev/${device.name}`)) continue;
    const info = await sys.probe(device.name);
    if (!info) continue;
    found++;
    const label = info.label ? `LABEL="${info.label}" ` : "";
    const uuid = info.flavour === "ntfs" ? ntfsSerial(info) : info.uuid;
    ctx.io.out(
      `/dev/${device.name}: ${label}UUID="${uuid}" BLOCK_SIZE="4096" TYPE="${fsType(info)}"\n`,
    );
  }
  return found ? 0 : 2;
};
