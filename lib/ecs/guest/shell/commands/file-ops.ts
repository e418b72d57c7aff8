import { FsError, isFsError } from "@/lib/ecs/guest/fs/errors";
import { removeTree, usage, why } from "@/lib/ecs/guest/shell/commands/util";
import { fail, parseOptions } from "@/lib/ecs/guest/shell/format";
import type { CommandFn } from "@/lib/ecs/guest/shell/types";

export const cat: CommandFn = async (ctx) => {
  const options = parseOptions("cat", ctx.args, { short: "nAevtsuE" });
  if (options.error) return fail(ctx.io, options.error, 1);
  let status = 0;
  const chunks: string[] = [];
  for (const operand of options.operands.length ? options.operands : ["-"]) {
    if (operand === "-") {
      chunks.push(ctx.io.stdin ?? "");
      continue;
    }
    try {
      chunks.push((await ctx.sys.vfs.readFile(ctx.abs(operand))).toString("utf8"));
    } catch (error) {
      ctx.io.out(chunks.splice(0).join(""));
      ctx.io.err(`cat: ${operand}: ${why(error)}\n`);
      status = 1;
    }
  }
  let text = chunks.join("");
  if (options.flags.has("n")) {
    const lines = text.split("\n");
    const last = lines.pop();
    text =
      lines.map((line, i) => `${String(i + 1).padStart(6)}\t${line}\n`).join("") +
      (last ? `${String(lines.length + 1).padStart(6)}\t${last}` : "");
  }
  ctx.io.out(text);
  return status;
};

export const mkdir: CommandFn = async (ctx) => {
  const options = parseOptions("mkdir", ctx.args, {
    short: "pv",
    takesValue: "m",
    long: { parents: "p", verbose: "v", mode: "m" },
  });
  if (options.error) return fail(ctx.io, options.error, 1);
  if (options.operands.length === 0) return usage(ctx, "missing operand");
  const mode = options.values.has("m") ? parseInt(options.values.get("m")!, 8) : 0o755;
  let status = 0;
  for (const operand of options.operands) {
    const path = ctx.abs(operand);
    try {
      if (options.flags.has("p")) {
        const parts = path.split("/").filter(Boolean);
        for (let i = 1; i <= parts.length; i++) {
          const prefix = `/${parts.slice(0, i).join("/")}`;
          const stat = await ctx.sys.vfs.stat(prefix).catch(() => null);
          if (stat?.type === "dir") continue;
          if (stat) throw new FsError(i === parts.length ? "EEXIST" : "ENOTDIR");
          await ctx.sys.vfs.mkdir(prefix, i === parts.length ? mode : 0o755);
          if (options.flags.has("v")) ctx.io.out(`mkdir: created directory '${prefix}'\n`);
        }
      } else {
        await ctx.sys.vfs.mkdir(path, mode);
        if (options.flags.has("v")) ctx.io.out(`mkdir: created directory '${operand}'\n`);
      }
    } catch (error) {
      ctx.io.err(`mkdir: cannot create directory ‘${operand}’: ${why(error)}\n`);
      status = 1;
    }
  }
  return status;
};

export const rm: CommandFn = async (ctx) => {
  const options = parseOptions("rm", ctx.args, {
    short: "rRfiIvd",
    long: {
      recursive: "r",
      force: "f",
      verbose: "v",
      "no-preserve-root": "--no-preserve-root",
      dir: "d",
    },
  });
  if (options.error) return fail(ctx.io, options.error, 1);
  const f = options.flags;
  const isRecursive = f.has("r") || f.has("R");
  if (options.operands.length === 0) return f.has("f") ? 0 : usage(ctx, "missing operand");
  let status = 0;
  for (const operand of options.operands) {
    const path = ctx.abs(operand);
    if (isRecursive && path === "/" && !f.has("--no-preserve-root")) {
      ctx.io.err(
        "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
      );
      status = 1;
      continue;
    }
    try {
      const stat = await ctx.sys.vfs.stat(path);
      if (stat.type === "dir" && !isRecursive) {
        if (!f.has("d")) throw new FsError("EISDIR");
        await ctx.sys.vfs.rmdir(path);
      } else if (stat.type === "dir") await removeTree(ctx.sys.vfs, path);
      else await ctx.sys.vfs.unlink(path);
      if (f.has("v")) ctx.io.out(`removed '${operand}'\n`);
    } catch (error) {
      if (f.has("f") && isFsError(error, "ENOENT")) continue;
      ctx.io.err(`rm: cannot remove '${operand}': ${why(error)}\n`);
      status = 1;
    }
  }
  return status;
};

export const rmdir: CommandFn = async (ctx) => {
  const options = parseOptions("rmdir", ctx.args, { short: "pv" });
  if (options.error) return fail(ctx.io, options.error, 1);
  if (options.operands.length === 0) return usage(ctx, "missing operand");
  let status = 0;
  for (const operand of options.operands) {
    try {
      await ctx.sys.vfs.rmdir(ctx.abs(operand));
    } catch (error) {
      ctx.io.err(`rmdir: failed to remove '${operand}': ${why(error)}\n`);
      status = 1;
    }
  }
  return status;
};

export const touch: CommandFn = async (ctx) => {
  const options = parseOptions("touch", ctx.args, { short: "acm" });
  if (options.error) return fail(ctx.io, options.error, 1);
  if (options.operands.length === 0) return usage(ctx, "missing file operand");
  let status = 0;
  for (const operand of options.operands) {
    try {
      await ctx.sys.vfs.touch(ctx.abs(operand));
    } catch (error) {
      ctx.io.err(`touch: cannot touch '${operand}': ${why(error)}\n`);
      status = 1;
    }
  }
  return status;
};

/** Octal modes and the symbolic forms people type (+x, u+x, go-w, a=r). */
export function applyMode(spec: string, current: number): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = current & 0o7777;
  for (const clause of spec.split(",")) {
    const match = /^([ugoa]*)([+=-])([rwxt]*)$/.exec(clause);
    if (!match) return null;
    const who = match[1] || "a";
    const bits =
      (match[3].includes("r") ? 4 : 0) |
      (match[3].includes("w") ? 2 : 0) |
      (match[3].includes("x") ? 1 : 0);
    let mask = 0;
    if (who.includes("u") || who.includes("a")) mask |= bits << 6;
    if (who.includes("g") || who.includes("a")) mask |= bits << 3;
    if (who.includes("o") || who.includes("a")) mask |= bits;
    if (match[3].includes("t")) mask |= 0o1000;
    if (match[2] === "+") mode |= mask;
    else if (match[2] === "-") mode &= ~mask;
    else
      mode =
        (mode &
          ~(
            (who.includes("u") || who.includes("a") ? 0o700 : 0) |
            (who.includes("g") || who.includes("a") ? 0o70 : 0) |
            (who.includes("o") || who.includes("a") ? 0o7 : 0)
          )) |
        mask;
  }
  return mode;
}

export const chmod: CommandFn = async (ctx) => {
  const operands = ctx.args.filter((arg) => arg !== "-R" && arg !== "-v");
  if (operands.length < 2)
    return usage(
      ctx,
      operands.length ? `missing operand after '${operands[0]}'` : "missing operand",
    );
  const [spec, ...paths] = operands;
  let status = 0;
  for (const operand of paths) {
    try {
      const stat = await ctx.sys.vfs.stat(ctx.abs(operand));
      const mode = applyMode(spec, stat.mode);
      if (mode === null)
        return fail(
          ctx.io,
          `chmod: invalid mode: '${spec}'\nTry 'chmod --help' for more information.\n`,
          1,
        );
      await ctx.sys.vfs.chmod(ctx.abs(operand), mode);
    } catch (error) {
      ctx.io.err(`chmod: cannot access '${operand}': ${why(error)}\n`);
      status = 1;
    }
  }
  return status;
};
