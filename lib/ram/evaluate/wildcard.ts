/**
 * RAM's wildcards: `*` is any run of characters (also none), `?` exactly one. Actions compare
 * case-insensitively (`ECS:createdisk` is `ecs:CreateDisk`); resources and StringLike values as
 * written. Compiled patterns are cached: the same few policies are matched on every request.
 */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 5_000;

export function matchesWildcard(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === "*") return true;
  if (!pattern.includes("*") && !pattern.includes("?")) {
    return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  const key = (ignoreCase ? "i:" : "s:") + pattern;
  let regex = compiled.get(key);
  if (!regex) {
    const body = [...pattern]
      .map((c) => (c === "*" ? "[\\s\\S]*" : c === "?" ? "[\\s\\S]" : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("");
    regex = new RegExp(`^${body}$`, ignoreCase ? "iu" : "u");
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, regex);
  }
  return regex.test(value);
}
