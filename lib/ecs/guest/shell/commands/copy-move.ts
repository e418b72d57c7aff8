import { isFsError } from "@/lib/ecs/guest/fs/errors";
import {
  copyTree,
  basename,
  join,
  removeTree,
  usage,
  why,
} from "@/lib/ecs/guest/shell/commands/util";
import { fail, parseOptions } from "@/lib/ecs/guest/shell/format";
import type { CommandFn } from "@/lib/ecs/guest/shell/types";

/** cp and mv: SOURCE DEST, or SOURCE… DIRECTORY. */
function transfer(kind: "cp" | "mv"): CommandFn {
  return async (ctx) => {
    const options = parseOptions(kind, ctx.args, {
      short: kind === "cp" ? "rRfaivpn" : "fivn",
      long: { recursive: "r", force: "f" },
    });
    if (options.error) return fail(ctx.io, options.error, 1);
    const operands = options.operands;
    if (operands.length === 0) return usage(ctx, "missing file operand");
    if (operands.length === 1)
      return usage(ctx, `missing destination file operand after '${operands[0]}'`);
    const isRecursive = ["r", "R", "a"].some((flag) => options.flags.has(flag));
    const target = operands[operands.length - 1];
    const targetPath = ctx.abs(target);
    const targetStat = await ctx.sys.vfs.stat(targetPath).catch(() => null);
    const sources = operands.slice(0, -1);
    if (sources.length > 1 && targetStat?.type !== "dir") {
      ctx.io.err(`${kind}: target '${target}' is not a directory\n`);
      return 1;
    }
    let status = 0;
    for (const source of sources) {
      const from = ctx.abs(source);
      const to = targetStat?.type === "dir" ? join(targetPath, basename(from)) : targetPath;
      const stat = await ctx.sys.vfs.stat(from).catch(() => null);
      if (!stat) {
        ctx.io.err(`${kind}: cannot stat '${source}': No such file or directory\n`);
        status = 1;
        continue;
      }
      if (from === to) {
        ctx.io.err(`${kind}: '${source}' and '${target}' are the same file\n`);
        status = 1;
        continue;
      }
      if (stat.type === "dir" && (to + "/").startsWith(from + "/")) {
        ctx.io.err(
          `${kind}: cannot ${kind === "cp" ? "copy a directory" : "move"} '${source}'${kind === "cp" ? ", into itself" : " to a subdirectory of itself"}, '${to}'\n`,
        );
        status = 1;
        continue;
      }
      try {
        if (kind === "cp") {
          if (stat.type === "dir" && !isRecursive) {
            ctx.io.err(`cp: -r not specified; omitting directory '${source}'\n`);
            status = 1;
            continue;
          }
          await copyTree(ctx.sys.vfs, from, to);
        } else {
          await ctx.sys.vfs.rename(from, to).catch(async (error: unknown) => {
            if (!isFsError(error, "EXDEV")) throw error;
            await copyTree(ctx.sys.vfs, from, to);
            await removeTree(ctx.sys.vfs, from);
          });
        }
      } catch (error) {
        const verb =
          kind === "cp"
            ? `cannot create regular file '${to}'`
            : `cannot move '${source}' to '${to}'`;
        ctx.io.err(`${kind}: ${verb}: ${why(error)}\n`);
        status = 1;
      }
    }
    return status;
  };
}

export const cp = transfer("cp");
export const mv = transfer("mv");
