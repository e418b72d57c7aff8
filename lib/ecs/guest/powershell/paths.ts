import type { DiskFs } from "@/lib/ecs/guest/fs/disk-fs";
import { PsError, type WindowsSystem } from "@/lib/ecs/guest/powershell/types";

export type ResolvedPath = { display: string; letter: string; fs: DiskFs; parts: string[] };

/** `C:\a\..\b`, `c:/a`, `\a` (current drive), `a` (relative) → drive and components. */
export function resolveWindowsPath(
  sys: WindowsSystem,
  cwd: string,
  input: string,
  cmdlet: string,
): ResolvedPath {
  let path = input.replace(/\//g, "\\");
  const drive = /^([A-Za-z]):/.exec(path);
  if (!drive) path = path.startsWith("\\") ? `${cwd.slice(0, 2)}${path}` : `${cwd}\\${path}`;
  const letter = path[0].toUpperCase();
  const volume = sys.volumes().find((v) => v.letter === letter);
  if (!volume) {
    throw new PsError(
      `Cannot find drive. A drive with the name '${path[0]}' does not exist.`,
      "ObjectNotFound",
      `${path[0]}:String`,
      "DriveNotFoundException",
      `DriveNotFound,Microsoft.PowerShell.Commands.${cmdlet}Command`,
    );
  }
  const parts: string[] = [];
  for (const part of path.slice(2).split("\\")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return { display: `${letter}:\\${parts.join("\\")}`, letter, fs: volume.fs, parts };
}

export function notFound(path: string, cmdlet: string): PsError {
  return new PsError(
    `Cannot find path '${path}' because it does not exist.`,
    "ObjectNotFound",
    `${path}:String`,
    "ItemNotFoundException",
    `PathNotFound,Microsoft.PowerShell.Commands.${cmdlet}Command`,
  );
}
