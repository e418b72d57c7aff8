import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

/**
 * "12 items · page 1 of 2", with links to the previous and next pages when there is more than
 * one (the page number is in the URL, so `hrefOf` builds each page's link). Server-rendered:
 * the caller passes the translated labels.
 */
export function Pagination({
  page: requestedPage,
  totalCount,
  pageSize,
  hrefOf,
  labels,
}: {
  page: number;
  totalCount: number;
  pageSize: number;
  hrefOf: (page: number) => string;
  labels: {
    label: string;
    previous: string;
    next: string;
    summary: (position: { page: number; pages: number }) => string;
  };
}) {
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  const page = Math.min(requestedPage, pages);
  const link = (target: number, label: string, icon: ReactNode) =>
    target >= 1 && target <= pages ? (
      <Link href={hrefOf(target)} className={buttonClasses({ size: "sm" })}>
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
    <nav aria-label={labels.label} className="flex items-center justify-between gap-3">
      <p className="text-xs text-slate-500">{labels.summary({ page, pages })}</p>
      {pages > 1 ? (
        <div className="flex gap-2">
          {link(page - 1, labels.previous, <ChevronLeft aria-hidden className="size-3.5" />)}
          {link(page + 1, labels.next, <ChevronRight aria-hidden className="size-3.5" />)}
        </div>
      ) : null}
    </nav>
  );
}
