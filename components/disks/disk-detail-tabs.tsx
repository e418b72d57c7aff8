"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { UrlTabs } from "@/components/ui/url-tabs";

export type DiskTab = "details" | "media";
const TABS: DiskTab[] = ["details", "media"];

/**
 * A disk page's tabs (Details · Media). The tab lives in the URL (`?tab=media`), so the Media
 * tab reads the medium only when opened.
 */
export function DiskDetailTabs({
  basePath,
  tab,
  children,
}: {
  basePath: string;
  tab: DiskTab;
  children: ReactNode;
}) {
  const t = useTranslations("Disks.detail.tabs");
  return (
    <UrlTabs
      label={t("label")}
      tabs={TABS.map((value) => ({ value, label: t(value) }))}
      value={tab}
      hrefOf={(value) => (value === "media" ? `${basePath}?tab=media` : basePath)}
      contentClassName="space-y-5"
    >
      {children}
    </UrlTabs>
  );
}
