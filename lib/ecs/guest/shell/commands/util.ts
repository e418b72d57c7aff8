import { ERRNO_MESSAGES, isFsError } from "@/lib/ecs/guest/fs/errors";
import type { CommandContext } from "@/lib/ecs/guest/shell/types";
import type { Vfs } from "@/lib/ecs/guest/vfs";

/** The errno text of a filesystem error; anything else is not ours to explain. */
export const why = (error: unknown): string => {
  if (isFsError(error)) return ERRNO_MESSAGES[error.code];
  throw error;
};

export const join = (dir: string, name: string) => (dir === "/" ? `/${name}` : `${dir}/${name}`);

export const basename = (path: string) =>
  path.replace(/\/+$/, "").slice(path.replace(/\/+$/, "").lastIndexOf("/") + 1) || "/";

/** "x: missing operand" and coreutils' hint, status 1. */
export function usage(ctx: CommandContext, message: string): number {
  ctx.io.err(`${ctx.name}: ${message}\nTry '${ctx.name} --help' for more information.\n`);
  return 1;
}

export async function removeTree(vfs: Vfs, path: string): Promise<void> {
  const stat = await vfs.stat(path);
  if (stat.type !== "dir") return vfs.unlink(path);
  for (const entry of await vfs.readdir(path)) await removeTree(vfs, join(path, entry.name));
  await vfs.rmdir(path);
}

export async function copyTree(vfs: Vfs, from: string, to: string): Promise<void> {
  const stat = await vfs.stat(from);
  if (stat.type !== "dir") return vfs.writeFile(to, await vfs.readFile(from));
  const existing = await vfs.stat(to).catch(() => null);
  if (!existing) await vfs.mkdir(to, stat.mode & 0o7777);
  for (const entry of await vfs.readdir(from))
    await copyTree(vfs, join(from, entry.name), join(to, entry.name));
}
