import type { Locale } from "@/lib/i18n/locales";
import type messages from "@/messages/en.json";

// Type-checks every `t("…")` key against the English messages (zh-TW has the same keys:
// lib/i18n/messages.test.ts).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
