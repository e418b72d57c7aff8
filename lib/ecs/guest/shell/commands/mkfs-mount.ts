import { fail, parseOptions, strftime } from "@/lib/ecs/guest/shell/format";
import { fsType } from "@/lib/ecs/guest/shell/commands/disk-info";
import { MountError, type CommandFn } from "@/lib/ecs/guest/shell/types";

/* mkfs.ext4, mount, umount and sync: preparing and using a data disk. */

/** The e2fsprogs list of backup superblocks (sparse_super: groups 1 and powers of 3, 5, 7). */
function backupBlocks(totalBlocks: number): number[] {
  const groups = Math.ceil(totalBlocks / 32768);
  const found = new Set<number>();
  if (groups > 1) found.add(1);
  for (const base of [3, 5, 7]) for (let g = base; g < groups; g *= base) found.add(g);
  return [...found].sort((a, b) => a - b).map((g) => g * 32768);
}

function wrapList(numbers: number[]): string {
  let out = "\t";
  let column = 8;
  numbers.forEach((n, i) => {
    const text = `${n}${i < numbers.length - 1 ? ", " : ""}`;
    if (column + text.length > 80) {
      out = `${out.trimEnd()} \n\t`;
      column = 8;
    }
    out += text;
    column += text.length;
  });
  return `${out}\n`;
}

export const mkfs: CommandFn = async (ctx) => {
  const { sys, io } = ctx;
  const tool = ctx.name;
  const options = parseOptions(tool, ctx.args, { short: "FqnVSv", takesValue: "tLbmNTEIOUcjJG" });
  const type = tool.startsWith("mkfs.")
    ? tool.slice(5)
    : (options.values.get("t") ?? (tool === "mke2fs" ? "ext2" : "ext2"));
  if (type !== "ext4") {
    io.err(
      tool === "mkfs"
        ? `mkfs: failed to execute mkfs.${type}: No such file or directory\n`
        : `${tool}: invalid filesystem type '${type}'\n`,
    );
    return 1;
  }
  const banner = sys.profile.mke2fsBanner;
  const device = options.operands[0];
  if (options.error || !device) {
    io.err(
      `Usage: mkfs.ext4 [-c|-l filename] [-b block-size] [-C cluster-size]\n\t[-i bytes-per-inode] [-I inode-size] [-J journal-options]\n\t[-G flex-group-size] [-N number-of-inodes] [-d root-directory]\n\t[-m reserved-blocks-percentage] [-o creator-os]\n\t[-g blocks-per-group] [-L volume-label] [-M last-mounted-directory]\n\t[-O feature[,...]] [-r fs-revision] [-E extended-option[,...]]\n\t[-t fs-type] [-T usage-type ] [-U UUID] [-e errors_behavior][-z undo_file]\n\t[-jnqvDFSV] device [blocks-count]\n`,
    );
    return 1;
  }
  const isQuiet = options.flags.has("q");
  if (!isQuiet) io.err(`${banner}\n`);
  const target = sys.devices().find((d) => `/dev/${d.name}` === device);
  if (!target) {
    io.err(`The file ${device} does not exist and no size was specified.\n`);
    return 1;
  }
  if ([...sys.vfs.mounts.values()].some((m) => m.deviceName === target.name)) {
    io.err(`${device} is mounted; will not make a filesystem here!\n`);
    return 1;
  }
  const existing = await sys.probe(target.name);
  if (existing && io.isTty && !options.flags.has("F")) {
    io.out(
      `${device} contains a ${fsType(existing)} file system${existing.label ? ` labelled '${existing.label}'` : ""}\n\tcreated on ${strftime(existing.createdAt, "%a %b %e %H:%M:%S %Y")}\n`,
    );
    const answer = await io.readLine("Proceed anyway? (y,N) ");
    if (!answer || !/^[yY]/.test(answer)) return 1;
  }
  const info = await sys.mkfs(target.name, { flavour: "ext4", label: options.values.get("L") });
  if (isQuiet) return 0;
  const blocks = Math.floor(target.sizeBytes / 4096);
  const backups = backupBlocks(blocks);
  io.out(
    `Creating filesystem with ${blocks} 4k blocks and ${info.inodeCount} inodes\n` +
      `Filesystem UUID: ${info.uuid}\n` +
      (backups.length ? `Superblock backups stored on blocks: \n${wrapList(backups)}\n` : "\n") +
      "Allocating group tables: done                            \n" +
      "Writing inode tables: done                            \n" +
      `Creating journal (${info.journalBlocks} blocks): done\n` +
      "Writing superblocks and filesystem accounting information: done\n\n",
  );
  return 0;
};

export const mount: CommandFn = async (ctx) => {
  const { sys, io } = ctx;
  const options = parseOptions("mount", ctx.args, {
    short: "avlrwnfF",
    takesValue: "tLUo",
    long: { types: "t", options: "o", all: "a", verbose: "v" },
  });
  if (options.error) return fail(io, options.error, 1);
  if (options.flags.has("a")) return 0;
  const operands = options.operands;
  if (operands.length === 0) {
    let out =
      "sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime)\nproc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\n";
    out += `devtmpfs on /dev type devtmpfs (rw,nosuid,size=${Math.floor(sys.memoryBytes / 2048)}k,nr_inodes=${Math.floor(sys.memoryBytes / 8192)},mode=755)\n`;
    for (const m of sys.vfs.mounts.values())
      out += `/dev/${m.deviceName} on ${m.point} type ${fsType(m.fs.usage())} (rw,relatime)\n`;
    io.out(out);
    return 0;
  }
  if (operands.length === 1) {
    io.err(`mount: ${ctx.abs(operands[0])}: can't find in /etc/fstab.\n`);
    return 1;
  }
  let [source] = operands;
  const point = ctx.abs(operands[1]);
  const uuid = /^UUID="?([^"]+)"?$/.exec(source)?.[1] ?? options.values.get("U");
  if (uuid) {
    let match: string | undefined;
    for (const d of sys.devices())
      if ((await sys.probe(d.name))?.uuid === uuid) match = `/dev/${d.name}`;
    if (!match) return fail(io, `mount: ${point}: can't find UUID=${uuid}.\n`, 1);
    source = match;
  }
  const device = sys.devices().find((d) => `/dev/${d.name}` === source);
  try {
    if (!device) throw new MountError("no-device");
    const wantedType = options.values.get("t");
    if (wantedType && wantedType !== "auto") {
      const info = await sys.probe(device.name);
      const isMatch =
        info &&
        (wantedType === fsType(info) || (info.flavour === "ntfs" && wantedType === "ntfs3"));
      if (!isMatch) throw new MountError("not-formatted");
    }
    await sys.mount(device.name, point);
    return 0;
  } catch (error) {
    if (!(error instanceof MountError)) throw error;
    const messages: Record<string, string> = {
      "not-formatted": `wrong fs type, bad option, bad superblock on ${source}, missing codepage or helper program, or other error.`,
      "no-device": `special device ${source} does not exist.`,
      "no-mountpoint": "mount point does not exist.",
      "not-directory": "mount point is not a directory.",
      "already-mounted": `${source} already mounted on ${error.detail}.`,
      "point-busy": `${source} already mounted or mount point busy.`,
    };
    io.err(`mount: ${point}: ${messages[error.failure] ?? "mount failed: Unknown error."}\n`);
    return 32;
  }
};

export const umount: CommandFn = async (ctx) => {
  const { sys, io } = ctx;
  const options = parseOptions("umount", ctx.args, { short: "lfvRAadnr", takesValue: "t" });
  if (options.error) return fail(io, options.error, 1);
  if (options.operands.length === 0) {
    io.err(
      "Usage:\n umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>\n\nUnmount filesystems.\n",
    );
    return 1;
  }
  let status = 0;
  for (const operand of options.operands) {
    const target = operand.startsWith("/dev/") ? operand : ctx.abs(operand);
    try {
      await sys.umount(target);
    } catch (error) {
      if (!(error instanceof MountError)) throw error;
      const text =
        {
          "not-mounted": "not mounted.",
          busy: "target is busy.",
          "no-mountpoint": "no mount point specified.",
        }[error.failure as string] ?? "umount failed.";
      io.err(`umount: ${target}: ${text}\n`);
      status = 32;
    }
  }
  return status;
};

export const sync: CommandFn = async (ctx) => {
  await ctx.sys.syncAll();
  return 0;
};
