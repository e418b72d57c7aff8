import type { CatalogLanguage } from "@/lib/ecs/catalog/language";

/** The console's languages: English and 繁體中文 (the language of the guide DiskSeal mirrors). */
export const LOCALES = ["en", "zh-TW"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The cookie that remembers the chosen language. */
export const LOCALE_COOKIE = "diskseal-locale";

/** Each language named in itself, as a language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-TW": "繁體中文" };

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? "");
}

/** The catalog language (region, zone and image names) that goes with a console locale. */
export function catalogLanguageOf(locale: string): CatalogLanguage {
  return locale === "zh-TW" ? "zh-TW" : "en";
}
