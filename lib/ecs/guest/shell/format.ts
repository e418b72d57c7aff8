/** Formatting the guest's tools share: sizes, dates in the image's time zone, tables, options. */

/** Alibaba Cloud images ship with Asia/Shanghai: UTC+8, no daylight saving, abbreviated CST. */
export const TZ_OFFSET_MS = 8 * 3600 * 1000;
export const TZ_NAME = "CST";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, width = 2, fill = "0") => String(n).padStart(width, fill);

/** A subset of strftime in the guest's zone: %Y %m %d %e %H %M %S %s %F %T %Z %z %a %b %h %j %n %t %%. */
export function strftime(date: Date, format: string): string {
  const local = new Date(date.getTime() + TZ_OFFSET_MS);
  const startOfYear = Date.UTC(local.getUTCFullYear(), 0, 1);
  return format.replace(/%([a-zA-Z%])/g, (match, code: string) => {
    switch (code) {
      case "Y":
        return String(local.getUTCFullYear());
      case "m":
        return pad(local.getUTCMonth() + 1);
      case "d":
        return pad(local.getUTCDate());
      case "e":
        return pad(local.getUTCDate(), 2, " ");
      case "H":
        return pad(local.getUTCHours());
      case "M":
        return pad(local.getUTCMinutes());
      case "S":
        return pad(local.getUTCSeconds());
      case "s":
        return String(Math.floor(date.getTime() / 1000));
      case "F":
        return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
      case "T":
        return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
      case "Z":
        return TZ_NAME;
      case "z":
        return "+0800";
      case "a":
        return DAYS[local.getUTCDay()];
      case "b":
      case "h":
        return MONTHS[local.getUTCMonth()];
      case "j":
        return pad(Math.floor((local.getTime() - startOfYear) / 86_400_000) + 1, 3);
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "%":
        return "%";
      default:
        return match;
    }
  });
}

/** `date`'s default: "Tue Sep 10 10:00:00 CST 2024". */
export function dateLine(date: Date): string {
  return strftime(date, "%a %b %e %H:%M:%S %Z %Y");
}

/** `ls -l`'s time column: recent files show the time, older (or future) ones the year. */
export function lsTime(mtime: Date, now: Date): string {
  const age = now.getTime() - mtime.getTime();
  const isRecent = age >= 0 && age < 182 * 86_400_000;
  return strftime(mtime, isRecent ? "%b %e %H:%M" : "%b %e  %Y");
}

/** df -h style: powers of 1024, one decimal below 10, rounded up. */
export function dfHuman(bytes: number): string {
  if (bytes < 1024) return bytes === 0 ? "0" : "1.0K";
  const units = ["K", "M", "G", "T", "P", "E"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (value < 10) {
    const rounded = Math.ceil(value * 10) / 10;
    return rounded >= 10 ? `10${units[unit]}` : `${rounded.toFixed(1)}${units[unit]}`;
  }
  const rounded = Math.ceil(value);
  return rounded >= 1024 && unit < units.length - 1
    ? `1.0${units[unit + 1]}`
    : `${rounded}${units[unit]}`;
}

/** lsblk style: "40G", "19.5G", "512M". */
export function lsblkHuman(bytes: number): string {
  const units = ["B", "K", "M", "G", "T", "P"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)}${units[unit]}`;
}

export type Column = { header: string; align?: "left" | "right"; minWidth?: number };

/** A text table with single-space gaps; the last column is not padded; trailing spaces trimmed. */
export function table(
  columns: Column[],
  rows: string[][],
  options: { header?: boolean } = {},
): string {
  const all = options.header === false ? rows : [columns.map((c) => c.header), ...rows];
  const widths = columns.map((column, i) =>
    Math.max(column.minWidth ?? 0, ...all.map((row) => (row[i] ?? "").length)),
  );
  return all
    .map((row) =>
      row
        .map((cell, i) => {
          if (i === columns.length - 1) return cell;
          return columns[i].align === "right" ? cell.padStart(widths[i]) : cell.padEnd(widths[i]);
        })
        .join(" ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}

export type ParsedOptions = {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
  error?: string;
};

/**
 * GNU-style options: clustered short flags (-la), `takesValue` letters (-t ext4, -text4), long
 * options mapped to a letter (or kept as "--name"), `--` ending options. Reports the first
 * invalid option in coreutils' words.
 */
export function parseOptions(
  command: string,
  args: string[],
  spec: { short?: string; takesValue?: string; long?: Record<string, string> } = {},
): ParsedOptions {
  const result: ParsedOptions = { flags: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      result.operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith("--")) {
      const [name, value] = arg.slice(2).split("=", 2);
      const mapped = spec.long?.[name];
      if (mapped === undefined) {
        result.error ??= `${command}: unrecognized option '${arg}'\nTry '${command} --help' for more information.\n`;
        continue;
      }
      if (value !== undefined) result.values.set(mapped, value);
      result.flags.add(mapped);
      continue;
    }
    if (arg.length < 2 || !arg.startsWith("-")) {
      result.operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      if (spec.takesValue?.includes(letter)) {
        const value = arg.slice(j + 1) || args[++i];
        if (value === undefined) {
          result.error ??= `${command}: option requires an argument -- '${letter}'\nTry '${command} --help' for more information.\n`;
        } else result.values.set(letter, value);
        result.flags.add(letter);
        break;
      }
      if (!spec.short?.includes(letter)) {
        result.error ??= `${command}: invalid option -- '${letter}'\nTry '${command} --help' for more information.\n`;
        continue;
      }
      result.flags.add(letter);
    }
  }
  return result;
}

/** Writes an error and returns the status: `return fail(ctx.io, "x: bad\n", 2)`. */
export function fail(io: { err(text: string): void }, text: string, status = 1): number {
  io.err(text);
  return status;
}

/** Writes output and returns 0. */
export function print(io: { out(text: string): void }, text: string): number {
  io.out(text);
  return 0;
}
