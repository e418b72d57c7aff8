import { DISK_CATEGORY_NAMES, type DiskCategory } from "@/lib/ecs/catalog/disk-categories";
import { catalogLanguageOf } from "@/lib/i18n/locales";

/** A category's console name in the page's language ("ESSD", "ESSD雲端硬碟"); the API name if unknown. */
export function categoryName(category: string, locale: string): string {
  const names = Object.hasOwn(DISK_CATEGORY_NAMES, category)
    ? DISK_CATEGORY_NAMES[category as DiskCategory]
    : undefined;
  return names ? names[catalogLanguageOf(locale)] : category;
}

/** "ESSD PL1" / "ESSD雲端硬碟 PL1": the category with its performance level when it has one. */
export function categoryWithLevel(
  category: string,
  performanceLevel: string | null | undefined,
  locale: string,
): string {
  const name = categoryName(category, locale);
  return performanceLevel ? `${name} ${performanceLevel}` : name;
}
