import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

const HEADER_WIDTHS = {
  /** A list page: short breadcrumb and title. */
  list: ["w-24", "w-40"],
  /** A resource page: longer breadcrumb and title (the resource's name). */
  detail: ["w-40", "w-72"],
  /** The region's overview. */
  overview: ["w-32", "w-56"],
} as const;

/**
 * A page's skeleton while its server component reads (the shell stays in place): an announced
 * "Loading" status with the header's bars, then the page's own placeholders (`children`).
 */
export async function PageSkeleton({
  variant,
  children,
}: {
  variant: keyof typeof HEADER_WIDTHS;
  children: ReactNode;
}) {
  const t = await getTranslations("Common");
  const [breadcrumb, title] = HEADER_WIDTHS[variant];
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-5">
      <span className="sr-only">{t("loading")}</span>
      <div className="space-y-2">
        <div className={`h-3 ${breadcrumb} rounded bg-slate-200`} />
        <div className={`h-6 ${title} rounded bg-slate-200`} />
      </div>
      {children}
    </div>
  );
}

/** A bar of tabs, one placeholder per width. */
export function SkeletonTabs({ widths }: { widths: string[] }) {
  return (
    <div className="flex gap-4 border-b border-slate-200 pb-2">
      {widths.map((width, index) => (
        <div key={index} className={`h-5 ${width} rounded bg-slate-200`} />
      ))}
    </div>
  );
}

/** A row of `count` filter controls. */
export function SkeletonFilters({ count }: { count: number }) {
  return (
    <div className="flex gap-3">
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="h-8 w-44 rounded bg-slate-200" />
      ))}
    </div>
  );
}

/** Four table rows: one cell per width, then one filling the rest. */
export function SkeletonRows({ cells }: { cells: string[] }) {
  return (
    <div className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
      {[0, 1, 2, 3].map((row) => (
        <div key={row} className="flex gap-6 px-4 py-4">
          {cells.map((width, index) => (
            <div key={index} className={`h-4 ${width} rounded bg-slate-100`} />
          ))}
          <div className="h-4 flex-1 rounded bg-slate-100" />
        </div>
      ))}
    </div>
  );
}

/** A card of the given height (a Tailwind `h-*` class). */
export function SkeletonCard({ height }: { height: string }) {
  return <div className={`${height} rounded-md border border-slate-200 bg-white`} />;
}

/** Two cards side by side on large screens. */
export function SkeletonCardPair({ height }: { height: string }) {
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      {[0, 1].map((index) => (
        <SkeletonCard key={index} height={height} />
      ))}
    </div>
  );
}
