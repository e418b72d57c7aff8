import { ERRNO_MESSAGES, isFsError } from "@/lib/ecs/guest/fs/errors";
import type { Redirect } from "@/lib/ecs/guest/shell/ast";
import { expandToString, type Expander } from "@/lib/ecs/guest/shell/expand";
import type { LinuxSystem, ShellIo } from "@/lib/ecs/guest/shell/types";
import { normalizePath } from "@/lib/ecs/guest/vfs";

type Sink = { write(text: string): void };
type FileSink = Sink & { path: string; chunks: string[] };

export type Redirected = {
  io: ShellIo;
  /** Writes what went to files; returns an error status if a write failed. */
  finish(command: string): Promise<number | null>;
};

/**
 * Applies a command's redirections in order, as bash does: `> f` creates or truncates f at
 * once (so `2>&1 > f` and `> f 2>&1` differ), output collected for files is written when the
 * command ends. Returns null, after bash's complaint, when a target cannot be opened.
 */
export async function applyRedirects(
  redirects: Redirect[],
  io: ShellIo,
  context: { sys: LinuxSystem; cwd: string; expander: Expander; prefix: string },
): Promise<Redirected | null> {
  const fds: Record<number, Sink> = { 1: { write: io.out }, 2: { write: io.err } };
  const files: FileSink[] = [];
  let stdin = io.stdin;
  for (const redirect of redirects) {
    if (redirect.op === ">&") {
      fds[redirect.fd] = fds[redirect.toFd] ?? fds[1];
      continue;
    }
    if (redirect.op === "<<") {
      stdin = await expandToString(redirect.body, context.expander);
      continue;
    }
    const target = await expandToString(redirect.target, context.expander);
    const path = normalizePath(context.cwd, target);
    try {
      if (redirect.op === "<") {
        stdin = (await context.sys.vfs.readFile(path)).toString("utf8");
        continue;
      }
      await context.sys.vfs.writeFile(path, Buffer.alloc(0), { append: redirect.op === ">>" });
    } catch (error) {
      if (!isFsError(error)) throw error;
      io.err(`${context.prefix}${target}: ${ERRNO_MESSAGES[error.code]}\n`);
      return null;
    }
    const sink: FileSink = { path, chunks: [], write: (text) => sink.chunks.push(text) };
    files.push(sink);
    if (redirect.fd === "both") fds[1] = fds[2] = sink;
    else fds[redirect.fd] = sink;
  }
  return {
    io: { ...io, stdin, out: (text) => fds[1].write(text), err: (text) => fds[2].write(text) },
    finish: async (command) => {
      let status: number | null = null;
      for (const file of files) {
        if (file.chunks.length === 0) continue;
        try {
          const content = Buffer.from(file.chunks.join(""));
          await context.sys.vfs.writeFile(file.path, content, { append: true });
        } catch (error) {
          if (!isFsError(error)) throw error;
          io.err(`${context.prefix}${command}: write error: ${ERRNO_MESSAGES[error.code]}\n`);
          status = 1;
        }
      }
      return status;
    },
  };
}
