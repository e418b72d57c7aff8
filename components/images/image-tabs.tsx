"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type ImageTab = "custom" | "public";
const TABS: ImageTab[] = ["custom", "public"];

/** Images › Custom images · Public images. The tab lives in the URL (`?tab=public`). */
export function ImageTabs({
  regionId,
  tab,
  children,
}: {
  regionId: string;
  tab: ImageTab;
  children: ReactNode;
}) {
  const t = useTranslations("Images.tabs");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <Tabs.Root
      value={tab}
      activationMode="manual"
      onValueChange={(value) =>
        startTransition(() =>
          router.push(`/${regionId}/images${value === "public" ? "?tab=public" : ""}`),
        )
      }
    >
      <Tabs.List aria-label={t("label")} className="flex gap-1 border-b border-slate-200">
        {TABS.map((value) => (
          <Tabs.Trigger
            key={value}
            value={value}
            className={cn(
              "-mb-px border-b-2 px-3.5 py-2 text-sm font-medium transition-colors",
              "focus-visible:outline-2 focus-visible:outline-blue-600",
              "data-[state=active]:border-blue-600 data-[state=active]:text-blue-700",
              "data-[state=inactive]:border-transparent data-[state=inactive]:text-slate-600 data-[state=inactive]:hover:text-slate-900",
            )}
          >
            {t(value)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content
        value={tab}
        aria-busy={isPending || undefined}
        className={cn("space-y-4 pt-5 transition-opacity", isPending && "opacity-60")}
      >
        {children}
      </Tabs.Content>
    </Tabs.Root>
  );
}
