import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zhTW from "@/messages/zh-TW.json";
import { LOCALES } from "@/lib/i18n/locales";

const MESSAGES: Record<string, unknown> = { en, "zh-TW": zhTW };

/** Every leaf of a messages tree as `a.b.c` → value. */
function leaves(tree: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === "object" && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      for (const [path, leaf] of leaves(value, prefix ? `${prefix}.${key}` : key))
        out.set(path, leaf);
    }
  } else {
    out.set(prefix, tree);
  }
  return out;
}

/** ICU arguments and rich-text tags of a message: `{region}`, `{count, plural, …}`, `<file>`. */
function argumentsOf(message: string): string[] {
  const args = [...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]);
  const tags = [...message.matchAll(/<([A-Za-z_]\w*)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

describe("messages", () => {
  const reference = leaves(en);

  it("exist for every locale", () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LOCALES].sort());
  });

  it.each(Object.keys(MESSAGES))("%s has the same keys as en", (locale) => {
    const keys = [...leaves(MESSAGES[locale]).keys()].sort();
    expect(keys).toEqual([...reference.keys()].sort());
  });

  it.each(Object.keys(MESSAGES))("%s has no empty or non-string value", (locale) => {
    for (const [key, value] of leaves(MESSAGES[locale])) {
      expect(typeof value, key).toBe("string");
      expect((value as string).trim(), key).not.toBe("");
    }
  });

  it.each(Object.keys(MESSAGES))("%s uses the same placeholders as en", (locale) => {
    for (const [key, value] of leaves(MESSAGES[locale])) {
      const english = reference.get(key);
      if (typeof english !== "string" || typeof value !== "string") continue;
      expect(argumentsOf(value), key).toEqual(argumentsOf(english));
    }
  });
});
