import { fail } from "@/lib/ecs/guest/shell/format";
import { LoopControl, type CommandContext, type CommandFn } from "@/lib/ecs/guest/shell/types";

/* The builtins loops and conditions need: break, continue, :, test / [, seq. */

function loopControl(kind: "break" | "continue"): CommandFn {
  return async (ctx) => {
    const levels = ctx.args.length ? Number.parseInt(ctx.args[0], 10) : 1;
    if (!(levels >= 1))
      return fail(ctx.io, `bash: ${kind}: ${ctx.args[0]}: loop count out of range\n`);
    throw new LoopControl(kind, levels);
  };
}

export const breakCommand = loopControl("break");
export const continueCommand = loopControl("continue");
export const colon: CommandFn = async () => 0;

async function evaluate(ctx: CommandContext, args: string[]): Promise<boolean | string> {
  if (args.length === 0) return false;
  if (args[0] === "!") {
    const inner = await evaluate(ctx, args.slice(1));
    return typeof inner === "string" ? inner : !inner;
  }
  if (args.length === 1) return args[0] !== "";
  if (args.length === 2) {
    const [op, operand] = args;
    const stat = () => ctx.sys.vfs.stat(ctx.abs(operand)).catch(() => null);
    switch (op) {
      case "-z":
        return operand === "";
      case "-n":
        return operand !== "";
      case "-e":
        return (await stat()) !== null;
      case "-f":
        return (await stat())?.type === "file";
      case "-d":
        return (await stat())?.type === "dir";
      case "-b":
        return (await stat())?.type === "block";
      case "-s":
        return ((await stat())?.size ?? 0) > 0;
      case "-r":
      case "-w":
      case "-x":
        return (await stat()) !== null;
      default:
        return `${op}: unary operator expected`;
    }
  }
  if (args.length === 3) {
    const [left, op, right] = args;
    if (op === "=" || op === "==") return left === right;
    if (op === "!=") return left !== right;
    const numbers = {
      "-eq": (a: number, b: number) => a === b,
      "-ne": (a: number, b: number) => a !== b,
      "-lt": (a: number, b: number) => a < b,
      "-le": (a: number, b: number) => a <= b,
      "-gt": (a: number, b: number) => a > b,
      "-ge": (a: number, b: number) => a >= b,
    };
    const compare = numbers[op as keyof typeof numbers];
    if (!compare) return `${op}: binary operator expected`;
    for (const value of [left, right])
      if (!/^-?\d+$/.test(value.trim())) return `${value}: integer expression expected`;
    return compare(Number(left), Number(right));
  }
  return "too many arguments";
}

export const test: CommandFn = async (ctx) => {
  let args = ctx.args;
  if (ctx.name === "[") {
    if (args.at(-1) !== "]") return fail(ctx.io, "bash: [: missing `]'\n", 2);
    args = args.slice(0, -1);
  }
  const result = await evaluate(ctx, args);
  if (typeof result === "string") return fail(ctx.io, `bash: ${ctx.name}: ${result}\n`, 2);
  return result ? 0 : 1;
};

export const seq: CommandFn = async (ctx) => {
  const numbers = ctx.args.map(Number);
  if (numbers.length === 0 || numbers.length > 3 || numbers.some(Number.isNaN)) {
    return fail(
      ctx.io,
      ctx.args.length
        ? `seq: invalid floating point argument: '${ctx.args.find((a) => Number.isNaN(Number(a)))}'\nTry 'seq --help' for more information.\n`
        : "seq: missing operand\nTry 'seq --help' for more information.\n",
    );
  }
  const [first, step, last] =
    numbers.length === 1
      ? [1, 1, numbers[0]]
      : numbers.length === 2
        ? [numbers[0], 1, numbers[1]]
        : numbers;
  if (step === 0)
    return fail(
      ctx.io,
      "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n",
    );
  const out: string[] = [];
  for (let n = first; step > 0 ? n <= last : n >= last; n += step) {
    out.push(`${n}\n`);
    if (out.length > 1_000_000) break;
  }
  ctx.io.out(out.join(""));
  return 0;
};
