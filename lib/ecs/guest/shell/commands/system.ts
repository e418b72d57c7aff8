import { dateLine, fail, parseOptions, print, strftime } from "@/lib/ecs/guest/shell/format";
import { why } from "@/lib/ecs/guest/shell/commands/util";
import { FsError } from "@/lib/ecs/guest/fs/errors";
import { ShellExit, type CommandFn } from "@/lib/ecs/guest/shell/types";

export const SHELL_BUILTINS = new Set([
  "cd",
  "pwd",
  "echo",
  "printf",
  "exit",
  "export",
  "unset",
  "set",
  "help",
  "true",
  "false",
  "type",
  "history",
  "break",
  "continue",
  ":",
  "test",
  "[",
]);

export const hostname: CommandFn = async (ctx) => {
  const operands = ctx.args.filter((arg) => !arg.startsWith("-"));
  if (ctx.args.includes("-I") || ctx.args.includes("-i")) return print(ctx.io, "\n");
  if (operands.length) {
    ctx.sys.hostname = operands[0];
    return 0;
  }
  const name = ctx.sys.hostname;
  ctx.io.out(`${ctx.args.includes("-s") ? name.split(".")[0] : name}\n`);
  return 0;
};

export const uname: CommandFn = async (ctx) => {
  const options = parseOptions("uname", ctx.args, {
    short: "asnrvmpio",
    long: { all: "a", "kernel-name": "s", "kernel-release": "r", machine: "m" },
  });
  if (options.error) return fail(ctx.io, options.error, 1);
  const { profile, hostname } = ctx.sys;
  const f = options.flags;
  const fields: [string, string][] = [
    ["s", "Linux"],
    ["n", hostname],
    ["r", profile.kernelRelease],
    ["v", profile.kernelVersion],
    ["m", "x86_64"],
    ["p", "x86_64"],
    ["i", "x86_64"],
    ["o", "GNU/Linux"],
  ];
  const wanted = f.has("a") ? fields : fields.filter(([flag]) => f.has(flag));
  ctx.io.out(
    `${(wanted.length ? wanted : fields.slice(0, 1)).map(([, value]) => value).join(" ")}\n`,
  );
  return 0;
};

export const whoami: CommandFn = async (ctx) => print(ctx.io, "root\n");
export const id: CommandFn = async (ctx) =>
  print(ctx.io, "uid=0(root) gid=0(root) groups=0(root)\n");

export const date: CommandFn = async (ctx) => {
  const now = ctx.sys.now();
  const format = ctx.args.find((arg) => arg.startsWith("+"));
  if (ctx.args.includes("-u") || ctx.args.includes("--utc")) {
    const utc = new Date(now.getTime() - 8 * 3600 * 1000);
    ctx.io.out(
      `${strftime(utc, format?.slice(1) ?? "%a %b %e %H:%M:%S UTC %Y")
        .replace(/CST/g, "UTC")
        .replace("+0800", "+0000")}\n`,
    );
    return 0;
  }
  if (ctx.args.includes("-I")) return print(ctx.io, `${strftime(now, "%F")}\n`);
  if (ctx.args.includes("-R"))
    return print(ctx.io, `${strftime(now, "%a, %d %b %Y %H:%M:%S %z")}\n`);
  ctx.io.out(`${format ? strftime(now, format.slice(1)) : dateLine(now)}\n`);
  return 0;
};

export const uptime: CommandFn = async (ctx) => {
  const minutes = Math.max(
    0,
    Math.floor((ctx.sys.now().getTime() - ctx.sys.bootTime().getTime()) / 60000),
  );
  const up =
    minutes < 60
      ? `${minutes} min`
      : `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
  ctx.io.out(
    ` ${strftime(ctx.sys.now(), "%T")} up ${up},  1 user,  load average: 0.00, 0.00, 0.00\n`,
  );
  return 0;
};

export const free: CommandFn = async (ctx) => {
  const total = Math.floor((ctx.sys.memoryBytes * 0.94) / 1024);
  const used = Math.floor(total * 0.08);
  const cache = Math.floor(total * 0.1);
  const row = (values: number[]) =>
    values
      .map((v) =>
        (ctx.args.includes("-h") ? `${(v / 1048576).toFixed(1)}Gi` : String(v)).padStart(12),
      )
      .join("");
  ctx.io.out(
    `${"".padStart(15)}total        used        free      shared  buff/cache   available\n`,
  );
  ctx.io.out(
    `Mem:   ${row([total, used, total - used - cache, 1028, cache, total - used]).slice(1)}\nSwap:  ${row([0, 0, 0]).slice(1)}\n`,
  );
  return 0;
};

export const reboot: CommandFn = async (ctx) => {
  ctx.sys.reboot();
  throw new ShellExit(0, "reboot");
};

export const poweroff: CommandFn = async (ctx) => {
  ctx.sys.powerOff();
  throw new ShellExit(0, "poweroff");
};

export const shutdown: CommandFn = async (ctx) => {
  if (ctx.args.includes("-c")) return 0;
  return ctx.args.includes("-r") ? reboot(ctx) : poweroff(ctx);
};

export const exit: CommandFn = async (ctx) => {
  const code = ctx.args[0] === undefined ? ctx.shell.lastStatus : Number.parseInt(ctx.args[0], 10);
  if (Number.isNaN(code)) {
    ctx.io.err(`bash: exit: ${ctx.args[0]}: numeric argument required\n`);
    throw new ShellExit(2);
  }
  throw new ShellExit(code & 255);
};

export const set: CommandFn = async (ctx) => {
  for (let i = 0; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    const isOn = arg.startsWith("-");
    if (arg === "-o" || arg === "+o") {
      if (ctx.args[++i] === "errexit") ctx.shell.isErrexit = isOn;
    } else if (/^[-+][euxo]+$/.test(arg) && arg.includes("e")) ctx.shell.isErrexit = isOn;
  }
  if (ctx.args.length === 0) {
    for (const [name, value] of [...ctx.shell.vars].sort()) ctx.io.out(`${name}=${value}\n`);
  }
  return 0;
};

export const exportCommand: CommandFn = async (ctx) => {
  for (const arg of ctx.args.filter((a) => a !== "-n" && a !== "-p")) {
    const eq = arg.indexOf("=");
    if (eq > 0) ctx.shell.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
  }
  return 0;
};

export const unset: CommandFn = async (ctx) => {
  for (const arg of ctx.args) ctx.shell.vars.delete(arg);
  return 0;
};

export const env: CommandFn = async (ctx) => {
  for (const [name, value] of ctx.shell.vars) ctx.io.out(`${name}=${value}\n`);
  return 0;
};

export const clear: CommandFn = async (ctx) => print(ctx.io, "\x1b[H\x1b[2J\x1b[3J");

export const pwd: CommandFn = async (ctx) => {
  ctx.io.out(`${ctx.shell.cwd}\n`);
  return 0;
};

export const cd: CommandFn = async (ctx) => {
  const operands = ctx.args.filter((arg) => arg !== "-L" && arg !== "-P");
  if (operands.length > 1) return fail(ctx.io, "bash: cd: too many arguments\n", 1);
  const vars = ctx.shell.vars;
  const operand = operands[0] ?? vars.get("HOME") ?? "/root";
  const target = operand === "-" ? (vars.get("OLDPWD") ?? ctx.shell.cwd) : operand;
  const path = ctx.abs(target);
  try {
    const stat = await ctx.sys.vfs.stat(path);
    if (stat.type !== "dir") throw new FsError("ENOTDIR");
  } catch (error) {
    ctx.io.err(`bash: cd: ${target}: ${why(error)}\n`);
    return 1;
  }
  vars.set("OLDPWD", ctx.shell.cwd);
  ctx.shell.cwd = path;
  if (operand === "-") ctx.io.out(`${path}\n`);
  return 0;
};

export const trueCommand: CommandFn = async () => 0;
export const falseCommand: CommandFn = async () => 1;

export const sleep: CommandFn = async (ctx) => {
  if (ctx.args.length === 0)
    return fail(ctx.io, "sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
  let seconds = 0;
  for (const arg of ctx.args) {
    const match = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!match)
      return fail(
        ctx.io,
        `sleep: invalid time interval '${arg}'\nTry 'sleep --help' for more information.\n`,
        1,
      );
    seconds += Number(match[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as "" | "s"];
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, seconds * 1000);
    ctx.io.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
  return ctx.io.signal.aborted ? 130 : 0;
};
