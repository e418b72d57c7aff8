import { TZ_OFFSET_MS } from "@/lib/ecs/guest/shell/format";

/** Windows on Alibaba Cloud runs in China Standard Time (UTC+8) with en-US formats. */
export function shortDateTime(date: Date): { date: string; time: string } {
  const local = new Date(date.getTime() + TZ_OFFSET_MS);
  const hours = local.getUTCHours();
  const minutes = String(local.getUTCMinutes()).padStart(2, "0");
  return {
    date: `${local.getUTCMonth() + 1}/${local.getUTCDate()}/${local.getUTCFullYear()}`,
    time: `${hours % 12 || 12}:${minutes} ${hours < 12 ? "AM" : "PM"}`,
  };
}

export function longDateTime(date: Date): string {
  const local = new Date(date.getTime() + TZ_OFFSET_MS);
  const day = local.toLocaleDateString("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
  const time = local.toLocaleTimeString("en-US", { timeZone: "UTC" });
  return `${day} ${time}`;
}

/** Storage cmdlets' sizes: "40 GB", "36.74 GB". */
export function storageSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 100) / 100;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(2)} ${units[unit]}`;
}

/** A Format-Table view: header, dashes, rows; columns padded to their widths. */
export function psTable(
  headers: { name: string; align?: "right"; width?: number }[],
  rows: string[][],
): string {
  const widths = headers.map((h, i) =>
    Math.max(h.width ?? 0, h.name.length, ...rows.map((r) => r[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        headers[i].align === "right"
          ? cell.padStart(widths[i])
          : i === cells.length - 1
            ? cell
            : cell.padEnd(widths[i]),
      )
      .join(" ")
      .trimEnd();
  const dashes = headers.map((h, i) =>
    h.align === "right"
      ? "-".repeat(h.name.length).padStart(widths[i])
      : "-".repeat(h.name.length).padEnd(widths[i]),
  );
  return `\n${line(headers.map((h) => h.name))}\n${line(dashes)}\n${rows.map((r) => `${line(r)}\n`).join("")}\n`;
}
