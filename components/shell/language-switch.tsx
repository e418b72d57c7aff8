"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, ChevronDown, Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import type { ActionResult } from "@/lib/console/server-action";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/**
 * English / 繁體中文. The choice is a cookie set by a server action (the URL stays the same in
 * both languages); the page then renders again in the new language, `<html lang>` included.
 */
export function LanguageSwitch({
  setLocaleAction,
}: {
  setLocaleAction: (input: { locale: Locale }) => Promise<ActionResult<null>>;
}) {
  const t = useTranslations("Shell");
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();

  const onSelect = (next: Locale) => {
    if (next === locale) return;
    startTransition(async () => {
      const result = await setLocaleAction({ locale: next });
      if (result.ok) router.refresh();
    });
  };

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`${t("language")}: ${LOCALE_NAMES[locale]}`}
        disabled={isPending}
        className="flex h-8 items-center gap-1.5 rounded px-2 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-60"
      >
        <Languages aria-hidden className="size-4 text-slate-500" />
        <span>{LOCALE_NAMES[locale]}</span>
        <ChevronDown aria-hidden className="size-3.5 text-slate-400" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-50 min-w-36 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs text-slate-500">
            {t("language")}
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={locale}
            onValueChange={(value) => onSelect(value as Locale)}
          >
            {LOCALES.map((option) => (
              <DropdownMenu.RadioItem
                key={option}
                value={option}
                lang={option}
                className="flex cursor-pointer items-center justify-between gap-4 rounded px-2 py-1.5 text-slate-800 outline-none data-[highlighted]:bg-blue-50 data-[highlighted]:text-blue-700"
              >
                {LOCALE_NAMES[option]}
                <DropdownMenu.ItemIndicator>
                  <Check aria-hidden className="size-3.5" />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
