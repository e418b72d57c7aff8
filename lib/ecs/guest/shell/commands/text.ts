import { ERRNO_MESSAGES, isFsError } from "@/lib/ecs/guest/fs/errors";
import { fail, parseOptions } from "@/lib/ecs/guest/shell/format";
import type { CommandContext, CommandFn } from "@/lib/ecs/guest/shell/types";

const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  v: "\v",
  "0": "\0",
};

function unescapeBackslashes(text: string): { text: string; isStopped: boolean } {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "\\" || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const next = text[++i];
    if (next === "c") return { text: out, isStopped: true };
    out += ESCAPES[next] ?? `\\${next}`;
  }
  return { text: out, isStopped: false };
}

export const echo: CommandFn = async (ctx) => {
  let isNewline = true;
  let isEscapes = false;
  let args = ctx.args;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const letter of args[0].slice(1)) {
      if (letter === "n") isNewline = false;
      else isEscapes = letter === "e";
    }
    args = args.slice(1);
  }
  let text = args.join(" ");
  if (isEscapes) {
    const result = unescapeBackslashes(text);
    text = result.text;
    if (result.isStopped) isNewline = false;
  }
  ctx.io.out(isNewline ? `${text}\n` : text);
  return 0;
};

export const printf: CommandFn = async (ctx) => {
  const [format, ...args] = ctx.args;
  if (format === undefined) {
    ctx.io.err("printf: usage: printf [-v var] format [arguments]\n");
    return 2;
  }
  let out = "";
  let index = 0;
  do {
    out += unescapeBackslashes(
      format.replace(/%([-0-9.]*)([sdif%])/g, (_, width: string, conversion: string) => {
        if (conversion === "%") return "%";
        const arg = args[index++] ?? "";
        const value =
          conversion === "s"
            ? arg
            : conversion === "f"
              ? (Number(arg) || 0).toFixed(6)
              : String(Math.trunc(Number(arg) || 0));
        const size = Number.parseInt(width, 10);
        if (!size) return value;
        return width.startsWith("-")
          ? value.padEnd(-size)
          : value.padStart(size, width.startsWith("0") ? "0" : " ");
      }),
    ).text;
  } while (index > 0 && index < args.length);
  ctx.io.out(out);
  return 0;
};

/** Reads each operand ("-" or none: stdin); reports missing ones in the tool's words. */
export async function inputs(
  ctx: CommandContext,
  operands: string[],
  complain: (name: string, why: string) => string,
) {
  const results: { name: string; text: string }[] = [];
  let status = 0;
  for (const operand of operands.length ? operands : ["-"]) {
    if (operand === "-") {
      results.push({ name: operand, text: ctx.io.stdin ?? "" });
      continue;
    }
    try {
      results.push({
        name: operand,
        text: (await ctx.sys.vfs.readFile(ctx.abs(operand))).toString("utf8"),
      });
    } catch (error) {
      if (!isFsError(error)) throw error;
      ctx.io.err(complain(operand, ERRNO_MESSAGES[error.code]));
      status = 1;
    }
  }
  return { results, status };
}

function headTail(kind: "head" | "tail"): CommandFn {
  return async (ctx) => {
    const args = ctx.args.map((arg) => (/^-\d+$/.test(arg) ? `-n${arg.slice(1)}` : arg));
    const options = parseOptions(kind, args, {
      short: "qvf",
      takesValue: "nc",
      long: { lines: "n", bytes: "c", follow: "f" },
    });
    if (options.error) return fail(ctx.io, options.error, 1);
    const { results, status } = await inputs(
      ctx,
      options.operands,
      (name, why) => `${kind}: cannot open '${name}' for reading: ${why}\n`,
    );
    const count = options.values.get("c") ?? options.values.get("n") ?? "10";
    const fromStart = count.startsWith("+");
    const n = Math.abs(Number.parseInt(count, 10));
    if (Number.isNaN(n)) return fail(ctx.io, `${kind}: invalid number of lines: '${count}'\n`, 1);
    results.forEach(({ name, text }, i) => {
      if (results.length > 1)
        ctx.io.out(`${i ? "\n" : ""}==> ${name === "-" ? "standard input" : name} <==\n`);
      if (options.values.has("c")) {
        ctx.io.out(
          kind === "head"
            ? text.slice(0, n)
            : fromStart
              ? text.slice(n - 1)
              : text.slice(-n || text.length),
        );
        return;
      }
      const lines = text.split(/(?<=\n)/);
      const picked =
        kind === "head"
          ? lines.slice(0, n)
          : fromStart
            ? lines.slice(Math.max(0, n - 1))
            : n === 0
              ? []
              : lines.slice(-n);
      ctx.io.out(picked.join(""));
    });
    if (kind === "tail" && options.flags.has("f")) {
      await new Promise<void>((resolve) =>
        ctx.io.signal.addEventListener("abort", () => resolve(), { once: true }),
      );
    }
    return status;
  };
}

export const head = headTail("head");
export const tail = headTail("tail");

export const wc: CommandFn = async (ctx) => {
  const options = parseOptions("wc", ctx.args, {
    short: "lwcm",
    long: { lines: "l", words: "w", bytes: "c", chars: "m" },
  });
  if (options.error) return fail(ctx.io, options.error, 1);
  const { results, status } = await inputs(
    ctx,
    options.operands,
    (name, why) => `wc: ${name}: ${why}\n`,
  );
  const wanted = ["l", "w", "c"].filter(
    (flag) => options.flags.has(flag) || (flag === "c" && options.flags.has("m")),
  );
  const shown = wanted.length ? wanted : ["l", "w", "c"];
  const counts = results.map(({ name, text }) => ({
    name,
    l: (text.match(/\n/g) ?? []).length,
    w: text.split(/\s+/).filter(Boolean).length,
    c: Buffer.byteLength(text),
  }));
  if (counts.length > 1) {
    const sum = (key: "l" | "w" | "c") => counts.reduce((total, count) => total + count[key], 0);
    counts.push({ name: "total", l: sum("l"), w: sum("w"), c: sum("c") });
  }
  const isStdinOnly = options.operands.length === 0;
  const width =
    isStdinOnly && shown.length > 1 ? 7 : Math.max(1, ...counts.map((c) => String(c.c).length));
  for (const count of counts) {
    const numbers = shown.map((key) =>
      String(count[key as "l" | "w" | "c"]).padStart(shown.length > 1 ? width : 0),
    );
    ctx.io.out(`${numbers.join(" ")}${count.name === "-" ? "" : ` ${count.name}`}\n`);
  }
  return status;
};
