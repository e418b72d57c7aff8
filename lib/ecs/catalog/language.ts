/**
 * The languages the catalog names things in. The API's `AcceptLanguage` picks one; the
 * console passes its own locale. Names exist in all three; Japanese (`ja`, which ECS also
 * accepts) falls back to English because we carry no Japanese names.
 */
export const CATALOG_LANGUAGES = ["en", "zh-CN", "zh-TW"] as const;
export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];

/** A display name in every catalog language. */
export type LocalizedText = Record<CatalogLanguage, string>;

/** Values ECS accepts for `AcceptLanguage`, plus zh-TW for our own console. */
export const ACCEPT_LANGUAGES = ["zh-CN", "en-US", "ja", "zh-TW"] as const;
export type AcceptLanguage = (typeof ACCEPT_LANGUAGES)[number];

/**
 * ECS answers in Simplified Chinese when `AcceptLanguage` is absent (its documented default is
 * zh-CN), so the API does too; scripts written against the real service see the same names.
 */
export const DEFAULT_CATALOG_LANGUAGE: CatalogLanguage = "zh-CN";

export function languageOfAcceptLanguage(value: AcceptLanguage | undefined): CatalogLanguage {
  switch (value) {
    case undefined:
      return DEFAULT_CATALOG_LANGUAGE;
    case "zh-CN":
    case "zh-TW":
      return value;
    case "en-US":
    case "ja":
      return "en";
  }
}

/** The name in `language`; console locales such as "zh-tw" or "en-GB" match loosely. */
export function localize(text: LocalizedText, language: string): string {
  const lower = language.toLowerCase();
  if (lower === "zh-tw" || lower === "zh-hk" || lower === "zh-hant") return text["zh-TW"];
  if (lower.startsWith("zh")) return text["zh-CN"];
  return text.en;
}
