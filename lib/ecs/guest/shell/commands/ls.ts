import { ERRNO_MESSAGES, isFsError } from "@/lib/ecs/guest/fs/errors";
import { S_IFMT } from "@/lib/ecs/guest/fs/layout";
import { lsTime, parseOptions } from "@/lib/ecs/guest/shell/format";
import type { CommandContext } from "@/lib/ecs/guest/shell/types";
import type { VfsStat } from "@/lib/ecs/guest/vfs";

type Item = { name: string; path: string; stat: VfsStat };

export function modeString(stat: VfsStat): string {
  const type = { dir: "d", file: "-", block: "b", char: "c" }[stat.type];
  const mode = stat.mode & ~S_IFMT;
  let perms = "";
  for (const shift of [6, 3, 0]) {
    const bits = (mode >> shift) & 7;
    perms += `${bits & 4 ? "r" : "-"}${bits & 2 ? "w" : "-"}${bits & 1 ? "x" : "-"}`;
  }
  if (mode & 0o1000) perms = perms.slice(0, 8) + (mode & 1 ? "t" : "T");
  return type + perms;
}

function humanLs(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ["K", "M", "G", "T", "P"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return value < 10
    ? `${(Math.ceil(value * 10) / 10).toFixed(1)}${units[unit]}`
    : `${Math.ceil(value)}${units[unit]}`;
}

const compareNames = (a: string, b: string) =>
  a.replace(/^\.+/, "").localeCompare(b.replace(/^\.+/, ""), "en", { sensitivity: "base" }) ||
  (a < b ? -1 : a > b ? 1 : 0);

/** Column layout as GNU ls does on a terminal: fewest rows that fit the width, column-major. */
function columns(names: string[], width = 80): string {
  if (names.length === 0) return "";
  for (let rows = 1; rows <= names.length; rows++) {
    const cols = Math.ceil(names.length / rows);
    const widths = Array.from({ length: cols }, (_, c) =>
      Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)),
    );
    const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (cols - 1);
    if (total <= width || rows === names.length) {
      let out = "";
      for (let r = 0; r < rows; r++) {
        const line = widths
          .map((w, c) => (names[c * rows + r] ?? "").padEnd(c === cols - 1 ? 0 : w + 2))
          .join("");
        out += `${line.trimEnd()}\n`;
      }
      return out;
    }
  }
  return "";
}

export async function ls(ctx: CommandContext): Promise<number> {
  const { io, sys } = ctx;
  const options = parseOptions("ls", ctx.args, {
    short: "laAdh1rtFS",
    long: { all: "a", "almost-all": "A", directory: "d", "human-readable": "h", reverse: "r" },
  });
  if (options.error) {
    io.err(options.error);
    return 2;
  }
  const f = options.flags;
  const operands = options.operands.length ? options.operands : ["."];
  let status = 0;
  const files: Item[] = [];
  const dirs: Item[] = [];
  for (const operand of operands) {
    const path = ctx.abs(operand);
    try {
      const stat = await sys.vfs.stat(path);
      (stat.type === "dir" && !f.has("d") ? dirs : files).push({ name: operand, path, stat });
    } catch (error) {
      if (!isFsError(error)) throw error;
      io.err(`ls: cannot access '${operand}': ${ERRNO_MESSAGES[error.code]}\n`);
      status = 2;
    }
  }
  const order = (items: Item[]) => {
    const sorted = [...items].sort((a, b) =>
      f.has("t")
        ? b.stat.mtime.getTime() - a.stat.mtime.getTime() || compareNames(a.name, b.name)
        : compareNames(a.name, b.name),
    );
    return f.has("r") ? sorted.reverse() : sorted;
  };
  const render = (items: Item[], withTotal: boolean) => {
    if (!f.has("l")) {
      const names = items.map((item) => item.name);
      return io.isTty && !f.has("1") ? columns(names) : names.map((n) => `${n}\n`).join("");
    }
    const now = sys.now();
    const rows = items.map(({ name, stat }) => [
      modeString(stat),
      String(stat.links),
      "root",
      stat.gid === 6 ? "disk" : "root",
      stat.rdev
        ? `${stat.rdev[0]}, ${String(stat.rdev[1]).padStart(3)}`
        : f.has("h")
          ? humanLs(stat.size)
          : String(stat.size),
      lsTime(stat.mtime, now),
      name,
    ]);
    const width = (i: number) => Math.max(0, ...rows.map((row) => row[i].length));
    const total = items.reduce((sum, item) => sum + item.stat.blocks * 4, 0);
    const lines = rows.map(
      (row) =>
        `${row[0]} ${row[1].padStart(width(1))} ${row[2].padEnd(width(2))} ${row[3].padEnd(width(3))} ${row[4].padStart(width(4))} ${row[5]} ${row[6]}\n`,
    );
    return (
      (withTotal ? `total ${f.has("h") ? humanLs(total * 1024) : total}\n` : "") + lines.join("")
    );
  };
  let output = render(order(files), false);
  const showHeaders = dirs.length + files.length > 1 || status !== 0;
  for (const [i, dir] of order(dirs).entries()) {
    let entries: Item[];
    try {
      const listed = await sys.vfs.readdir(dir.path);
      const visible = listed.filter((e) => f.has("a") || f.has("A") || !e.name.startsWith("."));
      entries = [];
      for (const e of visible) {
        const path = dir.path === "/" ? `/${e.name}` : `${dir.path}/${e.name}`;
        entries.push({ name: e.name, path, stat: await sys.vfs.stat(path) });
      }
      if (f.has("a")) {
        const parent = dir.path === "/" ? "/" : dir.path.slice(0, dir.path.lastIndexOf("/")) || "/";
        entries.push(
          { name: ".", path: dir.path, stat: dir.stat },
          { name: "..", path: parent, stat: await sys.vfs.stat(parent) },
        );
      }
    } catch (error) {
      if (!isFsError(error)) throw error;
      io.err(`ls: cannot open directory '${dir.name}': ${ERRNO_MESSAGES[error.code]}\n`);
      status = 2;
      continue;
    }
    if (output || i > 0) output += "\n";
    if (showHeaders) output += `${dir.name}:\n`;
    output += render(order(entries), true);
  }
  io.out(output);
  return status;
}
