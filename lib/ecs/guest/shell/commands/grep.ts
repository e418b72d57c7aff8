import { fail, parseOptions } from "@/lib/ecs/guest/shell/format";
import { inputs } from "@/lib/ecs/guest/shell/commands/text";
import type { CommandFn } from "@/lib/ecs/guest/shell/types";

/** Basic regular expressions → JavaScript: \| \( \) \{ \} are the operators, their bare forms literal. */
function basicToJs(pattern: string): string {
  return pattern.replace(/\\([|(){}+?])|([|(){}+?])/g, (_, escaped: string, bare: string) =>
    escaped ? escaped : `\\${bare}`,
  );
}

export const grep: CommandFn = async (ctx) => {
  const options = parseOptions("grep", ctx.args, {
    short: "ivcnqEFwlrhHs",
    takesValue: "e",
    long: { "ignore-case": "i", "invert-match": "v", count: "c", quiet: "q" },
  });
  if (options.error)
    return fail(
      ctx.io,
      options.error.replace(
        "Try 'grep --help'",
        "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help'",
      ),
      2,
    );
  const f = options.flags;
  const operands = [...options.operands];
  const pattern = options.values.get("e") ?? operands.shift();
  if (pattern === undefined)
    return fail(
      ctx.io,
      "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      2,
    );
  let source = f.has("F")
    ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    : f.has("E")
      ? pattern
      : basicToJs(pattern);
  if (f.has("w")) source = `\\b(?:${source})\\b`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, f.has("i") ? "i" : "");
  } catch {
    return fail(ctx.io, "grep: Unmatched ( or \\(\n", 2);
  }
  const { results, status } = await inputs(ctx, operands, (name, why) =>
    f.has("s") ? "" : `grep: ${name}: ${why}\n`,
  );
  const isNamed = (results.length > 1 || f.has("H")) && !f.has("h");
  let matched = 0;
  for (const { name, text } of results) {
    const lines = text.split("\n");
    if (text.endsWith("\n")) lines.pop();
    let count = 0;
    lines.forEach((line, i) => {
      if (regex.test(line) === f.has("v")) return;
      count++;
      if (f.has("q") || f.has("c") || f.has("l")) return;
      const label = name === "-" ? "(standard input)" : name;
      ctx.io.out(`${isNamed ? `${label}:` : ""}${f.has("n") ? `${i + 1}:` : ""}${line}\n`);
    });
    if (f.has("c")) ctx.io.out(`${isNamed ? `${name}:` : ""}${count}\n`);
    if (f.has("l") && count) ctx.io.out(`${name}\n`);
    matched += count;
  }
  if (status) return 2;
  return matched ? 0 : 1;
};
