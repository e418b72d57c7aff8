import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Button, buttonClasses } from "@/components/ui/button";
import { diskListHref, type DiskListParams } from "@/components/disks/disk-list-params";

/** "12 disks · page 1 of 2", with links to the previous and next pages (the page is in the URL). */
export async function DiskPagination({
  regionId,
  params,
  totalCount,
  pageSize,
}: {
  regionId: string;
  params: DiskListParams;
  totalCount: number;
  pageSize: number;
}) {
  const t = await getTranslations("Disks.paging");
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  const page = Math.min(params.page, pages);
  const link = (target: number, label: string, icon: ReactNode) =>
    target >= 1 && target <= pages ? (
      <Link
        href={diskListHref(regionId, { ...params, page: target })}
        className={buttonClasses({ size: "sm" })}
      >
        {icon}
        {label}
      </Link>
    ) : (
      <Button size="sm" disabled>
        {icon}
        {label}
      </Button>
    );
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-3">
      <p className="text-xs text-slate-500">{t("summary", { count: totalCount, page, pages })}</p>
      {pages > 1 ? (
        <div className="flex gap-2">
          {link(page - 1, t("previous"), <ChevronLeft aria-hidden className="size-3.5" />)}
          {link(page + 1, t("next"), <ChevronRight aria-hidden className="size-3.5" />)}
        </div>
      ) : null}
    </nav>
  );
}
