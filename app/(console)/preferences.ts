/**
 * The console's remembered choices. The language has its own cookie (lib/i18n/locales.ts);
 * this one remembers the last region chosen in the top bar, so that `/` opens it again.
 */
export const REGION_COOKIE = "diskseal-region";

/** Both preferences are kept for a year. */
export const PREFERENCE_MAX_AGE_SECONDS = 365 * 24 * 3600;
