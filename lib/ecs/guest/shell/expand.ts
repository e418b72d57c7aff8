import { evaluateArithmetic } from "@/lib/ecs/guest/shell/arithmetic";
import type { Word } from "@/lib/ecs/guest/shell/ast";
import { normalizePath } from "@/lib/ecs/guest/vfs";

/** What expansion needs from the shell: variables, `$(…)`, and directory listings for globs. */
export type Expander = {
  param(name: string): string;
  home: string;
  substitute(script: string): Promise<string>;
  cwd: string;
  list(dir: string): Promise<string[] | null>;
};

type Segment = { text: string; quoted: boolean };

/** A word → its fields: parameters and command substitutions, field splitting, globbing. */
export async function expandWord(word: Word, ex: Expander): Promise<string[]> {
  const fields: Segment[][] = [[]];
  let hasQuoted = false;
  for (const part of word) {
    if (part.kind === "tilde") {
      fields.at(-1)!.push({ text: ex.home, quoted: true });
      continue;
    }
    if (part.kind === "text") {
      fields.at(-1)!.push({ text: part.value, quoted: part.quoted });
      hasQuoted ||= part.quoted;
      continue;
    }
    const value =
      part.kind === "param"
        ? ex.param(part.name)
        : part.kind === "arithmetic"
          ? String(evaluateArithmetic(part.expression, ex.param))
          : (await ex.substitute(part.script)).replace(/\n+$/, "");
    if (part.quoted) {
      hasQuoted = true;
      fields.at(-1)!.push({ text: value, quoted: true });
      continue;
    }
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0) fields.push([]);
      if (piece) fields.at(-1)!.push({ text: piece, quoted: false });
    });
  }
  const results: string[] = [];
  for (const segments of fields) {
    const text = segments.map((s) => s.text).join("");
    if (segments.length === 0 || (text === "" && !hasQuoted)) continue;
    const isGlob = segments.some((s) => !s.quoted && /[*?[]/.test(s.text));
    if (!isGlob) {
      results.push(text);
      continue;
    }
    const pattern = segments
      .map((s) => (s.quoted ? s.text.replace(/[*?[\]\\]/g, "\\$&") : s.text))
      .join("");
    const matches = await glob(pattern, ex);
    results.push(...(matches.length ? matches : [text]));
  }
  if (results.length === 0 && hasQuoted) results.push("");
  return results;
}

/** The expansion of a word that must be one string (redirect targets, assignments). */
export async function expandToString(word: Word, ex: Expander): Promise<string> {
  const fields = await expandWord(word, { ...ex, list: async () => null });
  return fields.join(" ");
}

function componentRegex(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\" && i + 1 < pattern.length) source += escapeRegex(pattern[++i]);
    else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) source += "\\[";
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else source += escapeRegex(c);
  }
  return new RegExp(`^${source}$`);
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

const hasMeta = (component: string) => /(^|[^\\])[*?[]/.test(component);
const unescape = (component: string) => component.replace(/\\(.)/g, "$1");

async function glob(pattern: string, ex: Expander): Promise<string[]> {
  const isAbsolute = pattern.startsWith("/");
  const components = pattern.split("/").filter(Boolean);
  let candidates = [isAbsolute ? "/" : ""];
  for (const component of components) {
    const next: string[] = [];
    for (const base of candidates) {
      const join = (name: string) =>
        base === "" ? name : base === "/" ? `/${name}` : `${base}/${name}`;
      if (!hasMeta(component)) {
        next.push(join(unescape(component)));
        continue;
      }
      const names = await ex.list(normalizePath(ex.cwd, base || "."));
      if (!names) continue;
      const regex = componentRegex(component);
      const showHidden = component.startsWith(".");
      for (const name of names.sort()) {
        if ((showHidden || !name.startsWith(".")) && regex.test(name)) next.push(join(name));
      }
    }
    candidates = next;
  }
  const existing: string[] = [];
  for (const candidate of candidates) {
    const parent = normalizePath(
      ex.cwd,
      candidate.includes("/") ? candidate.slice(0, candidate.lastIndexOf("/")) || "/" : ".",
    );
    const names = await ex.list(parent);
    const base = candidate.slice(candidate.lastIndexOf("/") + 1);
    if (names?.includes(base)) existing.push(candidate);
  }
  return existing;
}
