import { isFsError } from "@/lib/ecs/guest/fs/errors";
import { shortDateTime } from "@/lib/ecs/guest/powershell/format";
import { resolveWindowsPath, type ResolvedPath } from "@/lib/ecs/guest/powershell/paths";
import { PsError, type WindowsSystem } from "@/lib/ecs/guest/powershell/types";

/* What the cmdlets share: their shape, argument helpers, path lookup, the directory listing. */

export type Bound = Record<string, string | string[] | true>;
export type CmdletContext = {
  sys: WindowsSystem;
  cwd: string;
  setCwd(path: string): void;
  out(text: string): void;
};
export type Cmdlet = {
  name: string;
  aliases?: string[];
  /** Parameter names; positional ones in order; switches take no value. */
  positional?: string[];
  named?: string[];
  switches?: string[];
  mandatory?: string[];
  run(ctx: CmdletContext, args: Bound): Promise<void>;
};

export const str = (value: Bound[string] | undefined) =>
  value === undefined || value === true ? "" : Array.isArray(value) ? value.join(" ") : value;
export const list = (value: Bound[string] | undefined) =>
  value === undefined || value === true ? [] : Array.isArray(value) ? value : [value];
export const resolve = (ctx: CmdletContext, path: string, cmdlet: string) =>
  resolveWindowsPath(ctx.sys, ctx.cwd, path, cmdlet);

export async function statOf(path: ResolvedPath) {
  return path.fs.stat(path.parts).catch((error: unknown) => {
    if (isFsError(error, "ENOENT") || isFsError(error, "ENOTDIR")) return null;
    throw error;
  });
}

export function listing(
  entries: { name: string; type: string; size: number; mtime: Date }[],
  directory: string,
): string {
  const sorted = [...entries].sort((a, b) =>
    a.type === b.type
      ? a.name.localeCompare(b.name, "en", { sensitivity: "base" })
      : a.type === "dir"
        ? -1
        : 1,
  );
  if (sorted.length === 0) return "";
  const rows = sorted.map((e) => {
    const { date, time } = shortDateTime(e.mtime);
    const mode = e.type === "dir" ? "d-----" : "-a----";
    return `${mode}${" ".repeat(8)}${date.padStart(10)} ${time.padStart(8)} ${(e.type === "dir" ? "" : String(e.size)).padStart(14)} ${e.name}`;
  });
  return `\n\n    Directory: ${directory}\n\n\nMode                LastWriteTime         Length Name\n----                -------------         ------ ----\n${rows.join("\n")}\n\n\n`;
}

export const parentDisplay = (path: ResolvedPath) =>
  `${path.letter}:\\${path.parts.slice(0, -1).join("\\")}`;

export function missingParent(display: string, cmdlet: string): PsError {
  return new PsError(
    `Could not find a part of the path '${display}'.`,
    "ObjectNotFound",
    `${display}:String`,
    "DirectoryNotFoundException",
    `GetContentWriterDirectoryNotFoundError,Microsoft.PowerShell.Commands.${cmdlet}Command`,
  );
}

export async function writeContent(
  ctx: CmdletContext,
  args: Bound,
  cmdlet: "SetContent" | "AddContent",
): Promise<void> {
  const text = list(args.Value).join("\r\n") + (args.NoNewline ? "" : "\r\n");
  for (const p of list(args.Path)) {
    const path = resolve(ctx, p, cmdlet);
    try {
      await path.fs.writeFile(path.parts, Buffer.from(text, "utf8"), {
        append: cmdlet === "AddContent",
      });
    } catch (error) {
      if (isFsError(error, "ENOENT") || isFsError(error, "ENOTDIR"))
        throw missingParent(path.display, cmdlet);
      if (isFsError(error, "EISDIR"))
        throw new PsError(
          `Access to the path '${path.display}' is denied.`,
          "PermissionDenied",
          `${path.display}:String`,
          "UnauthorizedAccessException",
          `GetContentWriterUnauthorizedAccessError,Microsoft.PowerShell.Commands.${cmdlet}Command`,
        );
      throw error;
    }
  }
}
