"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { UrlTabs } from "@/components/ui/url-tabs";

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
  return (
    <UrlTabs
      label={t("label")}
      tabs={TABS.map((value) => ({ value, label: t(value) }))}
      value={tab}
      hrefOf={(value) => `/${regionId}/images${value === "public" ? "?tab=public" : ""}`}
      contentClassName="space-y-4"
    >
      {children}
    </UrlTabs>
  );
}
