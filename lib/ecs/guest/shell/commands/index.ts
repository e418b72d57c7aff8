import {
  breakCommand,
  colon,
  continueCommand,
  seq,
  test,
} from "@/lib/ecs/guest/shell/commands/control";
import { cp, mv } from "@/lib/ecs/guest/shell/commands/copy-move";
import { blkid, df, lsblk } from "@/lib/ecs/guest/shell/commands/disk-info";
import { cat, chmod, mkdir, rm, rmdir, touch } from "@/lib/ecs/guest/shell/commands/file-ops";
import { grep } from "@/lib/ecs/guest/shell/commands/grep";
import { ls } from "@/lib/ecs/guest/shell/commands/ls";
import { mkfs, mount, sync, umount } from "@/lib/ecs/guest/shell/commands/mkfs-mount";
import * as system from "@/lib/ecs/guest/shell/commands/system";
import { echo, head, printf, tail, wc } from "@/lib/ecs/guest/shell/commands/text";
import type { CommandFn } from "@/lib/ecs/guest/shell/types";

const BASE: Record<string, CommandFn> = {
  blkid,
  cat,
  chmod,
  cp,
  df,
  echo,
  grep,
  head,
  ls,
  lsblk,
  mkdir,
  mount,
  mv,
  printf,
  rm,
  rmdir,
  sync,
  tail,
  touch,
  umount,
  wc,
  cd: system.cd,
  pwd: system.pwd,
  sleep: system.sleep,
  "mkfs.ext4": mkfs,
  mkfs,
  mke2fs: mkfs,
  true: system.trueCommand,
  false: system.falseCommand,
  hostname: system.hostname,
  uname: system.uname,
  whoami: system.whoami,
  id: system.id,
  date: system.date,
  uptime: system.uptime,
  free: system.free,
  reboot: system.reboot,
  poweroff: system.poweroff,
  halt: system.poweroff,
  shutdown: system.shutdown,
  exit: system.exit,
  logout: system.exit,
  set: system.set,
  export: system.exportCommand,
  unset: system.unset,
  env: system.env,
  printenv: system.env,
  clear: system.clear,
  su: async () => 0,
  break: breakCommand,
  continue: continueCommand,
  ":": colon,
  test,
  "[": test,
  seq,
};

const PATH_DIR: Record<string, string> = {
  mount: "/usr/bin",
  umount: "/usr/bin",
  reboot: "/usr/sbin",
  poweroff: "/usr/sbin",
  shutdown: "/usr/sbin",
  halt: "/usr/sbin",
  blkid: "/usr/sbin",
  "mkfs.ext4": "/usr/sbin",
  mkfs: "/usr/sbin",
  mke2fs: "/usr/sbin",
};

const sudo: CommandFn = async (ctx) => {
  let args = ctx.args;
  let isShell = false;
  while (args.length && args[0].startsWith("-")) {
    isShell ||= args[0] === "-i" || args[0] === "-s";
    args = args[0] === "-u" || args[0] === "-g" ? args.slice(2) : args.slice(1);
  }
  if (args.length === 0 && isShell) return 0;
  if (args.length === 0) {
    ctx.io.err(
      "usage: sudo -h | -K | -k | -V\nusage: sudo -v [-AknS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-AknS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command]\nusage: sudo [-AbEHknPS] [-r role] [-t type] [-C num] [-g group] [-h host] [-p prompt] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]\nusage: sudo -e [-AknS] [-r role] [-t type] [-C num] [-g group] [-h host] [-p prompt] [-T timeout] [-u user] file ...\n",
    );
    return 1;
  }
  const status = await ctx.runArgv(args, ctx.io);
  if (status === -1) {
    ctx.io.err(`sudo: ${args[0]}: command not found\n`);
    return 1;
  }
  return status;
};

const which: CommandFn = async (ctx) => {
  let status = 0;
  for (const name of ctx.args.filter((a) => !a.startsWith("-"))) {
    if (COMMANDS[name] && !system.SHELL_BUILTINS.has(name))
      ctx.io.out(`${PATH_DIR[name] ?? "/usr/bin"}/${name}\n`);
    else {
      ctx.io.err(
        `/usr/bin/which: no ${name} in (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin)\n`,
      );
      status = 1;
    }
  }
  return status;
};

const type: CommandFn = async (ctx) => {
  let status = 0;
  for (const name of ctx.args.filter((a) => !a.startsWith("-"))) {
    if (system.SHELL_BUILTINS.has(name)) ctx.io.out(`${name} is a shell builtin\n`);
    else if (COMMANDS[name]) ctx.io.out(`${name} is ${PATH_DIR[name] ?? "/usr/bin"}/${name}\n`);
    else {
      ctx.io.err(`bash: type: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};

const help: CommandFn = async (ctx) => {
  const names = Object.keys(COMMANDS).sort();
  let list = "";
  for (let i = 0; i < names.length; i += 6)
    list +=
      ` ${names
        .slice(i, i + 6)
        .map((n) => n.padEnd(12))
        .join("")}`.trimEnd() + "\n";
  ctx.io.out(
    "GNU bash, version 4.4.20(1)-release (x86_64-redhat-linux-gnu)\n" +
      "This is DiskSeal's guest shell: a small bash subset (; && || | redirections, quotes, $VAR, $?,\n" +
      "$(...), globs, set -e) and these commands:\n\n" +
      list,
  );
  return 0;
};

/** Every command the Linux guest knows, by name. */
export const COMMANDS: Record<string, CommandFn> = { ...BASE, sudo, which, type, help };
